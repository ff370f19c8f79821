import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import request from 'supertest';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { ApiKey, AppUser, AuditEvent } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { TEST_PASSWORD, createOrganization, createUser } from './factories';
import { serveApp } from './test-app';

const ROOT = resolve(__dirname, '../../..');

describe('sign-in and API keys', () => {
  const served = serveApp();

  const api = () => request(served.app.getHttpServer());
  const signIn = (login: string, password: string) => api().post('/auth/sessions').send({ login, password });

  describe('POST /auth/sessions', () => {
    it('signs an office user in with a token that works on the API', async () => {
      const office = await createUser(served.db, Role.Office);
      const response = await signIn(office.login, TEST_PASSWORD).expect(201);
      expect(response.body).toMatchObject({
        token: expect.any(String),
        userId: office.id,
        role: 'office',
        displayName: office.displayName,
      });
      expect(response.body).not.toHaveProperty('organizationId');
      expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
      const me = await api().get('/auth/me').set('authorization', `Bearer ${response.body.token}`).expect(200);
      expect(me.body).toMatchObject({ id: office.id, login: office.login, role: 'office', organizationId: null });
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('gives an applicant a token bound to their organization; the login is case-insensitive', async () => {
      const organization = await createOrganization(served.db);
      const applicant = await createUser(served.db, Role.Applicant, organization.id);
      const response = await signIn(`  ${applicant.login.toUpperCase()} `, TEST_PASSWORD).expect(201);
      expect(response.body).toMatchObject({ role: 'applicant', organizationId: organization.id });
      const mine = await api()
        .get('/organizations/me')
        .set('authorization', `Bearer ${response.body.token}`)
        .expect(200);
      expect(mine.body.id).toBe(organization.id);
    });

    it('answers a wrong password and an unknown login with the same 401', async () => {
      const office = await createUser(served.db, Role.Office);
      const wrong = await signIn(office.login, 'not the password').expect(401);
      const unknown = await signIn(`nobody-${randomUUID()}`, TEST_PASSWORD).expect(401);
      const expected = {
        code: 'UNAUTHENTICATED',
        reason: 'WRONG_CREDENTIALS',
        message_zh: '登录名或密码错误',
        message_en: 'wrong login or password',
      };
      expect(wrong.body).toEqual(expected);
      expect(unknown.body).toEqual(expected);
    });

    it('refuses sign-in for 15 minutes after 10 failures for one login, even with the right password', async () => {
      const office = await createUser(served.db, Role.Office);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await signIn(office.login, `guess ${attempt}`).expect(401);
      }
      const response = await signIn(office.login, TEST_PASSWORD).expect(429);
      expect(response.body).toEqual({
        code: 'RATE_LIMITED',
        reason: 'TOO_MANY_SIGN_INS',
        message_zh: '登录失败次数过多，请 15 分钟后再试',
        message_en: 'too many failed sign-ins; try again in 15 minutes',
      });
      const other = await createUser(served.db, Role.Office);
      await signIn(other.login, TEST_PASSWORD).expect(201);
    });

    it.each([
      ['a missing password', { login: 'someone' }, 'password', '请填写密码'],
      ['a number as the login', { login: 42, password: 'x' }, 'login', '登录名必须是文字'],
      ['an unknown field', { login: 'a', password: 'b', role: 'office' }, 'role', '本接口不接受这一项'],
      ['an empty password', { login: 'someone', password: '' }, 'password', '密码不能为空'],
    ])('refuses %s with 400 naming the field', async (_, body, field, zh) => {
      const response = await api().post('/auth/sessions').send(body).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.body.message_zh).toContain(zh);
    });

    it('refuses a forged or tampered token', async () => {
      await api().get('/auth/me').set('authorization', 'Bearer eyJ2IjoxfQ.forged').expect(401);
      const office = await createUser(served.db, Role.Office);
      const { token } = served.app
        .get(TokenService)
        .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
      await api().get('/auth/me').set('authorization', `Bearer ${token}x`).expect(401);
    });
  });

  describe('API keys', () => {
    it('creates a key shown once, which then acts as its owner, and revokes it', async () => {
      const organization = await createOrganization(served.db);
      const applicant = await createUser(served.db, Role.Applicant, organization.id);
      const { token } = served.app.get(TokenService).issue({
        kind: 'user',
        userId: applicant.id,
        role: Role.Applicant,
        organizationId: organization.id,
      });
      const auth = `Bearer ${token}`;
      const created = await api()
        .post('/auth/api-keys')
        .set('authorization', auth)
        .send({ name: '社区数据对接 🔑' })
        .expect(201);
      expect(created.body).toMatchObject({
        name: '社区数据对接 🔑',
        revokedAt: null,
        key: expect.stringMatching(/^gyk_/),
      });
      const stored = await served.db.getRepository(ApiKey).findOneByOrFail({ id: created.body.id });
      expect(stored.keyHash).not.toContain((created.body.key as string).slice(4));

      const viaKey = await api().get('/organizations/me').set('x-api-key', created.body.key).expect(200);
      expect(viaKey.body.id).toBe(organization.id);
      const listed = await api().get('/auth/api-keys').set('authorization', auth).expect(200);
      expect(listed.body).toEqual({
        items: [{ id: created.body.id, name: '社区数据对接 🔑', createdAt: expect.any(String), revokedAt: null }],
        total: 1,
        page: 1,
        pageSize: 500,
      });

      await api().delete(`/auth/api-keys/${created.body.id}`).set('authorization', auth).expect(204);
      await api().get('/organizations/me').set('x-api-key', created.body.key).expect(401);
      await api().delete(`/auth/api-keys/${created.body.id}`).set('authorization', auth).expect(204);

      const events = await served.db
        .getRepository(AuditEvent)
        .find({ where: { subjectType: 'api-key', subjectId: created.body.id }, order: { id: 'ASC' } });
      expect(events.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
        ['api-key.create', 'applicant', applicant.id],
        ['api-key.revoke', 'applicant', applicant.id],
      ]);
    });

    it('answers another user’s key id with 404 and leaves that key working', async () => {
      const owner = await createUser(served.db, Role.Office);
      const other = await createUser(served.db, Role.Office);
      const tokens = served.app.get(TokenService);
      const ownerAuth = `Bearer ${tokens.issue({ kind: 'user', userId: owner.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token}`;
      const otherAuth = `Bearer ${tokens.issue({ kind: 'user', userId: other.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token}`;
      const created = await api()
        .post('/auth/api-keys')
        .set('authorization', ownerAuth)
        .send({ name: '统计' })
        .expect(201);
      const response = await api()
        .delete(`/auth/api-keys/${created.body.id}`)
        .set('authorization', otherAuth)
        .expect(404);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', message_zh: '未找到该 API 密钥' });
      await api().get('/auth/me').set('x-api-key', created.body.key).expect(200);
    });

    it('refuses judges and anonymous callers, and bad names', async () => {
      const judge = served.app.get(TokenService).issue({
        kind: 'judge',
        role: Role.Judge,
        judgeId: randomUUID(),
        roadshowId: randomUUID(),
        sessionId: randomUUID(),
      });
      await api().post('/auth/api-keys').set('authorization', `Bearer ${judge.token}`).send({ name: 'x' }).expect(403);
      await api().post('/auth/api-keys').send({ name: 'x' }).expect(401);
      await api().get('/auth/api-keys').expect(401);
      const office = await createUser(served.db, Role.Office);
      const auth = `Bearer ${served.app.get(TokenService).issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token}`;
      const long = await api()
        .post('/auth/api-keys')
        .set('authorization', auth)
        .send({ name: '钥'.repeat(101) })
        .expect(400);
      expect(long.body).toMatchObject({ field: 'name', message_zh: '密钥用途最多 100 个字符' });
      expect(await served.db.getRepository(ApiKey).countBy({ userId: office.id })).toBe(0);
      await api().get('/auth/me').set('x-api-key', 'gyk_not-a-key').expect(401);
    });
  });

  describe('create-user command', () => {
    function createUserCommand(args: string[], stdin: string) {
      return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/cli/create-user.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '' },
        input: stdin,
        encoding: 'utf8',
        timeout: 60_000,
      });
    }

    it('creates an office account from a password on stdin, which can then sign in', async () => {
      const login = `office-cli-${randomUUID().slice(0, 8)}`;
      const result = createUserCommand(
        ['--role', 'office', '--login', login, '--name', '三水区民政局 社会组织科'],
        '区民政局 2026 安全口令\n',
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`已创建 / created office ${login}`);
      const user = await served.db.getRepository(AppUser).findOneByOrFail({ login });
      const audit = await served.db
        .getRepository(AuditEvent)
        .findOneByOrFail({ subjectType: 'user', subjectId: user.id });
      expect(audit).toMatchObject({ actorType: 'system', action: 'user.create' });
      await signIn(login, '区民政局 2026 安全口令').expect(201);

      const again = createUserCommand(
        ['--role', 'admin', '--login', login, '--name', '重复'],
        '另一个足够长的管理员密码\n',
      );
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('已存在');
    }, 60_000);

    it('refuses a short password and a bad role without writing anything', () => {
      const login = `office-cli-${randomUUID().slice(0, 8)}`;
      const short = createUserCommand(['--role', 'office', '--login', login, '--name', '办公室'], 'short\n');
      expect(short.status).toBe(1);
      expect(short.stderr).toContain('密码须为 10–128 个字符');
      const role = createUserCommand(
        ['--role', 'judge', '--login', login, '--name', '办公室'],
        'long enough password\n',
      );
      expect(role.status).toBe(2);
      expect(role.stderr).toContain('--role must be office or admin');
    }, 60_000);
  });
});
