import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '@app/config';
import { JobName, QueueName, RankAndAllocatePayload, WORKER_METRICS, redisOptionsFor } from '@app/queue';
import { RankAndAllocateHandler, RankAndAllocateOutcome } from '../handlers/rank-and-allocate.handler';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';
import { unknownJob } from './queue-worker';
import { JobTenantScope } from './job-tenant-scope';

/**
 * Consumes the ranking queue. The BullMQ Worker is built here rather than by @Processor because
 * its lock duration and stalled-check interval come from the configuration (WORKER_LOCK_MS), and
 * @Processor's options are fixed when the class is declared. A worker killed mid-job loses the
 * job's lock after that time; another worker's stalled check then runs it again.
 */
@Injectable()
export class RankingProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ranking');
  private worker: Worker<RankAndAllocatePayload, RankAndAllocateOutcome, string> | undefined;

  constructor(
    private readonly rankAndAllocate: RankAndAllocateHandler,
    private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
    private readonly tenantScope: JobTenantScope,
  ) {}

  onApplicationBootstrap(): void {
    const { queue } = this.config;
    this.worker = new Worker(
      QueueName.Ranking,
      (job) => jobContext(job, () => this.tenantScope.run(job, () => this.process(job))),
      {
        connection: redisOptionsFor(this.config.redis.url, 'worker'),
        prefix: queue.prefix,
        concurrency: queue.workerConcurrency,
        lockDuration: queue.lockMs,
        stalledInterval: queue.lockMs,
        metrics: WORKER_METRICS,
      },
    );
    this.metrics.watch(this.worker);
    this.worker.on('error', (error) => this.logger.warn(`ranking worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (!job || error instanceof UnrecoverableError || error.name === 'UnrecoverableError') return;
      if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
      this.logger.warn(
        `job ${job.id} run ${job.data.runId} gave up after ${job.attemptsMade} attempts: ${error.message}`,
      );
      this.rankAndAllocate.giveUp(job.data.runId).catch((reason: unknown) => {
        this.logger.warn(
          `run ${job.data.runId} could not be marked failed: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
      });
    });
  }

  /** Lets the current job finish (SIGTERM), so a deploy never leaves a run half-done. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  process(job: Job<RankAndAllocatePayload, RankAndAllocateOutcome, string>): Promise<RankAndAllocateOutcome> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.RankAndAllocate:
        return this.rankAndAllocate.handle(job.data);
      default:
        throw unknownJob(job);
    }
  }
}
