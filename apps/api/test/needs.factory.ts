import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID, OrganizationKind, Role, TenantKind } from '@app/domain';
import { AppUser, Organization, Tenant, TenantSettings } from '@app/persistence';
import { createOrganization, createUser } from './factories';
import { bearerOf } from './publicity.factory';
import { openSmsInbox } from './sms-inbox';

/** A community (侯家塘-like) with its account, its needs wall opened under the default street office. */
export interface CommunityFixture {
  readonly organization: Organization;
  readonly user: AppUser;
  readonly auth: string;
  /** The code printed on its needs wall. */
  readonly code: string;
}

export async function communityWithWall(
  app: NestFastifyApplication,
  community = '侯家塘',
  tenantId: string = DEFAULT_TENANT_ID,
): Promise<CommunityFixture> {
  const organization = await createOrganization(app.get(DataSource), {
    kind: OrganizationKind.Community,
    name: `${community}社区居民委员会`,
    community,
    district: '长沙市天心区侯家塘街道',
  });
  const { user, auth } = await applicant(app, organization);
  const opened = await request(app.getHttpServer())
    .post('/community/needs-wall')
    .set('authorization', auth)
    .send({ tenantId })
    .expect(201);
  return { organization, user, auth, code: (opened.body as { code: string }).code };
}

/** 侯家塘街道's grantor, party A of its agreements. */
export const HOUJIATANG_GRANTOR = {
  name: '长沙市天心区人民政府侯家塘街道办事处',
  address: '长沙市天心区劳动西路 288 号',
  representative: '刘建华',
};

/** A street office of its own with its settings, and two office accounts (one approves, the other pays). */
export interface StreetOfficeFixture {
  readonly tenantId: string;
  /** The two accounts' bearer headers. */
  readonly clerks: readonly [string, string];
  readonly users: readonly [AppUser, AppUser];
}

export async function streetOffice(
  app: NestFastifyApplication,
  settings: TenantSettings = { grantor: HOUJIATANG_GRANTOR },
): Promise<StreetOfficeFixture> {
  const db = app.get(DataSource);
  const tenant = await db.getRepository(Tenant).save({
    parentId: null,
    kind: TenantKind.Street,
    name: `侯家塘街道办事处-${Math.random().toString(36).slice(2, 8)}`,
    nameEn: 'Houjiatang street office',
    settings,
  });
  const clerk = async (): Promise<AppUser> => {
    const user = await createUser(db, Role.Office);
    await db.getRepository(AppUser).update(user.id, { tenantId: tenant.id });
    return { ...user, tenantId: tenant.id };
  };
  const users = [await clerk(), await clerk()] as const;
  const auth = (user: AppUser) =>
    bearerOf(app, { kind: 'user', userId: user.id, role: Role.Office, tenantId: tenant.id });
  return { tenantId: tenant.id, clerks: [auth(users[0]), auth(users[1])], users };
}

async function applicant(
  app: NestFastifyApplication,
  organization: Organization,
): Promise<{ user: AppUser; auth: string }> {
  const user = await createUser(app.get(DataSource), Role.Applicant, organization.id);
  return {
    user,
    auth: bearerOf(app, { kind: 'user', userId: user.id, role: Role.Applicant, organizationId: organization.id }),
  };
}

export async function socialOrganization(
  app: NestFastifyApplication,
  name: string,
): Promise<{ organization: Organization; user: AppUser; auth: string }> {
  const organization = await createOrganization(app.get(DataSource), {
    kind: OrganizationKind.SocialOrganization,
    name,
    community: '侯家塘',
  });
  return { organization, ...(await applicant(app, organization)) };
}

/** A resident verified by phone, the SMS code read from what the development provider was asked to send. */
export async function residentByPhone(app: NestFastifyApplication, phone: string): Promise<string> {
  const inbox = openSmsInbox(app);
  try {
    await request(app.getHttpServer()).post('/resident-sessions/sms').send({ phone }).expect(201);
  } finally {
    inbox.restore();
  }
  const smsCode = inbox.codeIn(0);
  const session = await request(app.getHttpServer())
    .post('/resident-sessions')
    .send({ method: 'phone', phone, smsCode })
    .expect(201);
  return `Bearer ${(session.body as { token: string }).token}`;
}

