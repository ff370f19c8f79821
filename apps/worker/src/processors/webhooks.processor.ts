import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/config';
import { DeliverWebhookPayload, JobName, QueueName, WORKER_METRICS } from '@app/queue';
import { DeliverWebhookHandler, DeliverWebhookResult } from '../handlers/deliver-webhook.handler';
import { WorkerMetrics } from '../worker-metrics.service';
import { jobContext } from './job-context';

@Processor(QueueName.Webhooks, { metrics: WORKER_METRICS })
export class WebhooksProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly deliver: DeliverWebhookHandler,
    private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.metrics.watch(this.worker);
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
        throw new UnrecoverableError(`unknown job ${String(name)} on queue ${QueueName.Webhooks}`);
    }
  }
}
