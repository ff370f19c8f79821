import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GrantRules, GrantState, ReportKind, ReportState } from '@app/domain';
import { Notification } from './notification.entity';

export type NewNotification = Omit<Notification, 'id' | 'createdAt' | 'readAt'>;

/** Where an organization's copies outside the inbox go. */
export interface OrganizationContact {
  readonly phone: string;
  /** Accounts whose login is an e-mail address: the only addresses the platform holds. */
  readonly emails: readonly string[];
}

/** An active grant with what its report reminders need. */
export interface GrantForReminders {
  readonly grantId: string;
  readonly tenantId: string;
  readonly organizationId: string;
  readonly projectTitle: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly reportTerms: GrantRules['reports'];
  /** Reports written so far, in any state. */
  readonly filed: readonly { readonly kind: ReportKind; readonly period: string; readonly state: ReportState }[];
}

/** The in-app inbox, and the people a notification goes to. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organizationUsers(manager: EntityManager, organizationId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organization_id = $1 AND role = 'applicant' ORDER BY created_at`,
      [organizationId],
    );
    return rows.map((row) => row.id);
  }

  async officeUsers(manager: EntityManager, tenantId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE tenant_id = $1 AND role = 'office' ORDER BY created_at`,
      [tenantId],
    );
    return rows.map((row) => row.id);
  }

  /** The projects a ranking run ranked, with the organization each belongs to. */
  async runProjects(
    manager: EntityManager,
    runId: string,
  ): Promise<{ submissionId: string; title: string; organizationId: string }[]> {
    const rows = await manager.query<{ submission_id: string; title: string; organization_id: string }[]>(
      `SELECT r.submission_id, s.title, s.organization_id
         FROM run_result r JOIN submission s ON s.id = r.submission_id
        WHERE r.run_id = $1 ORDER BY r.display_rank, s.id`,
      [runId],
    );
    return rows.map((row) => ({
      submissionId: row.submission_id,
      title: row.title,
      organizationId: row.organization_id,
    }));
  }

  async organizationContact(organizationId: string): Promise<OrganizationContact | undefined> {
    const [organization] = await this.dataSource.query<{ contact_phone: string }[]>(
      `SELECT contact_phone FROM organization WHERE id = $1`,
      [organizationId],
    );
    if (!organization) return undefined;
    const users = await this.dataSource.query<{ login: string }[]>(
      `SELECT login FROM app_user WHERE organization_id = $1 AND role = 'applicant' AND login LIKE '%_@_%' ORDER BY created_at`,
      [organizationId],
    );
    return { phone: organization.contact_phone, emails: users.map((user) => user.login) };
  }

  /** Rows already there for the same person and subject are kept: each is told once. Returns how many are new. */
  async insert(manager: EntityManager, rows: readonly NewNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows.map((row) => ({ ...row })))
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length;
  }

  /** One of the organization's copies of a message, for the text the e-mail and SMS carry. */
  firstOf(dedupKey: string, userIds: readonly string[]): Promise<Notification | null> {
    if (userIds.length === 0) return Promise.resolve(null);
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.dedupKey = :dedupKey', { dedupKey })
      .andWhere('notification.userId IN (:...userIds)', { userIds })
      .orderBy('notification.createdAt', 'ASC')
      .getOne();
  }

  /** Newest first, with the total for the page envelope. */
  inbox(userId: string, window: { readonly skip: number; readonly take: number }): Promise<[Notification[], number]> {
    return this.dataSource
      .getRepository(Notification)
      .findAndCount({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' }, ...window });
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  /** Null when the person has no such notification; reading twice keeps the first time. */
  async markRead(userId: string, id: string): Promise<Notification | null> {
    const repository = this.dataSource.getRepository(Notification);
    const found = await repository.findOneBy({ id, userId });
    if (!found) return null;
    if (found.readAt) return found;
    found.readAt = new Date();
    return repository.save(found);
  }

  async activeGrantsForReminders(): Promise<GrantForReminders[]> {
    const rows = await this.dataSource.query<
      {
        grant_id: string;
        tenant_id: string;
        organization_id: string;
        title: string;
        period_start: string;
        period_end: string;
        reports: GrantRules['reports'];
        filed: { kind: ReportKind; period: string; state: ReportState }[];
      }[]
    >(
      `SELECT g.id AS grant_id, c.tenant_id, g.organization_id, s.title,
              to_char(g.period_start, 'YYYY-MM-DD') AS period_start, to_char(g.period_end, 'YYYY-MM-DD') AS period_end,
              c.rules -> 'grants' -> 'reports' AS reports,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', r.kind, 'period', r.period, 'state', r.state))
                          FROM grant_report r WHERE r.grant_id = g.id), '[]') AS filed
         FROM project_grant g
         JOIN competition c ON c.id = g.competition_id
         JOIN submission s ON s.id = g.submission_id
        WHERE g.state = $1
        ORDER BY g.id`,
      [GrantState.Active],
    );
    return rows.map((row) => ({
      grantId: row.grant_id,
      tenantId: row.tenant_id,
      organizationId: row.organization_id,
      projectTitle: row.title,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      reportTerms: row.reports,
      filed: row.filed,
    }));
  }
}
