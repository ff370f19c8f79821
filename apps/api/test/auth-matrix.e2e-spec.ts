import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CompetitionState, DEFAULT_TENANT_ID, Role, SubmissionState } from '@app/domain';
import { ApiKey, Roadshow } from '@app/persistence';
import { Actor } from '../src/auth/actor';
import { TokenService } from '../src/auth/token.service';
import {
  createCompetition,
  createJudgeActor,
  createOrganization,
  createOtherJudgeActor,
  createSubmission,
  createUser,
} from './factories';
import { SHATOU_PROPOSAL } from './grants.factory';
import { serveApp } from './test-app';

/**
 * Every route of organizations, sign-in, competitions and submissions × every kind of caller.
 * Each cell gets a world of its own, so an allowed write in one cell cannot change another's answer.
 */
type Caller = 'anonymous' | 'office' | 'admin' | 'applicant' | 'other-applicant' | 'judge' | 'other-judge';
const CALLERS: readonly Caller[] = [
  'anonymous',
  'office',
  'admin',
  'applicant',
  'other-applicant',
  'judge',
  'other-judge',
];

/** 'ok': the route ran for this caller (any answer but 401, 403 or 404). */
type Outcome = 'ok' | 401 | 403 | 404;

interface World {
  readonly competitionId: string;
  readonly organizationId: string;
  readonly submissionId: string;
  readonly apiKeyId: string;
  readonly auth: Readonly<Record<Exclude<Caller, 'anonymous'>, string>>;
}

interface Route {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  readonly path: (world: World) => string;
  readonly body?: () => object;
  readonly expect: Readonly<Record<Caller, Outcome>>;
}

const EVERYONE = Object.fromEntries(CALLERS.map((c) => [c, 'ok'])) as Route['expect'];
const USERS_ONLY = { judge: 403, 'other-judge': 403, anonymous: 401 } as const;
const OFFICE_ONLY: Route['expect'] = {
  office: 'ok',
  admin: 403,
  applicant: 403,
  'other-applicant': 403,
  ...USERS_ONLY,
};
const STAFF_READ: Route['expect'] = {
  office: 'ok',
  admin: 'ok',
  applicant: 403,
  'other-applicant': 403,
  ...USERS_ONLY,
};
const SIGNED_IN_USERS: Route['expect'] = {
  office: 'ok',
  admin: 'ok',
  applicant: 'ok',
  'other-applicant': 'ok',
  ...USERS_ONLY,
};
const OWN_SUBMISSION_WRITE: Route['expect'] = {
  office: 403,
  admin: 403,
  applicant: 'ok',
  'other-applicant': 404,
  ...USERS_ONLY,
};

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /auth/me': { method: 'get', path: () => '/auth/me', expect: SIGNED_IN_USERS },
  'GET /auth/api-keys': { method: 'get', path: () => '/auth/api-keys', expect: SIGNED_IN_USERS },
  'POST /auth/api-keys': {
    method: 'post',
    path: () => '/auth/api-keys',
    body: () => ({ name: '对接' }),
    expect: SIGNED_IN_USERS,
  },
  "DELETE /auth/api-keys/:id (the applicant's key)": {
    method: 'delete',
    path: (w) => `/auth/api-keys/${w.apiKeyId}`,
    expect: { office: 404, admin: 404, applicant: 'ok', 'other-applicant': 404, ...USERS_ONLY },
  },
  'POST /organizations': {
    method: 'post',
    path: () => '/organizations',
    body: () => ({
      kind: 'community',
      name: '沙头社区居民委员会',
      community: '沙头',
      district: '佛山市三水区西南街道',
      contactName: '黄丽',
      contactPhone: '0757-87790000',
      applicant: {
        login: `shatou-${randomUUID().slice(0, 8)}`,
        password: '沙头社区申报口令 2026',
        displayName: '黄丽',
      },
    }),
    expect: EVERYONE,
  },
  'GET /organizations/me': {
    method: 'get',
    path: () => '/organizations/me',
    expect: { office: 403, admin: 403, applicant: 'ok', 'other-applicant': 'ok', ...USERS_ONLY },
  },
  'GET /organizations': { method: 'get', path: () => '/organizations', expect: STAFF_READ },
  'GET /organizations/:id': { method: 'get', path: (w) => `/organizations/${w.organizationId}`, expect: STAFF_READ },
  'GET /organizations/:id/history': {
    method: 'get',
    path: (w) => `/organizations/${w.organizationId}/history`,
    expect: OFFICE_ONLY,
  },
  'GET /organizations/:id/history.csv': {
    method: 'get',
    path: (w) => `/organizations/${w.organizationId}/history.csv`,
    expect: OFFICE_ONLY,
  },
  'POST /competitions': {
    method: 'post',
    path: () => '/competitions',
    body: () => ({
      preset: 'community-micro',
      title: '2026年社区微创投',
      poolFen: 5_000_000,
      submissionDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      grantor: { name: '西南街道办事处', address: '广海大道西', representative: '王建国' },
    }),
    expect: OFFICE_ONLY,
  },
  'GET /competitions': { method: 'get', path: () => '/competitions', expect: SIGNED_IN_USERS },
  'GET /competitions/:id': {
    method: 'get',
    path: (w) => `/competitions/${w.competitionId}`,
    expect: { ...SIGNED_IN_USERS, judge: 'ok', 'other-judge': 404 },
  },
  'GET /competitions/:id/public': {
    method: 'get',
    path: (w) => `/competitions/${w.competitionId}/public`,
    expect: EVERYONE,
  },
  'GET /competitions/:id/accountability': {
    method: 'get',
    path: (w) => `/competitions/${w.competitionId}/accountability`,
    expect: EVERYONE,
  },
  'GET /public/competitions': {
    method: 'get',
    path: () => '/public/competitions',
    expect: EVERYONE,
  },
  'PATCH /competitions/:id': {
    method: 'patch',
    path: (w) => `/competitions/${w.competitionId}`,
    body: () => ({ title: '改名' }),
    expect: OFFICE_ONLY,
  },
  'PATCH /competitions/:id/rules': {
    method: 'patch',
    path: (w) => `/competitions/${w.competitionId}/rules`,
    body: () => ({ pitchSeconds: 360 }),
    expect: OFFICE_ONLY,
  },
  'POST /competitions/:id/transitions': {
    method: 'post',
    path: (w) => `/competitions/${w.competitionId}/transitions`,
    body: () => ({ to: 'closed' }),
    expect: OFFICE_ONLY,
  },
  'POST /competitions/:id/submissions': {
    method: 'post',
    path: (w) => `/competitions/${w.competitionId}/submissions`,
    body: () => SHATOU_PROPOSAL,
    expect: { office: 403, admin: 403, applicant: 'ok', 'other-applicant': 'ok', ...USERS_ONLY },
  },
  'GET /competitions/:id/submissions': {
    method: 'get',
    path: (w) => `/competitions/${w.competitionId}/submissions`,
    expect: SIGNED_IN_USERS,
  },
  'GET /submissions': { method: 'get', path: () => '/submissions', expect: SIGNED_IN_USERS },
  "GET /submissions/:id (the applicant's)": {
    method: 'get',
    path: (w) => `/submissions/${w.submissionId}`,
    expect: { ...SIGNED_IN_USERS, 'other-applicant': 404 },
  },
  "PATCH /submissions/:id (the applicant's)": {
    method: 'patch',
    path: (w) => `/submissions/${w.submissionId}`,
    body: () => ({ title: '修改后的标题' }),
    expect: OWN_SUBMISSION_WRITE,
  },
  "POST /submissions/:id/submit (the applicant's)": {
    method: 'post',
    path: (w) => `/submissions/${w.submissionId}/submit`,
    expect: OWN_SUBMISSION_WRITE,
  },
  "POST /submissions/:id/withdraw (the applicant's)": {
    method: 'post',
    path: (w) => `/submissions/${w.submissionId}/withdraw`,
    expect: OWN_SUBMISSION_WRITE,
  },
  'POST /submissions/:id/screening': {
    method: 'post',
    path: (w) => `/submissions/${w.submissionId}/screening`,
    body: () => ({ decision: 'passed' }),
    expect: OFFICE_ONLY,
  },
};

