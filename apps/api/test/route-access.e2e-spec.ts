import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  DEFAULT_TENANT_ID,
  EvaluationRoundState,
  EvaluationStage,
  JIANGDONG_EVALUATION,
  JudgeGroup,
  ResidentMethod,
  Role,
  TenantKind,
  TenantRefusal,
} from '@app/domain';
import { AppUser, EvaluationRound, Evaluator as EvaluatorRow, Tenant } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { createUser } from './factories';
import { addJudge, createRoadshow, roadshowCompetition } from './roadshow.factory';
import { startTestApp } from './test-app';

/**
 * Every route the API serves × every role, from a table written here by hand. The routes come
 * from the API's own OpenAPI document, so a new route without a line in this table fails the
 * test: nobody adds a route without deciding, and testing, who may call it. The same table checks
 * what the document tells clients: the security schemes a route accepts and the refusals it can
 * give. Which organization's or roadshow's data a caller may reach is tested per area
 * (auth-matrix, roadshow-authorization, results, publicity, agreements and grants specs); here ids are
 * random, so an allowed caller gets 404 or 400 and a refused one 401 or 403 from the guard.
 * Two more callers meet the office's real data: an office of another tenant, to whom all of it is
 * missing, and the district office above it, which reads it as the office does and changes none of it.
 */
type Caller = 'anonymous' | Role;
const CALLERS: readonly Caller[] = [
  'anonymous',
  Role.Office,
  Role.Admin,
  Role.Applicant,
  Role.Judge,
  Role.Evaluator,
  Role.Voter,
  Role.Resident,
];

const PUBLIC = 'public' as const;
const { Office, Admin, Applicant, Judge, Evaluator, Voter, Resident } = Role;
const USERS = [Office, Admin, Applicant];

