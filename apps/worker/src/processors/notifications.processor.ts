import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/config';
import { JOB_OPTIONS, JobName, QueueName, SendNotificationPayload, WORKER_METRICS, jobIdFor } from '@app/queue';
import { RemindReportsHandler, RemindReportsResult } from '../handlers/remind-reports.handler';
import { SendNotificationHandler, SendNotificationResult } from '../handlers/send-notification.handler';
import { forBullmq } from '../permanent-failure';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';

/** Every hour at minute 5: a report's reminder is at most an hour late, and never in the minute publicity closes. */
const REMIND_REPORTS_PATTERN = '5 * * * *';

@Processor(QueueName.Notifications, { metrics: WORKER_METRICS })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly send: SendNotificationHandler,
    private readonly remindReports: RemindReportsHandler,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly metrics: WorkerMetrics,
  ) {
    super();
  }

  /** One schedule under a fixed id, however many workers upsert it at start. */
  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.metrics.watch(this.worker);
    await this.queue.upsertJobScheduler(
      jobIdFor({ name: JobName.RemindReports, data: {} }),
      { pattern: REMIND_REPORTS_PATTERN },
      { name: JobName.RemindReports, data: {}, opts: JOB_OPTIONS[JobName.RemindReports] },
    );
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
          throw new UnrecoverableError(`unknown job ${String(name)} on queue ${QueueName.Notifications}`);
      }
    } catch (error) {
      throw forBullmq(error);
    }
  }
}