describe('authorization matrix: organizations, sign-in, competitions, submissions', () => {
  const served = serveApp();

  async function world(): Promise<World> {
    const tokens = served.app.get(TokenService);
    const bearer = (actor: Actor) => `Bearer ${tokens.issue(actor).token}`;
    const office = await createUser(served.db, Role.Office);
    const admin = await createUser(served.db, Role.Admin);
    const competition = await createCompetition(served.db, office.id, { state: CompetitionState.Open });
    const roadshow = await served.db
      .getRepository(Roadshow)
      .save({ competitionId: competition.id, venue: '党群服务中心' });
    const organization = await createOrganization(served.db, { name: '沙头社区居民委员会', community: '沙头' });
    const applicant = await createUser(served.db, Role.Applicant, organization.id);
    const other = await createOrganization(served.db, { name: '布心社区居民委员会', community: '布心' });
    const otherApplicant = await createUser(served.db, Role.Applicant, other.id);
    const submission = await createSubmission(served.db, competition.id, organization.id, applicant.id, {
      state: SubmissionState.Draft,
      submittedAt: null,
      category: 'health',
    });
    const apiKey = await served.db.getRepository(ApiKey).save({
      userId: applicant.id,
      name: '对接',
      keyHash: `matrix-${randomUUID()}`,
      digestKeyId: 'matrix',
      revokedAt: null,
    });
    return {
      competitionId: competition.id,
      organizationId: organization.id,
      submissionId: submission.id,
      apiKeyId: apiKey.id,
      auth: {
        office: bearer({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }),
        admin: bearer({ kind: 'user', userId: admin.id, role: Role.Admin }),
        applicant: bearer({
          kind: 'user',
          userId: applicant.id,
          role: Role.Applicant,
          organizationId: organization.id,
        }),
        'other-applicant': bearer({
          kind: 'user',
          userId: otherApplicant.id,
          role: Role.Applicant,
          organizationId: other.id,
        }),
        judge: bearer(await createJudgeActor(served.db, roadshow.id)),
        'other-judge': bearer(await createOtherJudgeActor(served.db, office.id)),
      },
    };
  }

  const cells = Object.entries(ROUTES).flatMap(([name, route]) =>
    CALLERS.map((caller) => [name, caller, route.expect[caller], route] as const),
  );

  it.each(cells)('%s as %s → %s', async (_, caller, outcome, route) => {
    const w = await world();
    let call = request(served.app.getHttpServer())[route.method](route.path(w));
    if (caller !== 'anonymous') call = call.set('authorization', w.auth[caller]);
    const response = route.body ? await call.send(route.body()) : await call;
    if (outcome === 'ok') {
      expect([401, 403, 404]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(outcome);
      expect(response.body).toMatchObject({ message_zh: expect.any(String), message_en: expect.any(String) });
    }
  });
});
