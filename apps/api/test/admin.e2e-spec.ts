import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiKeyScope, DEFAULT_TENANT_ID, Role, TenantKind } from '@app/domain';
import { AppUser, AuditEvent, Competition } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { createUser } from './factories';
import { allocatedCompetition, bearerOf } from './publicity.factory';
import { serveApp } from './test-app';

const GRANTOR = { name: '新华路街道办事处', address: '上海市长宁区番禺路 1 号', representative: '陈立' };
const NEW_PASSWORD = '新华路街道公益创投2026';

describe('the admin console’s API', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** An office created as the admin console does it: kind, Chinese name, English name, and the office above it. */
  const postTenant = (
    auth: { authorization: string },
    kind: TenantKind,
    name: string,
    nameEn: string,
    parentId?: string,
  ) => api().post('/tenants').set(auth).send({ kind, parentId, name, nameEn });

  async function adminAuth(): Promise<{ authorization: string }> {
    const admin = await createUser(served.db, Role.Admin);
    return bearer(served.app.get(TokenService).issue({ kind: 'user', userId: admin.id, role: Role.Admin }).token);
  }

  /** A district with one street office under it, made through the API as an admin would. */
  async function streetOffice(admin: { authorization: string }): Promise<{ districtId: string; streetId: string }> {
    const district = await postTenant(
      admin,
      TenantKind.District,
      `长宁区民政局 ${randomUUID().slice(0, 4)}`,
      'Changning District',
    ).expect(201);
    const street = await postTenant(admin, TenantKind.Street, '新华路街道', 'Xinhua Road', district.body.id).expect(
      201,
    );
    return { districtId: district.body.id as string, streetId: street.body.id as string };
  }

  /** An invited person who has set their password and signed in. */
  async function officeOf(admin: { authorization: string }, tenantId: string) {
    const login = `xinhua-${randomUUID().slice(0, 8)}`;
    const invited = await api()
      .post(`/tenants/${tenantId}/accounts`)
      .set(admin)
      .send({ login, displayName: '李敏' })
      .expect(201);
    await api()
      .post('/invitations/accept')
      .send({ token: invited.body.link.token, password: NEW_PASSWORD })
      .expect(204);
    const session = await api().post('/auth/sessions').send({ login, password: NEW_PASSWORD }).expect(201);
    return { id: invited.body.account.id as string, login, auth: bearer(session.body.token as string) };
  }

  describe('offices', () => {
    it('builds a city → district → street tree, parents first, and refuses a street with no district above it', async () => {
      const admin = await adminAuth();
      const city = await postTenant(admin, TenantKind.City, '上海市民政局', 'Shanghai').expect(201);
      const district = await postTenant(admin, TenantKind.District, '长宁区民政局', 'Changning', city.body.id).expect(
        201,
      );
      const street = await postTenant(admin, TenantKind.Street, '新华路街道', 'Xinhua Road', district.body.id).expect(
        201,
      );

      const topStreet = await postTenant(admin, TenantKind.Street, '江苏路街道', 'Jiangsu Road').expect(400);
      expect(topStreet.body).toMatchObject({ reason: 'TENANT_PARENT_KIND', field: 'parentId' });
      expect(topStreet.body.message_zh).toContain('街道须在区之下');
      const streetUnderStreet = await postTenant(
        admin,
        TenantKind.Street,
        '江苏路街道',
        'Jiangsu Road',
        street.body.id,
      ).expect(400);
      expect(streetUnderStreet.body.reason).toBe('TENANT_PARENT_KIND');
      const noName = await api().post('/tenants').set(admin).send({ kind: TenantKind.City, nameEn: 'x' }).expect(400);
      expect(noName.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });

      await api()
        .patch(`/tenants/${street.body.id}`)
        .set(admin)
        .send({ name: '新华路街道办事处' })
        .expect(200)
        .expect(({ body }) => expect(body).toMatchObject({ name: '新华路街道办事处', nameEn: 'Xinhua Road' }));

      const tree = await api().get('/tenants').set(admin).expect(200);
      const ids = (tree.body.items as { id: string }[]).map((tenant) => tenant.id);
      expect(ids.indexOf(city.body.id)).toBeLessThan(ids.indexOf(district.body.id));
      expect(ids.indexOf(district.body.id)).toBeLessThan(ids.indexOf(street.body.id));
      const audited = await served.db.getRepository(AuditEvent).findBy({ subjectId: street.body.id });
      expect(audited.map((event) => event.action).sort()).toEqual(['tenant.create', 'tenant.rename']);
    });

    it('is the admin’s alone: an office account may not list or create offices', async () => {
      const office = await createUser(served.db, Role.Office);
      const auth = bearer(
        served.app
          .get(TokenService)
          .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: office.tenantId as string }).token,
      );
      await api().get('/tenants').set(auth).expect(403);
      await postTenant(auth, TenantKind.City, '市', 'City').expect(403);
    });
  });

  describe('office accounts', () => {
    it('invites a person with a one-time link that sets their password once and then reads as invalid', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const login = `chenli-${randomUUID().slice(0, 8)}`;
      const invited = await api()
        .post(`/tenants/${streetId}/accounts`)
        .set(admin)
        .send({ login, displayName: '陈立' })
        .expect(201);
      expect(invited.body.account).toMatchObject({ login, tenantId: streetId, status: 'pending' });
      expect(invited.body.link.path).toBe(`/admin/invite/#t=${invited.body.link.token}`);
      const stored = await served.db.getRepository(AppUser).findOneByOrFail({ login });
      await api().post('/auth/sessions').send({ login, password: NEW_PASSWORD }).expect(401);

      const lookup = await api().post('/invitations/lookup').send({ token: invited.body.link.token }).expect(200);
      expect(lookup.body).toMatchObject({ purpose: 'invite', login, displayName: '陈立', tenantName: '新华路街道' });
      const short = await api().post('/invitations/accept').send({ token: invited.body.link.token, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.field).toBe('password');
      await api()
        .post('/invitations/accept')
        .send({ token: invited.body.link.token, password: NEW_PASSWORD })
        .expect(204);
      const again = await api()
        .post('/invitations/accept')
        .send({ token: invited.body.link.token, password: 'someone else’s password' })
        .expect(404);
      expect(again.body).toMatchObject({ reason: 'INVITATION_INVALID', field: 'token' });

      const session = await api().post('/auth/sessions').send({ login, password: NEW_PASSWORD }).expect(201);
      const me = await api().get('/auth/me').set(bearer(session.body.token)).expect(200);
      expect(me.body).toMatchObject({ id: stored.id, role: 'office' });
      const accounts = await api().get(`/tenants/${streetId}/accounts`).set(admin).expect(200);
      expect(accounts.body.items).toEqual([expect.objectContaining({ login, status: 'active' })]);

      const taken = await api()
        .post(`/tenants/${streetId}/accounts`)
        .set(admin)
        .send({ login: login.toUpperCase(), displayName: '另一人' })
        .expect(409);
      expect(taken.body).toMatchObject({ reason: 'LOGIN_TAKEN', field: 'login' });
    });

    it('disables an account: its session and personal key are refused on the next request, until re-enabled', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      const key = await api().post('/auth/api-keys').set(office.auth).send({ name: '个人脚本' }).expect(201);
      await api().get('/auth/me').set({ 'x-api-key': key.body.key }).expect(200);

      const disabled = await api().post(`/accounts/${office.id}/disable`).set(admin).expect(200);
      expect(disabled.body.status).toBe('disabled');
      const refused = await api().get('/auth/me').set(office.auth).expect(401);
      expect(refused.body).toMatchObject({ reason: 'ACCOUNT_DISABLED' });
      expect(refused.body.message_zh).toContain('停用');
      await api().get('/auth/me').set({ 'x-api-key': key.body.key }).expect(401);
      await api().post('/auth/sessions').send({ login: office.login, password: NEW_PASSWORD }).expect(401);

      await api().post(`/accounts/${office.id}/enable`).set(admin).expect(200);
      await api().get('/auth/me').set(office.auth).expect(401);
      const fresh = await api()
        .post('/auth/sessions')
        .send({ login: office.login, password: NEW_PASSWORD })
        .expect(201);
      await api().get('/auth/me').set(bearer(fresh.body.token)).expect(200);
      await api().get('/auth/me').set({ 'x-api-key': key.body.key }).expect(200);
      const actions = await served.db.getRepository(AuditEvent).findBy({ subjectId: office.id });
      expect(actions.map((event) => event.action)).toEqual(
        expect.arrayContaining(['account.invite', 'invitation.accept', 'account.disable', 'account.enable']),
      );
    });

    it('resets an account: the old password and session stop, and a fresh link sets a new one', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      const reset = await api().post(`/accounts/${office.id}/reset`).set(admin).expect(200);
      expect(reset.body.account.status).toBe('pending');
      await api().get('/auth/me').set(office.auth).expect(401);
      await api().post('/auth/sessions').send({ login: office.login, password: NEW_PASSWORD }).expect(401);
      const lookup = await api().post('/invitations/lookup').send({ token: reset.body.link.token }).expect(200);
      expect(lookup.body.purpose).toBe('reset');
      await api()
        .post('/invitations/accept')
        .send({ token: reset.body.link.token, password: '换了一个新密码 2026' })
        .expect(204);
      await api().post('/auth/sessions').send({ login: office.login, password: '换了一个新密码 2026' }).expect(201);
    });

    it('answers an unknown account, a non-office account and a malformed id alike to an admin', async () => {
      const admin = await adminAuth();
      const applicant = await createUser(served.db, Role.Admin);
      await api().post(`/accounts/${randomUUID()}/disable`).set(admin).expect(404);
      const notOffice = await api().post(`/accounts/${applicant.id}/disable`).set(admin).expect(404);
      expect(notOffice.body.reason).toBe('ACCOUNT_NOT_FOUND');
      const malformed = await api().post('/accounts/not-an-id/disable').set(admin).expect(400);
      expect(malformed.body.field).toBe('id');
    });
  });

  describe('office API keys with scopes', () => {
    it('opens only the routes its scopes name, and says which scope is missing on the others', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      const created = await api()
        .post(`/tenants/${streetId}/api-keys`)
        .set(office.auth)
        .send({ name: '区数据看板', scopes: [ApiKeyScope.CompetitionsRead] })
        .expect(201);
      expect(created.body).toMatchObject({ scopes: ['competitions:read'], key: expect.stringMatching(/^gyk_/) });
      const key = { 'x-api-key': created.body.key as string };

      await api().get('/competitions').set(key).expect(200);
      const missing = await api().get(`/competitions/${randomUUID()}/results`).set(key).expect(403);
      expect(missing.body).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE_MISSING' });
      expect(missing.body.message_zh).toContain('results:read');
      await api().post('/auth/api-keys').set(key).send({ name: '再造一把' }).expect(403);
      await api().get(`/tenants/${streetId}/api-keys`).set(key).expect(403);

      const listed = await api().get(`/tenants/${streetId}/api-keys`).set(admin).expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, scopes: ['competitions:read'] }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

      // The office's key belongs to the office: disabling the person who made it leaves it working.
      await api().post(`/accounts/${office.id}/disable`).set(admin).expect(200);
      await api().get('/competitions').set(key).expect(200);
      await api().delete(`/tenants/${streetId}/api-keys/${created.body.id}`).set(admin).expect(204);
      await api().get('/competitions').set(key).expect(401);
    });

    it('refuses an unknown scope naming the field, and another office’s keys as missing', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const other = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      const unknown = await api()
        .post(`/tenants/${streetId}/api-keys`)
        .set(office.auth)
        .send({ name: '看板', scopes: ['everything'] })
        .expect(400);
      expect(unknown.body.field).toMatch(/^scopes/);
      const none = await api()
        .post(`/tenants/${streetId}/api-keys`)
        .set(office.auth)
        .send({ name: '看板', scopes: [] });
      expect(none.status).toBe(400);
      const elsewhere = await api().get(`/tenants/${other.streetId}/api-keys`).set(office.auth).expect(404);
      expect(elsewhere.body.reason).toBe('TENANT_NOT_FOUND');
      await api()
        .post(`/tenants/${other.streetId}/api-keys`)
        .set(office.auth)
        .send({ name: '看板', scopes: [ApiKeyScope.ResultsRead] })
        .expect(404);
    });
  });

  describe('office settings', () => {
    it('keeps the office’s grantor, which a new competition then takes as party A', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      const competition = {
        preset: 'party-building',
        title: '2026年新华路街道公益创投大赛',
        poolFen: 30_000_000,
        submissionDeadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      };
      const unset = await api().post('/competitions').set(office.auth).send(competition).expect(400);
      expect(unset.body).toMatchObject({ reason: 'GRANTOR_NOT_SET', field: 'grantor' });

      const blank = await api()
        .put(`/tenants/${streetId}/settings`)
        .set(office.auth)
        .send({ grantor: { ...GRANTOR, representative: '  ' } })
        .expect(400);
      expect(blank.body.field).toBe('grantor.representative');
      const saved = await api()
        .put(`/tenants/${streetId}/settings`)
        .set(office.auth)
        .send({
          grantor: GRANTOR,
          noticeTexts: { header: '现将评审结果公示如下：', closing: '联系电话：021-62800000' },
        })
        .expect(200);
      expect(saved.body).toMatchObject({
        tenantName: '新华路街道',
        grantor: GRANTOR,
        noticeTexts: { header: '现将评审结果公示如下：' },
      });
      const read = await api().get(`/tenants/${streetId}/settings`).set(office.auth).expect(200);
      expect(read.body).toEqual(saved.body);

      const made = await api().post('/competitions').set(office.auth).send(competition).expect(201);
      expect(made.body.grantor).toEqual(GRANTOR);
      const own = { name: '长宁区民政局', address: '上海市长宁区', representative: '王芳' };
      const named = await api()
        .post('/competitions')
        .set(office.auth)
        .send({ ...competition, grantor: own })
        .expect(201);
      expect(named.body.grantor).toEqual(own);
    });

    it('opens and closes the public notice of the office’s competitions with its own words', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const texts = {
        header: '根据《新华路街道公益创投项目管理办法》，现将评审结果公示如下：',
        closing: '联系电话：021-62800000',
      };
      await api().put(`/tenants/${streetId}/settings`).set(admin).send({ noticeTexts: texts }).expect(200);
      const clerk = await createUser(served.db, Role.Office);
      const fixture = await allocatedCompetition(served.app, clerk.id, [3_000_000, 2_000_000]);
      await api()
        .post(`/competitions/${fixture.competition.id}/publication`)
        .set(
          'authorization',
          bearerOf(served.app, { kind: 'user', userId: clerk.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }),
        )
        .expect(201);
      const before = await api().get(`/competitions/${fixture.competition.id}/publication`).expect(200);
      expect(before.body).toMatchObject({ noticeHeader: null, noticeClosing: null });

      await served.db.getRepository(Competition).update(fixture.competition.id, { tenantId: streetId });
      const notice = await api().get(`/competitions/${fixture.competition.id}/publication`).expect(200);
      expect(notice.body).toMatchObject({ noticeHeader: texts.header, noticeClosing: texts.closing });
    });

    it('shows another office’s settings to nobody but an admin', async () => {
      const admin = await adminAuth();
      const { streetId } = await streetOffice(admin);
      const other = await streetOffice(admin);
      const office = await officeOf(admin, streetId);
      await api().get(`/tenants/${other.streetId}/settings`).set(office.auth).expect(404);
      await api().put(`/tenants/${other.streetId}/settings`).set(office.auth).send({ grantor: GRANTOR }).expect(404);
      await api().put(`/tenants/${other.streetId}/settings`).set(admin).send({ grantor: GRANTOR }).expect(200);
      const audited = await served.db
        .getRepository(AuditEvent)
        .findBy({ subjectId: other.streetId, action: 'tenant.settings' });
      expect(audited).toHaveLength(1);
    });
  });

  it('ends only the reset person’s sessions, not their colleagues’', async () => {
    const admin = await adminAuth();
    const { streetId } = await streetOffice(admin);
    const first = await officeOf(admin, streetId);
    const second = await officeOf(admin, streetId);
    await api().post(`/accounts/${first.id}/reset`).set(admin).expect(200);
    await api().get('/auth/me').set(second.auth).expect(200);
    await api().post('/auth/sessions').send({ login: second.login, password: NEW_PASSWORD }).expect(201);
  });
});