export async function residentByCode(app: NestFastifyApplication, communityId: string, code: string): Promise<string> {
  const session = await request(app.getHttpServer())
    .post('/resident-sessions')
    .send({ method: 'code', communityId, code })
    .expect(201);
  return `Bearer ${(session.body as { token: string }).token}`;
}

export const NEED = {
  category: 'elderly-care',
  title: '楼里独居老人希望每周有人上门陪聊、代买菜',
  forWhom: '3 号楼独居老人',
  peopleCount: 12,
} as const;

/** Posts a need as the resident and lets it through as the community: collected, on the wall. */
export async function collectedNeed(
  app: NestFastifyApplication,
  community: CommunityFixture,
  resident: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const posted = await request(app.getHttpServer())
    .post('/resident/needs')
    .set('authorization', resident)
    .send({ ...NEED, communityId: community.organization.id, ...overrides })
    .expect(201);
  const id = (posted.body as { id: string }).id;
  await request(app.getHttpServer())
    .post(`/community/needs/${id}/moderation`)
    .set('authorization', community.auth)
    .send({ decision: 'publish' })
    .expect(201);
  return id;
}

/** Collected needs put on one needs list of their category. */
export async function listedNeeds(
  app: NestFastifyApplication,
  community: CommunityFixture,
  needIds: readonly string[],
  category: string = NEED.category,
): Promise<string> {
  const list = await request(app.getHttpServer())
    .post('/community/needs-lists')
    .set('authorization', community.auth)
    .send({ category, title: '2027 年为老服务需求清单', needIds })
    .expect(201);
  return (list.body as { id: string }).id;
}

/**
 * A direct purchase up to the community's pick: one supported need listed and ordered (the ¥5,000
 * 大管家 order), one organization's offer for the whole cap, picked with a reason unless `pick` is false.
 */
export async function pickedDirectOrder(
  app: NestFastifyApplication,
  tenantId: string,
  phones: readonly [string, string],
  pick = true,
): Promise<{
  community: CommunityFixture;
  taker: { organization: Organization; auth: string };
  orderId: string;
  needId: string;
  supporter: string;
}> {
  const api = () => request(app.getHttpServer());
  const community = await communityWithWall(app, '侯家塘', tenantId);
  const poster = await residentByPhone(app, phones[0]);
  const supporter = await residentByPhone(app, phones[1]);
  const needId = await collectedNeed(app, community, poster);
  await api().post(`/resident/needs/${needId}/supports`).set('authorization', supporter).expect(201);
  await listedNeeds(app, community, [needId]);
  const drafted = await api()
    .post('/service-orders')
    .set('authorization', community.auth)
    .send(orderBody([needId]))
    .expect(201);
  const orderId = (drafted.body as { id: string }).id;
  await api().post(`/service-orders/${orderId}/publish`).set('authorization', community.auth).expect(201);
  const taker = await socialOrganization(app, `长沙市天心区乐龄社会工作服务中心-${orderId.slice(0, 6)}`);
  const offered = await api()
    .post(`/service-orders/${orderId}/offers`)
    .set('authorization', taker.auth)
    .send({ amountFen: 500_000, plan: '由 3 名持证社工驻点，每月巡查 4 次' })
    .expect(201);
  const [offer] = (offered.body as { offers: { id: string }[] }).offers;
  if (pick) {
    await api()
      .post(`/service-orders/${orderId}/pick`)
      .set('authorization', community.auth)
      .send({ offerId: offer.id, reason: '方案有驻点社工，去年在本社区服务评价为 A' })
      .expect(201);
  }
  return { community, taker, orderId, needId, supporter };
}

export function orderBody(
  needIds: readonly string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    title: '我是社区大管家',
    scope: '组织居民骨干巡查楼道、调解邻里小事、收集居民诉求',
    beneficiariesWho: '侯家塘社区居民',
    beneficiariesCount: 1200,
    deliverables: ['每月楼道巡查 4 次', '每季度居民议事会 1 次'],
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    budgetCapFen: 500_000,
    needIds,
    purchase: { route: 'direct' },
    ...overrides,
  };
}
