import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuthRefusal, DEFAULT_TENANT_ID, ReportKind, Role, TenantKind, TenantRefusal } from '@app/domain';
import { beijingDate, monthOf } from '@app/grants';
import { AppUser, Objection, Publication, Tenant } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { createUser } from './factories';
import { payFirstTranche, readyGrants } from './grants.factory';
import { pickedDirectOrder, streetOffice } from './needs.factory';
import { tableState, tablesWritten } from './table-state';
import { serveApp } from './test-app';
import { createVoteRound, voteCompetition } from './votes.factory';

interface Operation {
  /** Absent or empty on public routes, which every office reads alike. */
  readonly security?: readonly Record<string, unknown>[];
}

/**
 * The year after the award, seen from the office next door: a street office's runs, notice and
 * objections, agreements, grants with a paid tranche, the grantee's report, a public vote, and a
 * neighbouring street's bought direct purchase (点单) are every one of them missing to another
 * street's office, and read-only to their district. The
 * route-access matrix proves the same for the competition day's rows (competitions, submissions,
 * roadshows); this fixture reaches the rows only a whole year makes, through every route of the API
 * document that names one of them and asks for an account.
 */
describe("another office's year after the award", () => {
  // Its own Redis namespace: the SMS limits of this host's address count none of other files' residents.
  const served = serveApp({ QUEUE_PREFIX: `tenant-reach-${randomBytes(6).toString('hex')}` });
  const api = () => request(served.app.getHttpServer());
  /** The street office's rows, by the collection a route names them under or by the parameter's own name. */
  const ids = new Map<string, string>();
  let own: string;
  /** The office each kind of row belongs to, where it is not the competition's street office. */
  const owners = new Map<string, string>();
  let otherOffice: string;
  let districtOffice: string;
  let routes: string[] = [];

  beforeAll(async () => {
    const db = served.db;
    const { fixture, grantIds } = await readyGrants(served.app, [3_000_000]);
    await payFirstTranche(served.app, fixture, grantIds[0], 'PZ-2027-0001');
    own = fixture.clerks[0].auth.replace(/^Bearer /, '');
    const grant = await api().get(`/grants/${grantIds[0]}`).set('authorization', fixture.clerks[0].auth).expect(200);
    const report = await api()
      .post(`/grants/${grantIds[0]}/reports`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .send({ kind: ReportKind.Monthly, period: monthOf(beijingDate(new Date())) })
      .expect(201);
    const publication = await db.getRepository(Publication).findOneByOrFail({ competitionId: fixture.competition.id });
    const objection = await db.getRepository(Objection).save({
      publicationId: publication.id,
      submissionId: fixture.projects[1].submission.id,
      filedBy: fixture.projects[1].applicant.id,
      reason: '评分汇总有误，请复核',
      status: 'open',
      answer: null,
      answeredBy: null,
    });
    const voting = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, voting);
    ids.set('runs', fixture.run.id);
    ids.set('publications', publication.id);
    ids.set('objections', objection.id);
    ids.set('agreements', fixture.funded[0].agreement.id);
    ids.set('grants', grantIds[0]);
    ids.set('tranches', (grant.body.tranches as { id: string }[])[0].id);
    ids.set('reports', (report.body as { id: string }).id);
    ids.set('vote-rounds', roundId);
    // 点单: a second street's direct purchase, bought, with its own office reading it.
    const houjiatang = await streetOffice(served.app);
    // Two residents' numbers that differ in the last digit: one number asking twice within a minute is 429.
    const stem = `139${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const direct = await pickedDirectOrder(served.app, houjiatang.tenantId, [`${stem}0`, `${stem}1`]);
    await api()
      .post(`/service-orders/${direct.orderId}/purchase`)
      .set('authorization', houjiatang.clerks[0])
      .expect(201);
    ids.set('service-orders', direct.orderId);
    owners.set('service-orders', houjiatang.clerks[0].replace(/^Bearer /, ''));

    // The office's street and a second street below one district.
    const tenants = db.getRepository(Tenant);
    const district = await tenants.save({ kind: TenantKind.District, name: '徐汇区民政局', parentId: null });
    await tenants.update(DEFAULT_TENANT_ID, { parentId: district.id });
    await tenants.update(houjiatang.tenantId, { parentId: district.id });
    const otherStreet = await tenants.save({ kind: TenantKind.Street, name: '天平路街道', parentId: district.id });
    const officeOf = async (tenantId: string): Promise<string> => {
      const user = await createUser(db, Role.Office);
      await db.getRepository(AppUser).update(user.id, { tenantId });
      return served.app.get(TokenService).issue({ kind: 'user', userId: user.id, role: Role.Office, tenantId }).token;
    };
    otherOffice = await officeOf(otherStreet.id);
    districtOffice = await officeOf(district.id);

    const document = await api().get('/api/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, Operation>>;
    routes = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([, operation]) => (operation.security ?? []).length > 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`)
        .filter((route) => reachable(route)),
    );
  });

  /** A route whose every path parameter names one of the rows above, and that an office may call. */
  function reachable(route: string): boolean {
    const template = route.split(' ')[1];
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) =>
      name === 'id' ? collectionOf(route) : name,
    );
    return names.length > 0 && names.every((name) => ids.has(name));
  }

  function collectionOf(route: string): string {
    return route.split(' ')[1].split('/')[1];
  }

  function call(route: string, token: string): request.Test {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
      String(ids.get(name === 'id' ? collectionOf(route) : name)),
    );
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const pending = api()[verb](path).set('Authorization', `Bearer ${token}`);
    return method === 'GET' || method === 'DELETE' ? pending : pending.set('Idempotency-Key', randomUUID()).send({});
  }

  it('reaches the routes of every kind of row the year after the award makes', () => {
    const kinds = new Set(routes.map(collectionOf));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'agreements',
        'grants',
        'objections',
        'publications',
        'reports',
        'runs',
        'service-orders',
        'tranches',
      ]),
    );
    expect(kinds).toContain('vote-rounds');
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers every read of those rows as missing to another street, and as to the street itself to its district', async () => {
    const seen: string[] = [];
    for (const route of routes.filter((r) => r.startsWith('GET '))) {
      const other = await call(route, otherOffice);
      expect({ route, other: other.status }).toEqual({ route, other: 404 });
      expect(JSON.stringify(other.body)).not.toContain(ids.get(collectionOf(route)) ?? '');
      // The fixture's run is written row by row as the worker leaves its results, not as a whole
      // bundle, so its own office and district do not read its bundle and statistics here.
      if (collectionOf(route) === 'runs') continue;
      const mine = await call(route, owners.get(collectionOf(route)) ?? own);
      const district = await call(route, districtOffice);
      seen.push(route);
      expect({ route, district: district.status }).toEqual({ route, district: mine.status });
    }
    expect(seen.length).toBeGreaterThan(10);
  });

  it('does none of the writes another street or the district asks for on those rows', async () => {
    const before = await tableState(served.db);
    const answers: { route: string; other: number; otherReason?: string; district: number; reason?: string }[] = [];
    for (const route of routes.filter((r) => !r.startsWith('GET '))) {
      const other = await call(route, otherOffice);
      const district = await call(route, districtOffice);
      answers.push({
        route,
        other: other.status,
        otherReason: other.body.reason,
        district: district.status,
        reason: district.body.reason,
      });
    }
    // A route for another role (a grantee's report, an applicant's objection) refuses every office
    // alike, by role, before any row is looked up.
    const forOffices = answers.filter((a) => a.otherReason !== AuthRefusal.RoleNotAllowed);
    expect(answers.filter((a) => a.otherReason === AuthRefusal.RoleNotAllowed && a.reason !== a.otherReason)).toEqual(
      [],
    );
    expect(forOffices.filter((a) => ![400, 404].includes(a.other))).toEqual([]);
    expect(forOffices.filter((a) => ![400, 403, 404].includes(a.district))).toEqual([]);
    expect(forOffices.filter((a) => a.district === 403 && a.reason !== TenantRefusal.ReadOnly)).toEqual([]);
    expect(answers.some((a) => a.district === 403)).toBe(true);
    const after = await tableState(served.db);
    expect(tablesWritten(before, after)).toEqual([]);
  });
});
