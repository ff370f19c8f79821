import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID, JudgeGroup, Role } from '@app/domain';
import { ApiKey, Judge } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { ProducerRedis } from '@app/application';
import { TEST_PASSWORD, createUser } from './factories';
import { addJudge, bearer, createRoadshow, roadshowCompetition } from './roadshow.factory';
import { startTestApp } from './test-app';

const key = (id: string) => `${id}:${randomBytes(32).toString('hex')}`;

/**
 * An operator's rotation, as three deployments of the same database: before (only key A), during
 * (B current, A still listed) and after (A removed). What A made works during and stops after.
 */
describe('rotating the session and credential keys', () => {
  const session = { a: key('sess-a'), b: key('sess-b') };
  const credential = { a: key('cred-a'), b: key('cred-b') };
  let prefix: string;
  let before: NestFastifyApplication;
  let during: NestFastifyApplication;
  let after: NestFastifyApplication;

  const http = (app: NestFastifyApplication) => request(app.getHttpServer());
  const signedOut = {
    code: 'UNAUTHENTICATED',
    reason: 'SIGN_IN_REQUIRED',
    message_zh: '请先登录，或登录已过期',
    message_en: 'sign in first, or the session has expired',
  };

  beforeAll(async () => {
    // Its own Redis namespace: the refused judge code below counts against this machine's address.
    prefix = `rot-${randomBytes(6).toString('hex')}`;
    const start = (sessionKeys: string, credentialKeys: string) =>
      startTestApp({ QUEUE_PREFIX: prefix, SESSION_KEYS: sessionKeys, CREDENTIAL_KEYS: credentialKeys });
    before = await start(session.a, credential.a);
    during = await start(`${session.b},${session.a}`, `${credential.b},${credential.a}`);
    after = await start(session.b, credential.b);
  });

  afterAll(async () => {
    const redis = before.get(ProducerRedis).client;
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await Promise.all([before, during, after].map((app) => app.close()));
  });

  it('keeps a session signed with the old key until that key is removed', async () => {
    const office = await createUser(before.get(DataSource), Role.Office);
    const signIn = (app: NestFastifyApplication) =>
      http(app).post('/auth/sessions').send({ login: office.login, password: TEST_PASSWORD }).expect(201);
    const old = (await signIn(before)).body.token as string;
    const fresh = (await signIn(during)).body.token as string;

    await http(during).get('/auth/me').set(bearer(old)).expect(200);
    const refused = await http(after).get('/auth/me').set(bearer(old)).expect(401);
    expect(refused.body).toEqual(signedOut);
    await http(after).get('/auth/me').set(bearer(fresh)).expect(200);
  });

  it('keeps an API key made under the old credential key until that key is removed', async () => {
    const office = await createUser(before.get(DataSource), Role.Office);
    const actor = { kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID } as const;
    const createKey = async (app: NestFastifyApplication) => {
      const auth = bearer(app.get(TokenService).issue(actor).token);
      const created = await http(app).post('/auth/api-keys').set(auth).send({ name: '数据对接' }).expect(201);
      return { id: created.body.id as string, key: created.body.key as string };
    };
    const old = await createKey(before);
    const fresh = await createKey(during);
    const stored = await before
      .get(DataSource)
      .getRepository(ApiKey)
      .findBy([{ id: old.id }, { id: fresh.id }]);
    expect(Object.fromEntries(stored.map((row) => [row.id, row.digestKeyId]))).toEqual({
      [old.id]: 'cred-a',
      [fresh.id]: 'cred-b',
    });

    const me = await http(during).get('/auth/me').set('x-api-key', old.key).expect(200);
    expect(me.body.id).toBe(office.id);
    const refused = await http(after).get('/auth/me').set('x-api-key', old.key).expect(401);
    expect(refused.body).toEqual(signedOut);
    await http(after).get('/auth/me').set('x-api-key', fresh.key).expect(200);
  });

  it('keeps a judge code made under the old credential key until that key is removed', async () => {
    const fixture = await roadshowCompetition(before, 1);
    const roadshowId = await createRoadshow(before, fixture);
    const old = await addJudge(before, fixture.officeToken, roadshowId, { name: '陈卫东', group: JudgeGroup.Expert });
    const duringOffice = during
      .get(TokenService)
      .issue({ kind: 'user', userId: fixture.officeId, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
    const fresh = await addJudge(during, duringOffice.token, roadshowId, { name: '黄丽萍', group: JudgeGroup.Expert });
    const judges = await before.get(DataSource).getRepository(Judge).findBy({ roadshowId });
    expect(Object.fromEntries(judges.map((judge) => [judge.id, judge.digestKeyId]))).toEqual({
      [old.id]: 'cred-a',
      [fresh.id]: 'cred-b',
    });

    const signedIn = await http(during).post('/judge-sessions').send({ code: old.code, roadshowId }).expect(201);
    expect(signedIn.body.judge.id).toBe(old.id);
    const refused = await http(after).post('/judge-sessions').send({ code: old.code, roadshowId }).expect(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_CODE_INVALID' });
    const again = await http(after).post('/judge-sessions').send({ code: fresh.code, roadshowId }).expect(201);
    expect(again.body.judge.id).toBe(fresh.id);
  });
});
