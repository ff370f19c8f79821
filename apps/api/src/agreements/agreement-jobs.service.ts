import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { OutboxMessage } from '@app/persistence';
import { JOB_QUEUE, JobName, RenderAgreementsPayload, jobIdFor } from '@app/queue';

/**
 * Queues agreement rendering the way every job is queued here: an outbox row written in the
 * caller's transaction, which the outbox relay (apps/api/src/results) puts on BullMQ under the
 * row's job id. An award or a regeneration never commits without its job, and a Redis outage
 * only delays the work.
 */
@Injectable()
export class AgreementJobsService {
  constructor(private readonly config: AppConfig) {}

  /** Returns the job id; writing the same work twice keeps the one row (the job id is unique). */
  async enqueue(manager: EntityManager, payload: RenderAgreementsPayload): Promise<string> {
    const jobId = jobIdFor({ name: JobName.RenderAgreements, data: payload });
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        queuePrefix: this.config.queue.prefix,
        queueName: JOB_QUEUE[JobName.RenderAgreements],
        jobName: JobName.RenderAgreements,
        jobId,
        payload,
      })
      .orIgnore()
      .execute();
    return jobId;
  }
}
