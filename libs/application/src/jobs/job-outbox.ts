import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRepository } from '@app/persistence';
import { JOB_QUEUE, JobPayload, jobIdFor } from '@app/queue';

/**
 * How every job is queued: an outbox row written in the caller's transaction, which the API's
 * relay puts on BullMQ under the row's job id. Work never commits without its job, a Redis outage
 * only delays it, and the same work queued twice is one job (the job id comes from its natural key).
 */
@Injectable()
export class JobOutbox {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Returns the job id. */
  async enqueue(manager: EntityManager, job: JobPayload): Promise<string> {
    const jobId = jobIdFor(job);
    await this.outbox.insert(manager, { queueName: JOB_QUEUE[job.name], jobName: job.name, jobId, payload: job.data });
    return jobId;
  }
}
