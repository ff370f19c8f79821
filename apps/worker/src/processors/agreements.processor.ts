import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { JobName, QueueName, RenderAgreementsPayload, WORKER_METRICS } from '@app/queue';
import { ClosePublicityHandler, ClosePublicityResult } from '../handlers/close-publicity.handler';
import {
  RenderAgreementsHandler,
  RenderAgreementsProgress,
  RenderAgreementsResult,
} from '../handlers/render-agreements.handler';
import { forBullmq } from '../permanent-failure';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';
import { QueueWorker, schedule, unknownJob } from './queue-worker';
import { JobTenantScope } from './job-tenant-scope';

/**
 * Every minute, on the minute: an award is at most a minute late. A cron pattern rather than
 * `every`, which would also fire each time a worker starts and upserts the schedule.
 */
const CLOSE_PUBLICITY_PATTERN = '* * * * *';

@Processor(QueueName.Agreements, { metrics: WORKER_METRICS })
export class AgreementsProcessor extends QueueWorker {
  constructor(
    private readonly render: RenderAgreementsHandler,
    private readonly closePublicity: ClosePublicityHandler,
    config: AppConfig,
    @InjectQueue(QueueName.Agreements) private readonly queue: Queue,
    metrics: WorkerMetrics,
    private readonly tenantScope: JobTenantScope,
  ) {
    super(config, metrics);
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await schedule(this.queue, JobName.ClosePublicity, CLOSE_PUBLICITY_PATTERN);
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
          throw unknownJob(job);
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
