import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/domain';
import { PLATFORM_SCOPE, TenantScope } from '@app/persistence';
import { Actor } from './actor';

/**
 * The table behind each collection an office route names by `/{collection}/{id}`: a write there
 * changes that row or rows under it, so that row's office decides whether the caller may write.
 */
const COLLECTION_TABLES: Readonly<Record<string, string>> = {
  competitions: 'competition',
  submissions: 'submission',
  roadshows: 'roadshow',
  runs: 'ranking_run',
  publications: 'publication',
  objections: 'objection',
  agreements: 'agreement',
  grants: 'project_grant',
  refunds: 'grant_refund',
  'termination-proposals': 'termination_proposal',
  tranches: 'grant_tranche',
  reports: 'grant_report',
  attachments: 'report_attachment',
  'budget-changes': 'budget_change',
  'evaluation-rounds': 'evaluation_round',
  'vote-rounds': 'vote_round',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an authenticated caller's queries may see and where its writes land (see TenantScope). */
@Injectable()
export class TenantScopesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * An office acts for its own tenant and sees it and every office below it (a district its
   * streets), read-only there. Everyone else reads across tenants: applicants, judges, evaluators
   * and voters are held to their own organization, roadshow or round by the services, and an admin
   * runs the platform.
   */
  async scopeOf(actor: Actor): Promise<TenantScope> {
    if (actor.kind !== 'user' || actor.role !== Role.Office) return PLATFORM_SCOPE;
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH RECURSIVE below (id) AS (
         SELECT id FROM tenant WHERE id = $1
         UNION ALL
         SELECT t.id FROM tenant t JOIN below b ON t.parent_id = b.id
       )
       SELECT id FROM below`,
      [actor.tenantId],
    );
    return { tenantId: actor.tenantId, visible: rows.map((row) => row.id) };
  }

  /**
   * The office a write to `/{collection}/{id}` lands in, when the row is one the scope sees; checked
   * before any route runs, so that a district office's write to its street's data is refused whole,
   * whichever service (and whichever store: Postgres or Redis) the route would have used.
   */
  async tenantOfTarget(path: string): Promise<string | undefined> {
    const [collection, id] = path.split('?')[0].split('/').slice(1, 3);
    const table = COLLECTION_TABLES[collection];
    if (table === undefined || id === undefined || !UUID.test(id)) return undefined;
    const rows = await this.dataSource.query<{ tenant_id: string }[]>(`SELECT tenant_id FROM ${table} WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.tenant_id;
  }
}