const ACCESS: Readonly<Record<string, typeof PUBLIC | readonly Role[]>> = {
  'GET /health': PUBLIC,
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /metrics': PUBLIC,
  'POST /ops/queue-dashboard/links': [Admin],
  'GET /audit-events': [Office, Admin],
  'GET /audit-events.csv': [Office, Admin],
  'GET /vocabulary.js': PUBLIC,
  'POST /auth/sessions': PUBLIC,
  'GET /auth/me': USERS,
  'GET /auth/api-keys': USERS,
  'POST /auth/api-keys': USERS,
  'DELETE /auth/api-keys/{id}': USERS,

  'POST /organizations': PUBLIC,
  'GET /organizations/me': [Applicant],
  'GET /organizations': [Office, Admin],
  'GET /organizations/{id}': [Office, Admin],
  'GET /organizations/{id}/history': [Office],
  'GET /organizations/{id}/history.csv': [Office],

  'POST /competitions': [Office],
  'GET /competitions': USERS,
  'GET /competitions/{id}': [...USERS, Judge],
  'GET /competitions/{id}/public': PUBLIC,
  'PATCH /competitions/{id}': [Office],
  'PATCH /competitions/{id}/rules': [Office],
  'POST /competitions/{id}/rules/preset': [Office],
  'POST /competitions/{id}/transitions': [Office],

  'POST /competitions/{id}/submissions': [Applicant],
  'GET /competitions/{id}/submissions': USERS,
  'GET /submissions': USERS,
  'GET /submissions/{id}': USERS,
  'PATCH /submissions/{id}': [Applicant],
  'POST /submissions/{id}/submit': [Applicant],
  'POST /submissions/{id}/withdraw': [Applicant],
  'POST /submissions/{id}/screening': [Office],

  'POST /competitions/{id}/roadshow': [Office],
  'GET /competitions/{id}/roadshow': [Office],
  'GET /roadshows/{id}': [Office],
  'POST /roadshows/{id}/judges': [Office],
  'GET /roadshows/{id}/judges': [Office],
  'DELETE /roadshows/{id}/judges/{judgeId}': [Office],
  'POST /roadshows/{id}/judge-codes': [Office],
  'GET /roadshows/{id}/sign-in-pauses': [Office],
  'DELETE /roadshows/{id}/sign-in-pauses': [Office],
  'POST /roadshows/{id}/recusals': [Office],
  'POST /roadshows/{id}/recusals/{recusalId}/withdraw': [Office],
  'POST /roadshows/{id}/draw': [Office],
  'POST /roadshows/{id}/slots/{slotId}/start': [Office],
  'POST /roadshows/{id}/slots/{slotId}/open-scoring': [Office],
  'POST /roadshows/{id}/slots/{slotId}/lock': [Office],
  'GET /roadshows/{id}/slots/{slotId}/judges': [Office],
  'GET /roadshows/{id}/board': PUBLIC,
  'GET /roadshows/{id}/events': PUBLIC,

  'POST /judge-sessions': PUBLIC,
  'GET /judge/roadshow': [Judge],
  'POST /judge/heartbeat': [Judge],
  'GET /judge/slots': [Judge],
  'PUT /judge/slots/{slotId}/score': [Judge],
  'POST /judge/recusals': [Judge],

  'POST /competitions/{id}/runs': [Office],
  'GET /competitions/{id}/runs': [Office, Admin],
  'GET /competitions/{id}/results': USERS,
  'GET /runs/{id}': [Office, Admin],
  'GET /runs/{id}/events': [Office, Admin],
  'GET /runs/{id}/statistics': [Office, Admin],
  'GET /competitions/{id}/components': [Office, Admin],
  'POST /competitions/{id}/components/{key}/values': [Office],
  'POST /competitions/{id}/components/{key}/import': [Office],
  'POST /competitions/{id}/components/{key}/lock': [Office],
  'POST /competitions/{id}/components/{key}/unlock': [Office],
  'GET /runs/{id}/results.csv': [Office, Admin],
  'GET /runs/{id}/bundle.json': [Office, Admin],

  'POST /competitions/{id}/publication': [Office],
  'GET /competitions/{id}/publication': PUBLIC,
  'GET /competitions/{id}/accountability': PUBLIC,
  'GET /public/competitions': PUBLIC,
  'POST /publications/{id}/objections': [Applicant],
  'GET /publications/{id}/objections': [Office, Applicant],
  'GET /objections/{id}': [Office, Applicant],
  'POST /objections/{id}/answer': [Office],
  'POST /competitions/{id}/award': [Office],

  'GET /competitions/{id}/agreements': [Office],
  'GET /competitions/{id}/agreements.zip': [Office],
  'POST /competitions/{id}/agreements/regenerate': [Office],
  'GET /submissions/{id}/agreement': [Office, Applicant],
  'GET /agreements/{id}': [Office, Applicant],
  'GET /agreements/{id}/pdf': [Office, Applicant],
  'POST /agreements/{id}/signed-scan': [Applicant],
  'GET /agreements/{id}/signed-scan': [Office, Applicant],

  'POST /agreements/{id}/grant': [Office],
  'GET /grants': USERS,
  'GET /grants/{id}': USERS,
  'PUT /grants/{id}/payee': [Office, Applicant],
  'POST /grants/{id}/suspend': [Office],
  'POST /grants/{id}/resume': [Office],
  'POST /grants/{id}/complete': [Office],
  'POST /grants/{id}/terminate': [Office],
  'POST /refunds/{id}/return': [Office],
  'POST /grants/{id}/termination-proposals': [Office],
  'GET /termination-proposals': [Office, Admin],
  'POST /termination-proposals/{id}/confirm': [Office],
  'POST /termination-proposals/{id}/override': [Office],
  'GET /sanctions': USERS,
  'POST /grants/{id}/monthly-checks': [Office],
  'GET /grants/{id}/monthly-checks': USERS,
  'GET /competitions/{id}/payments.csv': [Office],
  'GET /direct-purchases/payments.csv': [Office],
  'GET /tranches': [Office, Admin],
  'POST /tranches/{id}/condition': [Office],
  'POST /tranches/{id}/approve': [Office],
  'POST /tranches/{id}/pay': [Office],
  'POST /tranches/{id}/withhold': [Office],
  'GET /tranches/{id}/notice.pdf': [Office, Applicant],
  'POST /grants/{id}/reports': [Applicant],
  'GET /reports': USERS,
  'GET /reports/{id}': USERS,
  'PATCH /reports/{id}': [Applicant],
  'POST /reports/{id}/submit': [Applicant],
  'POST /reports/{id}/return': [Office],
  'POST /reports/{id}/accept': [Office],
  'POST /reports/{id}/attachments': [Applicant],
  'GET /attachments/{id}': [Office, Applicant],
  'DELETE /attachments/{id}': [Applicant],
  'POST /grants/{id}/budget-changes': [Applicant],
  'GET /budget-changes': USERS,
  'POST /budget-changes/{id}/approve': [Office],
  'POST /budget-changes/{id}/refuse': [Office],

  'POST /competitions/{id}/evaluation-rounds': [Office],
  'GET /competitions/{id}/evaluation-rounds': [Office, Admin],
  'GET /evaluation-rounds/{id}': [Office, Admin],
  'POST /evaluation-rounds/{id}/evaluators': [Office],
  'POST /evaluation-rounds/{id}/recusals': [Office],
  'PUT /evaluation-rounds/{id}/sheets/{evaluatorId}/{grantId}': [Office],
  'POST /evaluation-rounds/{id}/close': [Office],
  'GET /evaluation-rounds/{id}/bundle.json': [Office, Admin],
  'POST /evaluation-rounds/{id}/evaluators/{evaluatorId}/code': [Office],
  'GET /grants/{id}/evaluations': USERS,

  'POST /evaluator-sessions': PUBLIC,
  'GET /evaluator/rounds/{id}': [Evaluator],
  'PUT /evaluator/rounds/{id}/sheets/{grantId}': [Evaluator],
  'POST /evaluator/rounds/{id}/recusals/{grantId}': [Evaluator],

  'POST /competitions/{id}/vote-rounds': [Office],
  'GET /competitions/{id}/vote-rounds': [Office],
  'GET /vote-rounds/open': PUBLIC,
  'GET /vote-rounds/{id}': [Office],
  'PATCH /vote-rounds/{id}': [Office],
  'POST /vote-rounds/{id}/code-batches': [Office],
  'GET /vote-rounds/{id}/review-queue': [Office],
  'POST /vote-rounds/{id}/reviews': [Office],
  'POST /vote-rounds/{id}/component-points': [Office],
  'GET /vote-rounds/{id}/votes.csv': [Office],
  'GET /vote-rounds/{id}/ballot': PUBLIC,
  'GET /vote-rounds/{id}/tally': PUBLIC,
  'POST /voter-sessions/sms': PUBLIC,
  'POST /voter-sessions': PUBLIC,
  'GET /voter/rounds/{id}': [Voter],
  'POST /voter/rounds/{id}/votes': [Voter],

  'POST /webhooks': [Office, Admin],
  'GET /webhooks': [Office, Admin],
  'DELETE /webhooks/{id}': [Office, Admin],
  'GET /webhook-deliveries': [Office, Admin],
  'POST /webhook-deliveries/{id}/replay': [Office, Admin],
  'GET /notifications': USERS,
  'POST /notifications/{id}/read': USERS,
  'GET /tenants': [Admin],
  'POST /tenants': [Admin],
  'PATCH /tenants/{id}': [Admin],
  'GET /tenants/{id}/settings': [Admin, Office],
  'PUT /tenants/{id}/settings': [Admin, Office],
  'GET /tenants/{id}/accounts': [Admin],
  'POST /tenants/{id}/accounts': [Admin],
  'POST /accounts/{id}/disable': [Admin],
  'POST /accounts/{id}/enable': [Admin],
  'POST /accounts/{id}/reset': [Admin],
  'POST /invitations/lookup': PUBLIC,
  'POST /invitations/accept': PUBLIC,
  'GET /tenants/{id}/api-keys': [Admin, Office],
  'POST /tenants/{id}/api-keys': [Admin, Office],
  'DELETE /tenants/{id}/api-keys/{keyId}': [Admin, Office],
  'POST /resident-sessions/sms': PUBLIC,
  'POST /resident-sessions': PUBLIC,
  'GET /needs-walls': PUBLIC,
  'GET /needs-walls/{id}': PUBLIC,
  'POST /resident/needs': [Resident],
  'GET /resident/needs': [Resident],
  'POST /resident/needs/{id}/supports': [Resident],
  'POST /resident/needs/{id}/rating': [Resident],
  'POST /resident/needs/{id}/photo': [Resident],
  'GET /needs-walls/needs/{id}/photo': PUBLIC,
  'POST /community/needs-wall': [Applicant],
  'GET /community/street-offices': [Applicant],
  'GET /community/needs': [Applicant],
  'POST /community/needs/{id}/moderation': [Applicant],
  'POST /community/needs-lists': [Applicant],
  'GET /community/needs-lists': [Applicant],
  'GET /community/needs/{id}/photo': [Applicant],
  'GET /community/needs-review': [Applicant],
  'POST /community/needs-review/supports': [Applicant],
  'POST /community/needs-review/needs': [Applicant],
  'GET /needs-review': [Office],
  'POST /service-orders': [Applicant],
  'GET /service-orders': [Office, Applicant],
  'GET /service-orders/{id}': [Office, Applicant],
  'POST /service-orders/{id}/publish': [Applicant],
  'POST /service-orders/{id}/offers': [Applicant],
  'POST /service-orders/{id}/pick': [Applicant],
  'POST /service-orders/{id}/purchase': [Office],
  'GET /service-orders/{id}/agreement.pdf': [Office, Applicant],
  'POST /service-orders/{id}/submissions': [Applicant],
  'POST /service-orders/{id}/delivery': [Applicant],
  'GET /needs-funnel': [Office],
};

