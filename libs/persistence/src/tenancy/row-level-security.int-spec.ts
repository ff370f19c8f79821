import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APPLICATION_ROLE, loadConfig } from '@app/config';
import { COMPETITION_PRESETS, CompetitionState, DEFAULT_TENANT_ID, Role, TenantKind } from '@app/domain';
import { IsolatedDatabase, createIsolatedDatabase } from '@app/testing';
import { Competition } from '../competition/competition.entity';
import { AppUser } from '../identity/app-user.entity';
import { Tenant } from '../identity/tenant.entity';
import { createDataSource } from '../data-source';
import { runInTenantScope } from './tenant-scope';

/**
 * What keeps one office's data from another when the code forgets: the database itself, for the
 * role the API and the worker log in as. The owner fills the tables; the application role is the
 * one tried.
 */
describe('row-level security binds the application role (real Postgres)', () => {
  let database: IsolatedDatabase;
  let owner: DataSource;
  let application: DataSource;
  let applicationUrl: string;
  let streets: [string, string];

  beforeAll(async () => {
    database = await createIsolatedDatabase(loadConfig().database.ownerUrl as string, 'rls');
    owner = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    const config = loadConfig({ ...process.env, DATABASE_URL: database.url });
    applicationUrl = config.database.url;
    application = await createDataSource({ url: applicationUrl, poolSize: 2 }).initialize();
    const other = await owner
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: '新华路街道', parentId: null });
    streets = [DEFAULT_TENANT_ID, other.id];
    for (const tenantId of streets) {
      const clerk = await owner.getRepository(AppUser).save({
        role: Role.Office,
        login: `office-${randomUUID()}`,
        displayName: '街道办公室',
        passwordHash: 'never-signs-in',
        organizationId: null,
        tenantId,
      });
      await owner.getRepository(Competition).save({
        tenantId,
        title: `2026年 社区公益创投大赛 ${tenantId.slice(0, 8)}`,
        state: CompetitionState.Open,
        poolFen: 3_000_000,
        rules: COMPETITION_PRESETS['party-building'],
        rulesVersion: 1,
        rulesFrozenAt: null,
        grantor: { name: '长宁区民政局', address: '上海市长宁区', representative: '王建国' },
        submissionDeadline: new Date(Date.now() + 7 * 24 * 3600 * 1000),
        createdBy: clerk.id,
      });
    }
  });

  afterAll(async () => {
    await application?.destroy();
    await owner?.destroy();
    await database?.drop();
  });

  /** A plain connection as the application role, which no code has given a scope. */
  async function asApplication<T>(work: (query: (sql: string) => Promise<T>) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: applicationUrl });
    await client.connect();
    try {
      return await work(async (sql) => (await client.query(sql)).rows as T);
    } finally {
      await client.end();
    }
  }

  it('logs in as a role that owns no table and may not bypass row-level security', async () => {
    const [role] = await application.query<{ user: string; bypass: boolean; superuser: boolean }[]>(
      `SELECT current_user AS user, rolbypassrls AS bypass, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ user: APPLICATION_ROLE, bypass: false, superuser: false });
    const owned = await application.query<unknown[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    expect(owned).toEqual([]);
  });

  it('puts every table with a tenant_id under row-level security', async () => {
    const unprotected = await owner.query<{ table: string }[]>(
      `SELECT c.relname AS table FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND NOT c.relrowsecurity
          AND c.relname NOT IN ('app_user', 'api_key', 'audit_chain_head')`,
    );
    expect(unprotected).toEqual([]);
  });

  it('shows an unscoped query only the offices the scope names', async () => {
    const [mine, theirs] = streets;
    const seen = await runInTenantScope({ tenantId: theirs, visible: [theirs] }, () =>
      application.query<{ tenant_id: string }[]>('SELECT tenant_id FROM competition'),
    );
    expect(seen.map((row) => row.tenant_id)).toEqual([theirs]);
    const all = await runInTenantScope({ tenantId: null, visible: 'all' }, () =>
      application.getRepository(Competition).find(),
    );
    expect(all.map((competition) => competition.tenantId).sort()).toEqual([mine, theirs].sort());
  });

  it('shows nothing on a connection whose scope was never set', async () => {
    const rows = await asApplication((query) => query(`SELECT count(*)::int AS n FROM competition`));
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('refuses a write into another office, and turning row security off does not help', async () => {
    const [mine, theirs] = streets;
    await runInTenantScope({ tenantId: theirs, visible: [theirs, mine] }, async () => {
      await expect(
        application.query(`UPDATE competition SET title = title || '（改）' WHERE tenant_id = $1`, [mine]),
      ).rejects.toThrow(/row-level security/);
    });
    await expect(
      asApplication(async (query) => {
        await query(`SET row_security = off`);
        return query(`SELECT id FROM competition`);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('may not change the policies or switch them off', async () => {
    for (const statement of [
      'ALTER TABLE competition DISABLE ROW LEVEL SECURITY',
      'DROP POLICY competition_read ON competition',
      `ALTER POLICY competition_read ON competition USING (true)`,
      `CREATE POLICY everything ON competition USING (true)`,
    ]) {
      await expect(application.query(statement)).rejects.toThrow(/must be owner/);
    }
  });
});
