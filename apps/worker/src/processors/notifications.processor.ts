import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { JobName, QueueName, SendNotificationPayload, WORKER_METRICS } from '@app/queue';
import { RemindReportsHandler, RemindReportsResult } from '../handlers/remind-reports.handler';
import { SendNotificationHandler, SendNotificationResult } from '../handlers/send-notification.handler';
import { forBullmq } from '../permanent-failure';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';
import { QueueWorker, schedule, unknownJob } from './queue-worker';

/** Every hour at minute 5: a report's reminder is at most an hour late, and never in the minute publicity closes. */
const REMIND_REPORTS_PATTERN = '5 * * * *';

@Processor(QueueName.Notifications, { metrics: WORKER_METRICS })
export class NotificationsProcessor extends QueueWorker {
  constructor(
    private readonly send: SendNotificationHandler,
    private readonly remindReports: RemindReportsHandler,
    config: AppConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    metrics: WorkerMetrics,
  ) {
    super(config, metrics);
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await schedule(this.queue, JobName.RemindReports, REMIND_REPORTS_PATTERN);
  }

  process(job: Job): Promise<SendNotificationResult | RemindReportsResult> {
    return jobContext(job, () => this.run(job));
  }

  private async run(job: Job): Promise<SendNotificationResult | RemindReportsResult> {
    const name = job.name as JobName;
    try {
      switch (name) {
        case JobName.SendNotification:
          return await this.send.handle(job.data as SendNotificationPayload);
        case JobName.RemindReports:
          return await this.remindReports.handle(new Date(job.timestamp));
        default:
          throw unknownJob(job);
      }
    } catch (error) {
      throw forBullmq(error);
    }
  }
}
