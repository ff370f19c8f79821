import { OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/config';
import { JOB_OPTIONS, JobName, jobIdFor } from '@app/queue';
import { WorkerMetrics } from '../worker-metrics.service';

/**
 * A queue consumer declared with @Processor. Its concurrency comes from the configuration
 * (WORKER_CONCURRENCY) and every attempt is measured; @Processor's own options are fixed when the
 * class is declared, so both are applied once the worker exists.
 */
export abstract class QueueWorker extends WorkerHost implements OnApplicationBootstrap {
  protected constructor(
    private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void | Promise<void> {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.metrics.watch(this.worker);
  }
}

/** A job name this build does not know can never succeed here: BullMQ must not retry it. */
export function unknownJob(job: Job): UnrecoverableError {
  return new UnrecoverableError(`unknown job ${job.name} on queue ${job.queueName}`);
}

/**
 * A job that runs on a cron pattern and carries nothing. The schedule lives in Redis under the job's
 * fixed id, so every worker upserting it at start keeps exactly one schedule, and a tick is taken by
 * one worker only.
 */
export async function schedule(
  queue: Queue,
  name: JobName.ClosePublicity | JobName.RemindReports,
  pattern: string,
): Promise<void> {
  await queue.upsertJobScheduler(
    jobIdFor({ name, data: {} }),
    { pattern },
    { name, data: {}, opts: JOB_OPTIONS[name] },
  );
}
