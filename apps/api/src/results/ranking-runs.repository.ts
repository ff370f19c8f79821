import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsSelect, In, IsNull } from 'typeorm';
import { SlotState } from '@app/domain';
import {
  Competition,
  Organization,
  OutboxMessage,
  Publication,
  RankingRun,
  RankingRunStatus,
  Roadshow,
  RoadshowSlot,
  RunResult,
} from '@app/persistence';
import { JobName, QueueName, RankAndAllocatePayload, jobIdFor } from '@app/queue';

/** Every column but the large jsonb ones. */
const RUN_SUMMARY: FindOptionsSelect<RankingRun> = {
  id: true,
  competitionId: true,
  status: true,
  trigger: true,
  requestedBy: true,
  rulesVersion: true,
  inputHash: true,
  totalFen: true,
  progress: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
};

export interface SlotCounts {
  readonly total: number;
  readonly locked: number;
}

export interface NewRun {
  readonly competitionId: string;
  readonly trigger: 'office' | 'objection';
  readonly requestedBy: string;
}

/** Ranking runs, their result rows, and the outbox rows that put them on the queue. */
@Injectable()
export class RankingRunsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** FOR UPDATE in the caller's transaction: runs of one competition are requested one at a time. */
  lockCompetition(manager: EntityManager, id: string): Promise<Competition | null> {
    return manager.getRepository(Competition).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findCompetition(id: string): Promise<Competition | null> {
    return this.dataSource.getRepository(Competition).findOneBy({ id });
  }

  /** The roadshow's slots, and how many are locked; undefined without a roadshow. */
  async slotCounts(manager: EntityManager, competitionId: string): Promise<SlotCounts | undefined> {
    const roadshow = await manager.getRepository(Roadshow).findOneBy({ competitionId });
    if (!roadshow) return undefined;
    const slots = manager.getRepository(RoadshowSlot);
    const [total, locked] = await Promise.all([
      slots.countBy({ roadshowId: roadshow.id }),
      slots.countBy({ roadshowId: roadshow.id, state: SlotState.Locked }),
    ]);
    return { total, locked };
  }

  activeRun(manager: EntityManager, competitionId: string): Promise<RankingRun | null> {
    return manager.getRepository(RankingRun).findOne({
      where: { competitionId, status: In<RankingRunStatus>(['queued', 'running']) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * The run and the outbox row that will put its job on the queue, in the caller's transaction:
   * both exist or neither does. The job id comes from the run id, so dispatching twice enqueues once.
   */
  async insertQueuedRun(manager: EntityManager, run: NewRun): Promise<{ run: RankingRun; jobId: string }> {
    const runs = manager.getRepository(RankingRun);
    const saved = await runs.save(
      runs.create({
        competitionId: run.competitionId,
        trigger: run.trigger,
        requestedBy: run.requestedBy,
        status: 'queued',
      }),
    );
    const data: RankAndAllocatePayload = { runId: saved.id };
    const jobId = jobIdFor({ name: JobName.RankAndAllocate, data });
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        queuePrefix: this.config.queue.prefix,
        queueName: QueueName.Ranking,
        jobName: JobName.RankAndAllocate,
        jobId,
        payload: data,
      })
      .execute();
    return { run: saved, jobId };
  }

  /** The run without its inputs and statistics, which can run to megabytes. */
  findRun(id: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOne({ where: { id }, select: RUN_SUMMARY });
  }

  /** The run with everything it stored: for statistics and the bundle. */
  findRunWithData(id: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOneBy({ id });
  }

  /** Newest first. */
  runsOf(competitionId: string): Promise<RankingRun[]> {
    return this.dataSource.getRepository(RankingRun).find({
      where: { competitionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      select: RUN_SUMMARY,
    });
  }

  /** The most recently requested run that succeeded: the current result. */
  latestSucceeded(competitionId: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOne({
      where: { competitionId, status: 'succeeded' },
      select: RUN_SUMMARY,
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** The notice (公示) in force, if any: applicants see only what it published. */
  currentPublication(competitionId: string): Promise<Publication | null> {
    return this.dataSource.getRepository(Publication).findOne({
      where: { competitionId, supersededAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  resultsOf(runId: string): Promise<RunResult[]> {
    return this.dataSource.getRepository(RunResult).find({ where: { runId }, order: { position: 'ASC' } });
  }

  organizations(ids: readonly string[]): Promise<Organization[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.getRepository(Organization).findBy({ id: In([...ids]) });
  }
}
