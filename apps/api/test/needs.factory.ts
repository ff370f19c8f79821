import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID, OrganizationKind, Role } from '@app/domain';
import { AppUser, Organization } from '@app/persistence';
import { SMS_PROVIDER, SmsProvider } from '@app/application';
import { createOrganization, createUser } from './factories';
import { bearerOf } from './publicity.factory';

/** A community (侯家塘-like) with its account, its needs wall opened under the default street office. */
export interface CommunityFixture {
  readonly organization: Organization;
  readonly user: AppUser;
  readonly auth: string;
  /** The code printed on its needs wall. */
  readonly code: string;
}

export async function communityWithWall(app: NestFastifyApplication, community = '侯家塘'): Promise<CommunityFixture> {
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
    .send({ tenantId: DEFAULT_TENANT_ID })
    .expect(201);
  return { organization, user, auth, code: (opened.body as { code: string }).code };
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
  const sms = app.get<SmsProvider>(SMS_PROVIDER);
  let text = '';
  const spy = jest.spyOn(sms, 'send').mockImplementation((message) => {
    text = message.text;
    return Promise.resolve();
  });
  try {
    await request(app.getHttpServer()).post('/resident-sessions/sms').send({ phone }).expect(201);
  } finally {
    spy.mockRestore();
  }
  const smsCode = /(\d{6})/.exec(text)?.[1] as string;
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
