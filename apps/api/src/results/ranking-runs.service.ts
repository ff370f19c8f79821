import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionState, DomainError, DomainErrorCode } from '@app/domain';
import { AuditRepository, RankingRun } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { COMPETITION_STATE_ZH, stateZh } from '../competitions/competition-state-labels';
import { RunResponseDto, toRunResponse } from './dto/run-response.dto';
import { OutboxRelay } from './outbox-relay.service';
import { RankingRunsRepository } from './ranking-runs.repository';

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

export const RUN_NOT_FOUND = new DomainError(
  DomainErrorCode.NotFound,
  { zh: '未找到该排名任务', en: 'ranking run not found' },
  'id',
);

const COMPETITION_NOT_FOUND = new DomainError(
  DomainErrorCode.NotFound,
  { zh: '未找到该大赛', en: 'competition not found' },
  'id',
);

function conflict(zh: string, en: string): DomainError {
  return new DomainError(DomainErrorCode.Conflict, { zh, en });
}

/** "Rank and allocate": records runs and queues them through the outbox; the worker does the work. */
@Injectable()
export class RankingRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RankingRunsRepository,
    private readonly audit: AuditRepository,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Records a queued ranking run, the outbox row that puts its job on the queue, and the audit row,
   * all in the caller's transaction (one of its own when there is none), so there is never a run
   * without its job nor a job without its run. Checks that the competition may be ranked: the
   * state fits the trigger and every slot of its roadshow is locked. The job is dispatched right
   * after the commit.
   */
  async requestRun(
    manager: EntityManager,
    competitionId: string,
    trigger: 'office' | 'objection',
    actor: Actor,
  ): Promise<RankingRun> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inner) => this.requestRun(inner, competitionId, trigger, actor));
    }
    const competition = await this.runs.lockCompetition(manager, competitionId);
    if (!competition) throw COMPETITION_NOT_FOUND;
    const allowed = ALLOWED_STATES[trigger];
    if (!allowed.includes(competition.state)) {
      throw conflict(
        `大赛当前为${stateZh(competition.state)}，不能排名和分配资金；` +
          `只有${allowed.map((state) => `「${COMPETITION_STATE_ZH[state]}」`).join('、')}时可以`,
        `a competition that is ${competition.state} cannot be ranked; ` +
          `${trigger === 'office' ? 'the office ranks' : 'an upheld objection re-ranks'} only when it is ${allowed.join(', ')}`,
      );
    }
    const slots = await this.runs.slotCounts(manager, competitionId);
    if (!slots || slots.total === 0) {
      throw conflict('该大赛还没有路演出场顺序，没有可排名的项目', 'the competition has no roadshow slots to rank');
    }
    if (slots.locked < slots.total) {
      const open = slots.total - slots.locked;
      throw conflict(
        `路演还有 ${open} 个出场位未锁定（共 ${slots.total} 个），全部锁定后才能排名`,
        `${open} of ${slots.total} roadshow slots are not locked; lock every slot before ranking`,
      );
    }
    if (trigger === 'office') {
      const active = await this.runs.activeRun(manager, competitionId);
      if (active) {
        throw conflict(
          `已有排名任务正在${active.status === 'queued' ? '排队' : '进行'}（${active.id}），请等它完成`,
          `run ${active.id} is already ${active.status}; wait for it to finish`,
        );
      }
    }
    const actorInfo = auditActor(actor);
    const { run, jobId } = await this.runs.insertQueuedRun(manager, {
      competitionId,
      trigger,
      requestedBy: actorInfo.actorId,
    });
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
    if (!run) throw RUN_NOT_FOUND;
    return toRunResponse(run);
  }

  async list(competitionId: string): Promise<RunResponseDto[]> {
    if (!(await this.runs.findCompetition(competitionId))) throw COMPETITION_NOT_FOUND;
    return (await this.runs.runsOf(competitionId)).map(toRunResponse);
  }
}