const ROUTES = Object.keys(ACCESS);

/** Accounts sign in or use an API key; judges, evaluators, voters and residents only have the token of their code's sign-in. */
/** Kinds of rows the fixture below makes for the office, by a route's collection or parameter name. */
const REAL_KINDS = ['competitions', 'submissions', 'roadshows', 'judgeId', 'evaluation-rounds', 'evaluatorId'];

/** Accounts sign in or use an API key; judges, evaluators and voters only have the token of their code's sign-in. */
function schemesOf(route: string): string[] {
  const access = ACCESS[route];
  if (access === PUBLIC) return [];
  return [
    ...(access.some((role) => role !== Judge && role !== Evaluator && role !== Voter && role !== Resident)
      ? ['bearer', 'api-key']
      : []),
    ...(access.includes(Judge) ? ['judge'] : []),
    ...(access.includes(Evaluator) ? ['evaluator'] : []),
    ...(access.includes(Voter) ? ['voter'] : []),
    ...(access.includes(Resident) ? ['resident'] : []),
  ];
}

interface Operation {
  readonly security?: readonly Record<string, unknown>[];
  readonly parameters?: readonly { readonly in: string }[];
  readonly requestBody?: unknown;
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: { $ref?: string } }> }>;
}

/** The refusals a route can give whatever it does: who may call it and what it reads decide them. */
function refusalsOf(route: string, operation: Operation): string[] {
  const access = ACCESS[route];
  const reads = (place: string) => (operation.parameters ?? []).some((parameter) => parameter.in === place);
  return [
    ...(reads('path') || reads('query') || operation.requestBody ? ['400'] : []),
    ...(access === PUBLIC ? [] : ['401']),
    ...(access !== PUBLIC && CALLERS.some((caller) => caller !== 'anonymous' && !access.includes(caller))
      ? ['403']
      : []),
    ...(reads('path') ? ['404'] : []),
    ...(operation.requestBody ? ['413', '415'] : []),
  ];
}

