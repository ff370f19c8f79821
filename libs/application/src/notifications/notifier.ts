import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationsRepository } from '@app/persistence';
import { JobName } from '@app/queue';
import { JobOutbox } from '../jobs/job-outbox';
import { NotificationFacts, notificationText } from './notification-texts';

export interface OrganizationNotice {
  readonly tenantId: string;
  readonly organizationId: string;
  /** What the message is about (`screening-<submission id>`): each person is told of it once. */
  readonly dedupKey: string;
  readonly facts: NotificationFacts;
}

/**
 * Tells people: the in-app rows are written in the caller's transaction (so a message never speaks
 * of a change that rolled back), and the e-mail and SMS copies are a job queued in the same one.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly jobs: JobOutbox,
  ) {}

  /** Every account of the organization; e-mail and SMS copies follow once. */
  async toOrganization(manager: EntityManager, notice: OrganizationNotice): Promise<void> {
    const userIds = await this.notifications.organizationUsers(manager, notice.organizationId);
    const added = await this.insert(manager, notice.tenantId, userIds, notice.dedupKey, notice.facts);
    if (added === 0) return;
    await this.jobs.enqueue(manager, {
      name: JobName.SendNotification,
      data: { organizationId: notice.organizationId, dedupKey: notice.dedupKey },
    });
  }

  /** The office's own accounts, in-app only: they work in the console all day. */
  async toOffice(manager: EntityManager, tenantId: string, dedupKey: string, facts: NotificationFacts): Promise<void> {
    await this.insert(manager, tenantId, await this.notifications.officeUsers(manager, tenantId), dedupKey, facts);
  }

  private insert(
    manager: EntityManager,
    tenantId: string,
    userIds: readonly string[],
    dedupKey: string,
    facts: NotificationFacts,
  ): Promise<number> {
    const text = notificationText(facts);
    return this.notifications.insert(
      manager,
      userIds.map((userId) => ({ tenantId, userId, kind: facts.kind, dedupKey, ...text })),
    );
  }
}
