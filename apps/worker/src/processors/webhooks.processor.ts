import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { DeliverWebhookPayload, JobName, QueueName, WORKER_METRICS } from '@app/queue';
import { DeliverWebhookHandler, DeliverWebhookResult } from '../handlers/deliver-webhook.handler';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';
import { QueueWorker, unknownJob } from './queue-worker';

@Processor(QueueName.Webhooks, { metrics: WORKER_METRICS })
export class WebhooksProcessor extends QueueWorker {
  constructor(
    private readonly deliver: DeliverWebhookHandler,
    config: AppConfig,
    metrics: WorkerMetrics,
  ) {
    super(config, metrics);
  }

  process(job: Job): Promise<DeliverWebhookResult> {
    return jobContext(job, () => this.run(job));
  }

  private run(job: Job): Promise<DeliverWebhookResult> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.DeliverWebhook:
        return this.deliver.handle(job.data as DeliverWebhookPayload, job.attemptsMade + 1);
      default:
        throw unknownJob(job);
    }
  }
}