function expected(route: string, caller: Caller): 'runs' | 401 | 403 {
  const access = ACCESS[route];
  if (access === PUBLIC) return 'runs';
  if (caller === 'anonymous') return 401;
  return access.includes(caller) ? 'runs' : 403;
}

describe('every route × every role', () => {
  let app: NestFastifyApplication;
  let documented: string[];
  const operations = new Map<string, Operation>();
  const tokens = new Map<Caller, string>();
  /** The office's real ids, by the collection a route's `{id}` names or by the parameter's own name. */
  const realIds = new Map<string, string>();
  let otherOffice: string;
  let districtOffice: string;

  beforeAll(async () => {
    app = await startTestApp();
    const db = app.get(DataSource);
    const tokenService = app.get(TokenService);
    const fixture = await roadshowCompetition(app, 1);
    const roadshowId = await createRoadshow(app, fixture);
    const judge = await addJudge(app, fixture.officeToken, roadshowId, { name: '周建明', group: JudgeGroup.Media });
    tokens.set(Office, fixture.officeToken);
    tokens.set(Judge, judge.token);
    // 长宁区: the office's street and a second street below one district.
    const tenants = db.getRepository(Tenant);
    const district = await tenants.save({ kind: TenantKind.District, name: '长宁区民政局', parentId: null });
    await tenants.update(DEFAULT_TENANT_ID, { parentId: district.id });
    const otherStreet = await tenants.save({ kind: TenantKind.Street, name: '新华路街道', parentId: district.id });
    const officeOf = async (tenantId: string): Promise<string> => {
      const user = await createUser(db, Office);
      await db.getRepository(AppUser).update(user.id, { tenantId });
      return tokenService.issue({ kind: 'user', userId: user.id, role: Office, tenantId }).token;
    };
    otherOffice = await officeOf(otherStreet.id);
    districtOffice = await officeOf(district.id);
    const round = await db.getRepository(EvaluationRound).save({
      competitionId: fixture.competition.id,
      stage: EvaluationStage.Mid,
      state: EvaluationRoundState.Open,
      rulesVersion: 1,
      rules: JIANGDONG_EVALUATION,
      createdBy: 'office',
    });
    realIds.set('competitions', fixture.competition.id);
    realIds.set('submissions', fixture.submissions[0].id);
    realIds.set('roadshows', roadshowId);
    realIds.set('judgeId', judge.id);
    realIds.set('evaluation-rounds', round.id);
    const codeIssuedAt = new Date();
    const evaluator = await db.getRepository(EvaluatorRow).save({
      roundId: round.id,
      seat: 1,
      name: '王建国',
      group: JudgeGroup.Expert,
      codeDigest: randomUUID(),
      digestKeyId: 'test',
      codeIssuedAt,
    });
    realIds.set('evaluatorId', evaluator.id);
    tokens.set(
      Evaluator,
      tokenService.issue({
        kind: 'evaluator',
        role: Evaluator,
        evaluatorId: evaluator.id,
        roundId: round.id,
        codeIssuedAt: codeIssuedAt.toISOString(),
      }).token,
    );
    // A voter's token names their round; the guard admits it by its role, and every voter route
    // then refuses any other round as missing.
    tokens.set(
      Voter,
      tokenService.issue({ kind: 'voter', role: Voter, voterId: randomUUID(), roundId: randomUUID() }).token,
    );
    tokens.set(
      Resident,
      tokenService.issue({
        kind: 'resident',
        role: Resident,
        residentId: randomUUID(),
        method: ResidentMethod.Phone,
        communityId: null,
      }).token,
    );
    const admin = await createUser(db, Admin);
    tokens.set(Admin, tokenService.issue({ kind: 'user', userId: admin.id, role: Admin }).token);
    const applicant = await createUser(db, Applicant, fixture.organizations[0].id);
    tokens.set(
      Applicant,
      tokenService.issue({
        kind: 'user',
        userId: applicant.id,
        role: Applicant,
        organizationId: applicant.organizationId as string,
      }).token,
    );
    const document = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, Operation>>;
    for (const [path, byMethod] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(byMethod))
        operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
    documented = [...operations.keys()];
  });

  afterAll(async () => {
    await app.close();
  });

  it('has a line for every route the API serves, and none for a route it does not', () => {
    expect([...documented].sort()).toEqual([...ROUTES].sort());
  });

  it.each(ROUTES)('%s declares the security schemes of its roles, and none when public', (route) => {
    const declared = (operations.get(route)?.security ?? []).flatMap((requirement) => Object.keys(requirement));
    expect(declared.sort()).toEqual(schemesOf(route).sort());
  });

  it.each(ROUTES)('%s documents every refusal it can give, in the shared error body', (route) => {
    const operation = operations.get(route) as Operation;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(refusalsOf(route, operation)));
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) >= 400 && Number(status) < 500) {
        expect({ status, body: response.content?.['application/json']?.schema?.$ref }).toEqual({
          status,
          body: '#/components/schemas/ErrorResponseDto',
        });
      }
    }
  });

  const cells = ROUTES.flatMap((route) => CALLERS.map((caller) => [route, caller, expected(route, caller)] as const));

  it.each(cells)('%s as %s → %s', async (route, caller, outcome) => {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
    let call = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    const token = tokens.get(caller);
    if (token) call = call.set('Authorization', `Bearer ${token}`);
    if (method !== 'GET' && method !== 'DELETE') call = call.set('Idempotency-Key', randomUUID()).send({});
    const response = await call;
    if (outcome === 'runs') {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(outcome);
      expect(response.body.message_zh).toEqual(expect.any(String));
      expect(response.body.message_en).toEqual(expect.any(String));
    }
  });

  function realPath(template: string): string {
    const collection = template.split('/')[1];
    return template.replace(
      /\{([^}]+)\}/g,
      (_whole, name: string) => realIds.get(name === 'id' ? collection : name) ?? '',
    );
  }

  // Organizations are registered once for the whole platform: every office reads them.
  // Routes whose every path parameter names a row of the fixture (REAL_KINDS); the rest name rows
  // of kinds the fixture does not make.
  const officeRoutes = ROUTES.filter((route) => {
    const access = ACCESS[route];
    const template = route.split(' ')[1];
    const kinds = [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) =>
      name === 'id' ? template.split('/')[1] : name,
    );
    return (
      access !== PUBLIC &&
      access.includes(Office) &&
      !route.includes('/organizations') &&
      kinds.every((kind) => REAL_KINDS.includes(kind))
    );
  });
  const reads = officeRoutes.filter((route) => route.startsWith('GET ') && route.includes('{'));
  const writes = officeRoutes.filter((route) => !route.startsWith('GET ') && route.includes('{'));
  const lists = officeRoutes.filter((route) => route.startsWith('GET ') && !route.includes('{'));

  async function call(route: string, token: string): Promise<request.Response> {
    const [method, template] = route.split(' ');
    const path = realPath(template);
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let pending = request(app.getHttpServer())[verb](path).set('Authorization', `Bearer ${token}`);
    if (method !== 'GET' && method !== 'DELETE') pending = pending.set('Idempotency-Key', randomUUID()).send({});
    return pending;
  }

  it.each(reads)(
    "%s of another tenant's data reads as missing (404) to its office; its district reads it as the office does",
    async (route) => {
      const own = await call(route, tokens.get(Office) as string);
      const other = await call(route, otherOffice);
      expect(other.status).toBe(404);
      const district = await call(route, districtOffice);
      expect(district.status).toBe(own.status);
    },
  );

  it.each(writes)("%s on another tenant's data is refused as missing or malformed, never done", async (route) => {
    const other = await call(route, otherOffice);
    expect([400, 404]).toContain(other.status);
    if (other.status === 400) expect(other.body.code).toBe('VALIDATION_FAILED');
    const district = await call(route, districtOffice);
    expect([400, 403, 404]).toContain(district.status);
    if (district.status === 403) expect(district.body.reason).toBe(TenantRefusal.ReadOnly);
  });

  it.each(lists)("%s lists none of another tenant's rows", async (route) => {
    const other = await call(route, otherOffice);
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(realIds.get('competitions'));
  });

  it("lets the district office read its street's competition but not change it", async () => {
    const id = realIds.get('competitions') as string;
    const listed = await request(app.getHttpServer())
      .get('/competitions')
      .set('Authorization', `Bearer ${districtOffice}`);
    expect((listed.body as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);
    const renamed = await request(app.getHttpServer())
      .patch(`/competitions/${id}`)
      .set('Authorization', `Bearer ${districtOffice}`)
      .send({ title: '区级改名' });
    expect(renamed.status).toBe(403);
    expect(renamed.body).toMatchObject({
      reason: TenantRefusal.ReadOnly,
      message_zh: expect.stringContaining('只能查看'),
    });
    const judgeAdded = await request(app.getHttpServer())
      .post(`/roadshows/${realIds.get('roadshows') as string}/judges`)
      .set('Authorization', `Bearer ${districtOffice}`)
      .send({ name: '李明', group: JudgeGroup.Expert });
    expect(judgeAdded.status).toBe(403);
    expect(judgeAdded.body.reason).toBe(TenantRefusal.ReadOnly);
    const after = await request(app.getHttpServer())
      .get(`/competitions/${id}`)
      .set('Authorization', `Bearer ${tokens.get(Office) as string}`);
    expect(after.body.title).not.toBe('区级改名');
  });
});
