import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  DEFAULT_TENANT_ID,
  NotificationKind,
  Role,
  TenantKind,
  WebhookDeliveryStatus,
  WebhookTopic,
} from '@app/domain';
import { AppUser, Notification, Tenant, WebhookDelivery, WebhookEndpoint, WebhookEvent } from '@app/persistence';
import { TEST_PASSWORD, createCompetition, createOrganization, createUser } from '../factories';
import { LABEL_CHECK, LAPTOP, PHONE, expectAccessible, screenshotDir, servePages } from './browser-harness';

// The office registers a webhook endpoint and reads its delivery log; an applicant reads the inbox.
jest.setTimeout(60_000);

describe('webhooks and the inbox in Chromium', () => {
  const served = servePages();
  const shots = screenshotDir();

  async function signIn(path: string, user: AppUser, heading: string, options = LAPTOP): Promise<Page> {
    const context = await served.browser.newContext(options);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}${path}`);
    await page.getByLabel('登录名').fill(user.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
    return page;
  }

  /** An office of its own, so the endpoints and deliveries on its page are only this test's. */
  async function officeOfItsOwn(): Promise<{ user: AppUser; tenantId: string }> {
    const tenant = await served.db
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: `云秀街道 ${randomUUID().slice(0, 6)}` });
    const user = await createUser(served.db, Role.Office);
    await served.db.getRepository(AppUser).update({ id: user.id }, { tenantId: tenant.id });
    return { user, tenantId: tenant.id };
  }

  it('registers an endpoint, shows its secret once, refuses plain http to another host, and lists failed deliveries', async () => {
    const office = await officeOfItsOwn();
    const page = await signIn('/office/', office.user, '公益创投大赛');
    await page.getByRole('link', { name: '事件推送' }).click();
    await page.getByRole('heading', { level: 1, name: '事件推送' }).waitFor();

    await page.getByLabel('接收地址').fill('http://hooks.example.org/gongyi');
    await page.getByLabel('项目已提交').check();
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByText('接收地址须以 https:// 开头').waitFor();

    await page.getByLabel('接收地址').fill('https://hooks.example.org/gongyi');
    await page.getByLabel('资金已拨付').check();
    await page.getByRole('button', { name: '登记' }).click();
    const secret = await page.getByTestId('webhook-secret').locator('output').innerText();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const endpointRow = page.getByTestId('webhook-endpoint');
    await expect(endpointRow.innerText()).resolves.toContain('项目已提交、资金已拨付');

    // A delivery the worker logged while the receiver was down, written as the worker writes it.
    const endpoint = await served.db.getRepository(WebhookEndpoint).findOneByOrFail({ tenantId: office.tenantId });
    const competition = await createCompetition(served.db, office.user.id);
    const event = await served.db.getRepository(WebhookEvent).save({
      tenantId: office.tenantId,
      topic: WebhookTopic.TranchePaid,
      competitionId: competition.id,
      payload: { topic: WebhookTopic.TranchePaid },
    });
    await served.db.getRepository(WebhookDelivery).save({
      tenantId: office.tenantId,
      eventId: event.id,
      endpointId: endpoint.id,
      attempt: 1,
      replay: false,
      status: WebhookDeliveryStatus.Failed,
      responseStatus: 503,
      durationMs: 41,
      error: '对方返回 HTTP 503 / receiver answered HTTP 503',
    });
    await page.reload();
    const delivery = page.getByTestId('webhook-delivery');
    const text = await delivery.innerText();
    expect(text).toContain('资金已拨付');
    expect(text).toContain('失败');
    expect(text).toContain('503');
    await page.screenshot({ path: join(shots, 'office-webhooks.png'), fullPage: true });
    await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
    await expectAccessible(page, 'office-webhooks');
    await page.context().close();
  });

  it('shows an applicant the unread count on every page, the message when opened, and marks it read', async () => {
    const organization = await createOrganization(served.db, { name: '月桂社区居民委员会', community: '月桂' });
    const applicant = await createUser(served.db, Role.Applicant, organization.id);
    await served.db.getRepository(Notification).save({
      tenantId: DEFAULT_TENANT_ID,
      userId: applicant.id,
      kind: NotificationKind.ScreeningResult,
      dedupKey: `screening-${randomUUID()}`,
      titleZh: '「亲和社群·红动家园」通过资格审查',
      titleEn: '"亲和社群·红动家园" passed screening',
      bodyZh: '项目已通过资格审查，请留意路演安排。',
      bodyEn: 'The project passed screening; watch for the roadshow schedule.',
    });
    const page = await signIn('/apply/', applicant, '我的申报', PHONE);

    const button = page.getByRole('button', { name: '通知（1 条未读）' });
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByText('「亲和社群·红动家园」通过资格审查').waitFor();
    await page.screenshot({ path: join(shots, 'apply-inbox.png'), fullPage: true });
    await expectAccessible(page, 'apply-inbox-open');

    await page.getByRole('button', { name: '标为已读' }).click();
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    await expect(page.getByRole('button', { name: '标为已读' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
