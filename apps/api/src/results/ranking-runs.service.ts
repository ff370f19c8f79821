import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionLifecycle, JobOutbox } from '@app/application';
import {
  CompetitionErrors,
  CompetitionState,
  RankingErrors,
  assertComponentValuesReady,
  assertEverySlotLocked,
} from '@app/domain';
import {
  AuditRepository,
  CompetitionsRepository,
  ComponentValuesRepository,
  RankingRun,
  RankingRunsRepository,
} from '@app/persistence';
import { storedComponentsOf } from '@app/scoring';
import { JobName } from '@app/queue';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { RunResponseDto, toRunResponse } from './dto/run-response.dto';
import { OutboxRelay } from './outbox-relay.service';

export type RunTrigger = 'office' | 'objection';

/**
 * Where a run may be requested from: the office ranks once scoring has closed and may re-run a
 * ranked or allocated competition; an upheld objection re-runs during or right after the notice
 * period (the publicity flow moves the competition back to ranked first).
 */
const ALLOWED_STATES: Readonly<Record<RunTrigger, readonly CompetitionState[]>> = {
  office: [CompetitionState.ScoringClosed, CompetitionState.Ranked, CompetitionState.Allocated],
  objection: [CompetitionState.Ranked, CompetitionState.Allocated, CompetitionState.Publicity],
};

/** "Rank and allocate": records runs and queues them through the outbox; the worker does the work. */
@Injectable()
export class RankingRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RankingRunsRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly jobs: JobOutbox,
    private readonly audit: AuditRepository,
    private readonly relay: OutboxRelay,
    private readonly componentValues: ComponentValuesRepository,
  ) {}

  /**
   * Records a queued ranking run, the outbox row that puts its job on the queue, and the audit row,
   * all in the caller's transaction (one of its own when there is none), so there is never a run
   * without its job nor a job without its run. Checks that the competition may be ranked: the
   * state fits the trigger, every slot of its roadshow is locked, and every input and vote
   * component is valued for every project and locked. The job is dispatched right
   * after the commit.
   */
  async requestRun(
    manager: EntityManager,
    competitionId: string,
    trigger: RunTrigger,
    actor: Actor,
  ): Promise<RankingRun> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inner) => this.requestRun(inner, competitionId, trigger, actor));
    }
    const competition = await this.lifecycle.lock(manager, competitionId, 'update');
    const allowed = ALLOWED_STATES[trigger];
    if (!allowed.includes(competition.state)) throw RankingErrors.notRankable(competition.state, trigger, allowed);
    const slots = await this.runs.slotCounts(manager, competitionId);
    assertEverySlotLocked(slots?.total ?? 0, slots?.locked ?? 0);
    const components = storedComponentsOf(competition.rules);
    if (components.length > 0) {
      const [values, locks, projectIds] = [
        await this.componentValues.valuesOf(competitionId, manager),
        await this.componentValues.locksOf(competitionId, manager),
        await this.runs.rankableProjectIds(manager, competitionId),
      ];
      assertComponentValuesReady(
        components,
        new Set(locks.map((lock) => lock.componentKey)),
        (key) => new Set(values.filter((row) => row.componentKey === key).map((row) => row.submissionId)),
        projectIds,
      );
    }
    if (trigger === 'office') {
      const active = await this.runs.activeRun(manager, competitionId);
      if (active) throw RankingErrors.runActive(active.id, active.status);
    }
    const actorInfo = auditActor(actor);
    const run = await this.runs.insertQueuedRun(manager, { competitionId, trigger, requestedBy: actorInfo.actorId });
    const jobId = await this.jobs.enqueue(manager, { name: JobName.RankAndAllocate, data: { runId: run.id } });
    await this.audit.record(
      {
        ...actorInfo,
        action: 'ranking-run.request',
        subjectType: 'ranking-run',
        subjectId: run.id,
        after: { competitionId, trigger, status: run.status, jobId, competitionState: competition.state },
      },
      manager,
    );
    this.relay.dispatchAfterCommit(manager);
    return run;
  }

  /** The office's "rank and allocate". */
  async requestByOffice(actor: Actor, competitionId: string): Promise<RunResponseDto> {
    const run = await this.dataSource.transaction((manager) =>
      this.requestRun(manager, competitionId, 'office', actor),
    );
    return toRunResponse(run);
  }

  async get(id: string): Promise<RunResponseDto> {
    const run = await this.runs.findRun(id);
    if (!run) throw RankingErrors.runNotFound();
    return toRunResponse(run);
  }

  async list(competitionId: string): Promise<RunResponseDto[]> {
    if (!(await this.competitions.findById(competitionId))) throw CompetitionErrors.notFound();
    return (await this.runs.runsOf(competitionId)).map(toRunResponse);
  }
}
