import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WebhookTopic } from '@app/domain';
import { WebhooksRepository } from '@app/persistence';
import { JobName } from '@app/queue';
import { JobOutbox } from '../jobs/job-outbox';

/** What changed, as receivers read it: ids, titles and states, never secrets or phone numbers. */
export interface WebhookSubject {
  readonly type: string;
  readonly id: string;
  readonly [field: string]: string | number | boolean | null;
}

export interface WebhookOccurrence {
  readonly topic: WebhookTopic;
  readonly competitionId: string;
  readonly subject: WebhookSubject;
}

/**
 * The one way a change becomes a webhook event (a transactional outbox): the event row and one
 * delivery job per subscribed endpoint of the competition's office are written in the caller's
 * transaction, so receivers hear of every committed change and of none that rolled back.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly jobs: JobOutbox,
  ) {}

  async record(manager: EntityManager, occurrence: WebhookOccurrence): Promise<void> {
    const competition = await this.webhooks.competitionHeader(manager, occurrence.competitionId);
    if (!competition) return;
    const endpoints = await this.webhooks.subscribedEndpoints(manager, competition.tenantId, occurrence.topic);
    // An event nobody listens to is not kept: the log is of deliveries, not of everything that happened.
    if (endpoints.length === 0) return;
    const id = randomUUID();
    const createdAt = new Date();
    await this.webhooks.insertEvent(manager, {
      id,
      tenantId: competition.tenantId,
      topic: occurrence.topic,
      competitionId: occurrence.competitionId,
      createdAt,
      payload: {
        id,
        topic: occurrence.topic,
        occurredAt: createdAt.toISOString(),
        tenantId: competition.tenantId,
        competition: { id: occurrence.competitionId, title: competition.title },
        subject: occurrence.subject,
      },
    });
    for (const endpoint of endpoints) {
      await this.jobs.enqueue(manager, {
        name: JobName.DeliverWebhook,
        data: { eventId: id, endpointId: endpoint.id },
      });
    }
  }
}
