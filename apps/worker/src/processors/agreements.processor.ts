import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/config';
import { JOB_OPTIONS, JobName, QueueName, RenderAgreementsPayload, WORKER_METRICS, jobIdFor } from '@app/queue';
import { ClosePublicityHandler, ClosePublicityResult } from '../handlers/close-publicity.handler';
import {
  RenderAgreementsHandler,
  RenderAgreementsProgress,
  RenderAgreementsResult,
} from '../handlers/render-agreements.handler';
import { forBullmq } from '../permanent-failure';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';
import { JobTenantScope } from './job-tenant-scope';

/**
 * Every minute, on the minute: an award is at most a minute late. A cron pattern rather than
 * `every`, which would also fire each time a worker starts and upserts the schedule.
 */
const CLOSE_PUBLICITY_PATTERN = '* * * * *';

@Processor(QueueName.Agreements, { metrics: WORKER_METRICS })
export class AgreementsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly render: RenderAgreementsHandler,
    private readonly closePublicity: ClosePublicityHandler,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Agreements) private readonly queue: Queue,
    private readonly metrics: WorkerMetrics,
    private readonly tenantScope: JobTenantScope,
  ) {
    super();
  }

  /**
   * The schedule lives in Redis under a fixed id, so every worker upserting it at start keeps
   * exactly one schedule, and a tick is taken by one worker only.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.metrics.watch(this.worker);
    await this.queue.upsertJobScheduler(
      jobIdFor({ name: JobName.ClosePublicity, data: {} }),
      { pattern: CLOSE_PUBLICITY_PATTERN },
      { name: JobName.ClosePublicity, data: {}, opts: JOB_OPTIONS[JobName.ClosePublicity] },
    );
  }

  process(job: Job): Promise<RenderAgreementsResult | ClosePublicityResult> {
    return jobContext(job, () => this.tenantScope.run(job, () => this.run(job)));
  }

  private async run(job: Job): Promise<RenderAgreementsResult | ClosePublicityResult> {
    const name = job.name as JobName;
    try {
      switch (name) {
        case JobName.RenderAgreements:
          return await this.render.handle(job.data as RenderAgreementsPayload, {
            generatedAt: new Date(job.timestamp),
            onProgress: (progress) => this.reportProgress(job, progress),
          });
        case JobName.ClosePublicity:
          return await this.closePublicity.handle();
        default:
          throw new UnrecoverableError(`unknown job ${String(name)} on queue ${QueueName.Agreements}`);
      }
    } catch (error) {
      // Refusals (wrong state, missing rows, a view the renderer rejects) fail the same way on every attempt.
      throw forBullmq(error);
    }
  }

  /** Job progress for BullMQ clients (a queue dashboard); the agreements rows themselves are the record. */
  private async reportProgress(job: Job, progress: RenderAgreementsProgress): Promise<void> {
    await job.updateProgress({ ...progress });
  }
}
