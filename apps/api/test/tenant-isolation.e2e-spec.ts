import request from 'supertest';
import { DEFAULT_TENANT_ID, Role, TenantKind } from '@app/domain';
import { AppUser, Competition, Submission, Tenant, runInTenantScope } from '@app/persistence';
import { TenantScopesRepository } from '../src/auth/tenant-scopes.repository';
import { TokenService } from '../src/auth/token.service';
import { createCompetition, createUser } from './factories';
import { bearer, roadshowCompetition } from './roadshow.factory';
import { serveApp } from './test-app';

/**
 * A query that forgets its tenant filter, run with an office's own settings, still returns only
 * that office's rows: the database, not the forgetful code, keeps 江苏路街道's competition from
 * 新华路街道 (route-access covers every route; this covers code that does not go through them).
 */
describe('tenant isolation holds when a query is unscoped', () => {
  const served = serveApp();

  async function officeOf(
    tenantId: string,
  ): Promise<{ token: string; scope: Awaited<ReturnType<TenantScopesRepository['scopeOf']>> }> {
    const { app, db } = served;
    const user = await createUser(db, Role.Office);
    await db.getRepository(AppUser).update(user.id, { tenantId });
    const actor = { kind: 'user', userId: user.id, role: Role.Office, tenantId } as const;
    return {
      token: app.get(TokenService).issue(actor).token,
      scope: await app.get(TenantScopesRepository).scopeOf(actor),
    };
  }

  it('shows an office only its own competitions and what lies under them, and 404 for the rest', async () => {
    const { app, db } = served;
    const jiangsu = await roadshowCompetition(app, 2);
    const xinhua = await db
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: '新华路街道', nameEn: 'Xinhua Road', parentId: null });
    const other = await officeOf(xinhua.id);
    const clerk = await createUser(db, Role.Office);
    const theirs = await createCompetition(db, clerk.id, { tenantId: xinhua.id, title: '新华路街道 2026 年公益创投' });

    const competitions = await runInTenantScope(other.scope, () =>
      db.query<{ id: string; tenant_id: string }[]>('SELECT id, tenant_id FROM competition'),
    );
    expect(competitions.map((row) => row.id)).toEqual([theirs.id]);
    const submissions = await runInTenantScope(other.scope, () => db.getRepository(Submission).find());
    expect(submissions).toEqual([]);
    const mine = await runInTenantScope({ tenantId: DEFAULT_TENANT_ID, visible: [DEFAULT_TENANT_ID] }, () =>
      db.getRepository(Competition).findBy({}),
    );
    expect(mine.map((competition) => competition.id)).toContain(jiangsu.competition.id);
    expect(mine.map((competition) => competition.id)).not.toContain(theirs.id);

    const seen = await request(app.getHttpServer())
      .get(`/competitions/${jiangsu.competition.id}`)
      .set(bearer(other.token));
    expect(seen.status).toBe(404);
    const listed = await request(app.getHttpServer()).get('/competitions').set(bearer(other.token)).expect(200);
    expect((listed.body as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([theirs.id]);
  });

  it('creates a competition in the tenant of the office that creates it', async () => {
    const { app, db } = served;
    const street = await db
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: '江苏路街道', nameEn: 'Jiangsu Road', parentId: null });
    const office = await officeOf(street.id);
    const created = await request(app.getHttpServer())
      .post('/competitions')
      .set(bearer(office.token))
      .send({
        title: '江苏路街道 2026 年社区公益创投',
        preset: 'party-building',
        poolFen: 30_000_000,
        grantor: { name: '江苏路街道办事处', address: '上海市长宁区江苏路', representative: '王建国' },
        submissionDeadline: new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString(),
      })
      .expect(201);
    const row = await db.getRepository(Competition).findOneByOrFail({ id: created.body.id as string });
    expect(row.tenantId).toBe(street.id);
  });
});
