import { randomInt, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AppUser, AuditEvent, Organization } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { creditCodeCheckCharacter } from '../src/organizations/credit-code';
import { createOrganization, createUser } from './factories';
import { startTestApp } from './test-app';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh valid code per run: the dev database keeps earlier runs' organizations. */
function newCreditCode(): string {
  const organizationCode = Array.from({ length: 9 }, () => CHARSET[randomInt(CHARSET.length)]).join('');
  const first17 = `52440607${organizationCode}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = randomUUID().slice(0, 8);
  return {
    kind: 'social-organization',
    name: `三水区西南街道邻里互助服务中心 ${tag}`,
    community: '洲边',
    district: '佛山市三水区西南街道',
    contactName: '陈晓',
    contactPhone: '0757-87761234',
    creditCode: newCreditCode(),
    applicant: { login: `zhoubian-${tag}`, password: '洲边社区 2026 申报口令', displayName: '陈晓' },
    ...overrides,
  };
}

describe('organizations', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let officeAuth: string;

  const api = () => request(app.getHttpServer());
  const organizationsNamed = (name: unknown) => db.getRepository(Organization).countBy({ name: name as string });

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    const office = await createUser(db, Role.Office);
    officeAuth = `Bearer ${app.get(TokenService).issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token}`;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /organizations (public registration)', () => {
    it('creates the organization and its applicant in one go; the applicant can sign in and see it', async () => {
      const body = registration();
      const response = await api().post('/organizations').send(body).expect(201);
      const applicant = body.applicant as { login: string; password: string };
      expect(response.body.organization).toMatchObject({
        kind: 'social-organization',
        name: body.name,
        community: '洲边',
        creditCode: body.creditCode,
      });
      expect(response.body.applicant).toMatchObject({
        login: applicant.login,
        role: 'applicant',
        organizationId: response.body.organization.id,
      });
      expect(response.body.applicant).not.toHaveProperty('passwordHash');
      const stored = await db.getRepository(AppUser).findOneByOrFail({ login: applicant.login });
      expect(stored.passwordHash).toMatch(/^scrypt\$/);
      const audit = await db.getRepository(AuditEvent).findOneByOrFail({
        subjectType: 'organization',
        subjectId: response.body.organization.id,
      });
      expect(audit).toMatchObject({ action: 'organization.register', actorType: 'applicant', actorId: stored.id });
      expect(JSON.stringify(audit.after)).not.toContain(applicant.password);

      const session = await api()
        .post('/auth/sessions')
        .send({ login: applicant.login, password: applicant.password })
        .expect(201);
      const mine = await api()
        .get('/organizations/me')
        .set('authorization', `Bearer ${session.body.token}`)
        .expect(200);
      expect(mine.body).toEqual(response.body.organization);
    });

    it('registers without a credit code, and reads a typed one as printed (upper case, no spaces)', async () => {
      const none = await api()
        .post('/organizations')
        .send(registration({ creditCode: null, kind: 'volunteer-team' }))
        .expect(201);
      expect(none.body.organization.creditCode).toBeNull();
      const code = newCreditCode();
      const typed = `${code.slice(0, 9).toLowerCase()} ${code.slice(9)}`;
      const response = await api()
        .post('/organizations')
        .send(registration({ creditCode: typed }))
        .expect(201);
      expect(response.body.organization.creditCode).toBe(code);
    });

    it('refuses a credit code whose check character is wrong, naming the expected one, and writes nothing', async () => {
      const code = newCreditCode();
      const wrongCheck = CHARSET[(CHARSET.indexOf(code[17]) + 1) % CHARSET.length];
      const body = registration({ creditCode: code.slice(0, 17) + wrongCheck });
      const response = await api().post('/organizations').send(body).expect(400);
      expect(response.body).toEqual({
        code: 'VALIDATION_FAILED',
        reason: 'CREDIT_CODE_CHECK',
        field: 'creditCode',
        message_zh: `统一社会信用代码校验位不正确：第 18 位应为 ${code[17]}，请核对是否输错`,
        message_en: `the unified social credit code fails its check: the 18th character should be ${code[17]}; check for a typo`,
      });
      expect(await organizationsNamed(body.name)).toBe(0);
    });

    it('answers a credit code that is already registered with 409 and creates no second account', async () => {
      const first = registration();
      await api().post('/organizations').send(first).expect(201);
      const second = registration({ creditCode: first.creditCode });
      const response = await api().post('/organizations').send(second).expect(409);
      expect(response.body).toMatchObject({ code: 'CONFLICT', field: 'creditCode' });
      expect(response.body.message_zh).toContain('该统一社会信用代码已注册');
      expect(response.body.message_en).toContain('already registered');
      const login = (second.applicant as { login: string }).login;
      expect(await db.getRepository(AppUser).countBy({ login })).toBe(0);
    });

    it('rolls the organization back when the login is taken', async () => {
      const existing = await createUser(db, Role.Office);
      const body = registration({
        applicant: { login: existing.login.toUpperCase(), password: '另一个足够长的申报口令', displayName: '王芳' },
      });
      const response = await api().post('/organizations').send(body).expect(409);
      expect(response.body).toEqual({
        code: 'CONFLICT',
        reason: 'LOGIN_TAKEN',
        field: 'applicant.login',
        message_zh: '该登录名已被使用，请换一个',
        message_en: 'this login is already taken; choose another',
      });
      expect(await organizationsNamed(body.name)).toBe(0);
    });

    it.each([
      ['a missing applicant', { applicant: undefined }, 'applicant', '请填写申报账号'],
      [
        'a short password',
        { applicant: { login: 'abc-short', password: '123', displayName: 'x' } },
        'applicant.password',
        '至少 10 个字符',
      ],
      [
        'a login with a space',
        { applicant: { login: 'li min', password: '足够长的口令口令口令', displayName: 'x' } },
        'applicant.login',
        '登录名须为 3–64 位小写字母、数字或 . _ @ -',
      ],
      ['an unknown kind', { kind: 'company' }, 'kind', '组织类型须为以下之一：「社区」'],
      ['letters in the phone', { contactPhone: 'call me maybe' }, 'contactPhone', '联系电话须为 6–30 位'],
      ['a name of 101 characters', { name: '社'.repeat(101) }, 'name', '组织名称最多 100 个字符'],
      ['an unknown field', { isAdmin: true }, 'isAdmin', '本接口不接受这一项'],
      [
        'an unknown applicant field',
        { applicant: { login: 'abcdef', password: '足够长的口令口令口令', displayName: 'x', role: 'office' } },
        'applicant.role',
        '本接口不接受这一项',
      ],
      ['a credit code of the wrong length', { creditCode: '91350100M000100Y4' }, 'creditCode', '应为 18 位'],
      ['a credit code as a number', { creditCode: 913501002 }, 'creditCode', '统一社会信用代码必须是文字'],
      ['a community as an array', { community: ['洲边'] }, 'community', '服务社区必须是文字'],
    ])('refuses %s with 400 naming the field and writes nothing', async (_, change, field, zh) => {
      const body = registration(change);
      const response = await api().post('/organizations').send(body).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.body.message_zh).toContain(zh);
      expect(typeof response.body.message_en).toBe('string');
      expect(await organizationsNamed(body.name)).toBe(0);
    });

    it('stores SQL-looking and emoji names verbatim', async () => {
      const name = `'; DROP TABLE organization; -- 🏘️ ${randomUUID().slice(0, 6)}`;
      const response = await api().post('/organizations').send(registration({ name })).expect(201);
      expect((await db.getRepository(Organization).findOneByOrFail({ id: response.body.organization.id })).name).toBe(
        name,
      );
    });
  });

  describe('reading', () => {
    it('lists organizations for the office with a literal text filter', async () => {
      const tag = `百分之百_${randomUUID().slice(0, 6)}`;
      const organization = await createOrganization(db, { name: `月桂社区 ${tag}` });
      await createOrganization(db, { name: `月桂社区 百分之X_${tag.slice(-6)}` });
      const response = await api()
        .get(`/organizations?q=${encodeURIComponent(tag)}&kind=community`)
        .set('authorization', officeAuth)
        .expect(200);
      expect(response.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(response.body.items[0]).toMatchObject({ id: organization.id, name: `月桂社区 ${tag}` });
      const percent = await api().get('/organizations?q=%25').set('authorization', officeAuth).expect(200);
      expect((percent.body.items as { name: string }[]).every((o) => o.name.includes('%'))).toBe(true);
      const one = await api().get(`/organizations/${organization.id}`).set('authorization', officeAuth).expect(200);
      expect(one.body.id).toBe(organization.id);
      await api().get(`/organizations/${randomUUID()}`).set('authorization', officeAuth).expect(404);
    });

    it('keeps the list and other organizations from applicants, judges and anonymous callers', async () => {
      const organization = await createOrganization(db);
      const applicant = await createUser(db, Role.Applicant, organization.id);
      const tokens = app.get(TokenService);
      const applicantAuth = `Bearer ${
        tokens.issue({ kind: 'user', userId: applicant.id, role: Role.Applicant, organizationId: organization.id })
          .token
      }`;
      const judgeAuth = `Bearer ${
        tokens.issue({
          kind: 'judge',
          role: Role.Judge,
          judgeId: randomUUID(),
          roadshowId: randomUUID(),
          sessionId: randomUUID(),
        }).token
      }`;
      const other = await createOrganization(db);
      await api().get('/organizations').set('authorization', applicantAuth).expect(403);
      await api().get(`/organizations/${other.id}`).set('authorization', applicantAuth).expect(403);
      await api().get('/organizations').set('authorization', judgeAuth).expect(403);
      await api().get('/organizations').expect(401);
      await api().get('/organizations/me').set('authorization', officeAuth).expect(403);
      await api().get('/organizations/me').set('authorization', judgeAuth).expect(403);
      const mine = await api().get('/organizations/me').set('authorization', applicantAuth).expect(200);
      expect(mine.body.id).toBe(organization.id);
    });
  });
});
