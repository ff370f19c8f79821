import { randomUUID } from 'node:crypto';
import { Locator } from 'playwright-core';
import request from 'supertest';
import { Role } from '@app/domain';
import { createCompetition, createSubmission, createUser } from '../factories';
import {
  NEED,
  collectedNeed,
  communityWithWall,
  listedNeeds,
  orderBody,
  pickedDirectOrder,
  residentByPhone,
  socialOrganization,
  streetOffice,
} from '../needs.factory';
import { openSmsInbox } from '../sms-inbox';
import { LAPTOP, SMALL_PHONE, expectReadable, servePages, signInOn } from './browser-harness';

// The needs wall as residents meet it: on a small phone, no account, verifying by SMS, posting a
// need the community then lets through, and a neighbour supporting it; and the office reading the
// funnel and the orders taken in its competition.
jest.setTimeout(90_000);

/** A real 8×6 PNG a phone's browser can draw and re-encode. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGPQqDiBFTEMpAQAqjNDgTaJcJIAAAAASUVORK5CYII=',
  'base64',
);

describe('点单式 in Chromium: residents post and support on a phone, a community drafts, an organization takes, the office reads the funnel', () => {
  const served = servePages();

  /** The width the browser drew the image at, once it has loaded (a broken image rejects). */
  function drawnWidth(image: Locator): Promise<number> {
    return image.evaluate(async (img: { decode(): Promise<void>; naturalWidth: number }) => {
      await img.decode();
      return img.naturalWidth;
    });
  }

  it('verifies by SMS, posts a need that waits for the community, and shows it on the wall once let through', async () => {
    const community = await communityWithWall(served.app);
    const inbox = openSmsInbox(served.app);
    const context = await served.browser.newContext(SMALL_PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${served.baseUrl}/needs/#c=${community.organization.id}`);
      await page.getByRole('heading', { level: 1, name: '侯家塘社区需求墙' }).waitFor();
      await expectReadable(page, 'needs-wall-verify');

      await page.getByLabel('手机号码').fill('13973105678');
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByText('验证码已发送至 139****5678').waitFor();
      await page.getByLabel('短信验证码').fill(inbox.codeIn(0));
      await page.getByRole('button', { name: '验证', exact: true }).click();

      await page.getByRole('heading', { name: '我要点单' }).waitFor();
      await page.getByLabel('需求类别').selectOption('elderly-care');
      await page.getByLabel('需求内容').fill('独居老人希望每周有人上门陪聊、代买菜');
      await page.getByLabel('服务对象').fill('3 号楼独居老人');
      await page.getByLabel('涉及人数').fill('0');
      await page.getByRole('button', { name: '提交需求' }).click();
      const refusal = page.locator('.field-error:not([hidden])');
      await refusal.waitFor();
      await expect(refusal.innerText()).resolves.toContain('涉及人数');
      await expectReadable(page, 'needs-wall-post-refused');
      await page.getByLabel('涉及人数').fill('12');
      await page.getByRole('button', { name: '提交需求' }).click();
      await page.getByText('已提交，待社区审核后上墙').waitFor();
      await expect(page.getByTestId('my-needs').innerText()).resolves.toContain('待审核');
      await expect(page.getByTestId('need').count()).resolves.toBe(0);
      await expectReadable(page, 'needs-wall-posted');
    } finally {
      inbox.restore();
    }

    const pending = await request(served.app.getHttpServer())
      .get('/community/needs?state=pending')
      .set('authorization', community.auth)
      .expect(200);
    await request(served.app.getHttpServer())
      .post(`/community/needs/${(pending.body as { id: string }[])[0].id}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'publish' })
      .expect(201);

    const neighbour = await residentByPhone(served.app, '13973106789');
    const other = await served.browser.newContext(SMALL_PHONE);
    other.setDefaultTimeout(15_000);
    const second = await other.newPage();
    await second.goto(`${served.baseUrl}/needs/#c=${community.organization.id}`);
    await second.evaluate(
      (token) =>
        sessionStorage.setItem('gongyi.needs.resident', JSON.stringify({ token, method: 'phone', communityId: null })),
      neighbour.replace('Bearer ', ''),
    );
    await second.reload();
    const card = second.getByTestId('need');
    await expect(card.innerText()).resolves.toContain('附议 1 人');
    await card.getByRole('button', { name: '附议：独居老人希望每周有人上门陪聊、代买菜' }).click();
    await second.getByText('已附议').waitFor();
    await expect(second.getByTestId('need').innerText()).resolves.toContain('附议 2 人');
    await expectReadable(second, 'needs-wall-supported');
    await card.getByRole('button', { name: /^附议/ }).click();
    await second.getByText('您已附议过这条需求').waitFor();
    await context.close();
    await other.close();
  });

  it('posts a need with a photo from a small phone; the community sees it, lets it through, and voids a burst of supports', async () => {
    const community = await communityWithWall(served.app, '东瓜山');
    const resident = await residentByPhone(served.app, '13973109012');
    const context = await served.browser.newContext(SMALL_PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/needs/#c=${community.organization.id}`);
    await page.evaluate(
      (token) =>
        sessionStorage.setItem('gongyi.needs.resident', JSON.stringify({ token, method: 'phone', communityId: null })),
      resident.replace('Bearer ', ''),
    );
    await page.reload();
    await page.getByRole('heading', { name: '我要点单' }).waitFor();
    await page.getByLabel('需求类别').selectOption('environment');
    await page.getByLabel('需求内容').fill('小区东门的垃圾站每天溢满，希望增加清运');
    await page.getByLabel('服务对象').fill('东门 6 栋居民');
    await page.getByLabel('涉及人数').fill('300');
    await page.getByLabel('照片（可选）').setInputFiles({ name: '垃圾站.png', mimeType: 'image/png', buffer: PHOTO });
    await expectReadable(page, 'needs-wall-photo-chosen');
    await page.getByRole('button', { name: '提交需求' }).click();
    await page.getByText('已提交，待社区审核后上墙').waitFor();
    await expectReadable(page, 'needs-wall-photo-posted');

    const moderating = await signInOn(served, 'apply', community.user, LAPTOP);
    await moderating.page.goto(`${served.baseUrl}/apply/#/needs`);
    const pending = moderating.page.getByTestId('pending-needs');
    await expect(drawnWidth(pending.locator('img.need-photo[src]'))).resolves.toBe(8);
    await expect(
      pending
        .getByRole('img', { name: '小区东门的垃圾站每天溢满，希望增加清运（居民附的照片 / the resident’s photo）' })
        .count(),
    ).resolves.toBe(1);
    await expectReadable(moderating.page, 'apply-needs-photo-pending');
    await pending.getByRole('button', { name: '通过：小区东门的垃圾站每天溢满，希望增加清运', exact: true }).click();
    await moderating.page.getByText('没有待列入清单的需求。').waitFor({ state: 'detached' });

    await page.reload();
    const card = page.getByTestId('need');
    await expect(drawnWidth(card.getByRole('img', { name: /^小区东门的垃圾站每天溢满/ }))).resolves.toBe(8);
    await expectReadable(page, 'needs-wall-photo-shown');

    // One phone signs in eight numbers and supports: beyond its burst the supports are flagged.
    const needId = (await card.getAttribute('data-need')) as string;
    for (let i = 0; i < 8; i += 1) {
      const neighbour = await residentByPhone(served.app, `1397311${String(i).padStart(4, '0')}`);
      await request(served.app.getHttpServer())
        .post(`/resident/needs/${needId}/supports`)
        .set('authorization', neighbour)
        .send({ deviceId: 'one-phone-many-numbers' })
        .expect(201);
    }
    await page.reload();
    await expect(page.getByTestId('need').innerText()).resolves.toContain('附议 9 人');

    await moderating.page.reload();
    const group = moderating.page.getByTestId('support-group');
    await expect(group.innerText()).resolves.toContain('同一部手机短时大量附议：3 条附议');
    await expectReadable(moderating.page, 'apply-needs-review-queue');
    await group.getByRole('button', { name: '作废第 1 组附议' }).click();
    await group.locator('.field-error:not([hidden])').waitFor();
    await expect(group.innerText()).resolves.toContain('审核理由');
    await group.getByLabel('审核理由：第 1 组附议').fill('同一部手机一分钟内登录多个号码附议，系刷单');
    await group.getByRole('button', { name: '作废第 1 组附议' }).click();
    await moderating.page.getByText('没有待审核的标记。').waitFor();
    await expectReadable(moderating.page, 'apply-needs-review-done');

    await page.reload();
    await expect(page.getByTestId('need').innerText()).resolves.toContain('附议 6 人');
    await moderating.context.close();
    await context.close();
  });

  it('shows the office the needs funnel per community and the orders taken in the competition', async () => {
    const office = await createUser(served.db, Role.Office);
    const competition = await createCompetition(served.db, office.id);
    const community = await communityWithWall(served.app, '妙高峰');
    const resident = await residentByPhone(served.app, '13973107890');
    const needId = await collectedNeed(served.app, community, resident);
    await listedNeeds(served.app, community, [needId]);
    const api = () => request(served.app.getHttpServer());
    const drafted = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(
        orderBody([needId], {
          title: '银龄陪伴',
          deliverables: ['每月上门服务不少于 40 户次'],
          budgetCapFen: 3_000_000,
          purchase: { route: 'competition', competitionId: competition.id, competitionCategory: 'convenience' },
        }),
      )
      .expect(201);
    await api()
      .post(`/service-orders/${drafted.body.id as string}/publish`)
      .set('authorization', community.auth)
      .expect(201);
    const taker = await socialOrganization(served.app, '长沙市天心区乐龄社会工作服务中心');
    const submission = await createSubmission(served.db, competition.id, taker.organization.id, office.id);
    await api()
      .post(`/service-orders/${drafted.body.id as string}/submissions`)
      .set('authorization', taker.auth)
      .send({ submissionId: submission.id })
      .expect(201);

    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/competitions/${competition.id}/needs`);
    const funnel = page.getByTestId('needs-funnel');
    await funnel.getByRole('cell', { name: '妙高峰' }).waitFor();
    const row = funnel.getByRole('row').filter({ hasText: '妙高峰' });
    await expect(row.innerText()).resolves.toMatch(
      /妙高峰\s+1 \/ 0（0\.0）\s+1 \/ 0（0\.0）\s+1 \/ 0（0\.0）\s+1 \/ 1（0\.0）\s+0 \/ 0/,
    );
    await expect(page.getByTestId('needs-orders').innerText()).resolves.toContain(
      '长沙市天心区乐龄社会工作服务中心「发挥先锋作用·真情服务群众」',
    );
    await expectReadable(page, 'office-needs-tab');
    await context.close();
  });

  it('lets the office buy a picked direct purchase and find its grant in the ledger, its tranches ready to pay', async () => {
    const office = await streetOffice(served.app);
    const competition = await createCompetition(served.db, office.users[0].id, { tenantId: office.tenantId });
    const { taker } = await pickedDirectOrder(served.app, office.tenantId, ['13973107891', '13973107892']);

    const { context, page } = await signInOn(served, 'office', office.users[0], LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/competitions/${competition.id}/needs`);
    const direct = page.getByTestId('needs-direct');
    const row = direct.getByTestId('direct-order').filter({ hasText: '我是社区大管家' });
    await expect(row.innerText()).resolves.toContain(`${taker.organization.name} ¥5,000.00`);
    await expectReadable(page, 'office-direct-purchase');
    await row.getByRole('button', { name: '政府买单' }).click();
    const grant = row.getByTestId('order-grant');
    await grant.waitFor();
    await expect(grant.innerText()).resolves.toMatch(/GMXY-\d{4}-0001\s+¥5,000\.00\s+执行中/);
    const ledger = page.getByTestId('ledger-row').filter({ hasText: 'GMXY-' });
    await expect(ledger.innerText()).resolves.toMatch(
      /GMXY-\d{4}-0001\s+侯家塘\s+¥5,000\.00\s+¥0\.00\s+第 1 期 ¥3,500\.00/,
    );
    await expectReadable(page, 'office-direct-purchase-bought');

    await grant.getByRole('link').click();
    await page.getByRole('heading', { name: /GMXY-\d{4}-0001 我是社区大管家/ }).waitFor();
    await expect(page.getByRole('link', { name: '← 全部大赛' }).count()).resolves.toBe(1);
    await expectReadable(page, 'office-direct-purchase-grant');
    await context.close();
  });

  it('lets a community moderate, list and draft an order, an organization offer for it, the community pick with a reason, and the taker report delivery', async () => {
    // Orders open to every organization: a title of its own keeps this test's order apart from others'.
    const title = `我是社区大管家 ${randomUUID().slice(0, 4)}`;
    const community = await communityWithWall(served.app, '白沙');
    const resident = await residentByPhone(served.app, '13973108901');
    await request(served.app.getHttpServer())
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED, communityId: community.organization.id, category: 'other', title: '楼道杂物多、邻里小事没人管' })
      .expect(201);

    const drafting = await signInOn(served, 'apply', community.user, LAPTOP);
    const page = drafting.page;
    await page.goto(`${served.baseUrl}/apply/#/needs`);
    await page.getByRole('button', { name: '通过：楼道杂物多、邻里小事没人管', exact: true }).click();
    await page.getByRole('button', { name: '编制其他需求清单' }).click();
    const form = page.getByTestId('draft-order');
    await form.waitFor();
    await form.getByLabel('订单名称').fill(title);
    await form.getByLabel('服务内容').fill('组织居民骨干巡查楼道、调解邻里小事');
    await form.getByLabel('受益对象', { exact: true }).fill('白沙社区居民');
    await form.getByLabel('受益人数').fill('1200');
    await form.getByLabel('交付内容（每行一项）').fill('每月楼道巡查 4 次\n每季度居民议事会 1 次');
    await form.getByLabel('服务开始日期').fill('2027-01-01');
    await form.getByLabel('服务结束日期').fill('2027-12-31');
    await form.getByLabel('预算上限（元）').fill('50000');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.getByText('超过街道小额直接购买上限 ¥20,000.00').waitFor();
    await expectReadable(page, 'apply-needs-draft-refused');
    await form.getByLabel('预算上限（元）').fill('5000');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('button', { name: `发布：${title}` }).click();
    await page.getByTestId('my-orders').getByText('已发布').waitFor();
    await expectReadable(page, 'apply-needs-published');

    const taker = await socialOrganization(served.app, '长沙市天心区邻里守望志愿服务社');
    const taking = await signInOn(served, 'apply', taker.user, LAPTOP);
    await taking.page.goto(`${served.baseUrl}/apply/#/needs`);
    const order = taking.page.getByTestId('open-orders');
    await order.getByLabel(`报价（元）：${title}`).fill('4800');
    await order.getByLabel(`服务方案：${title}`).fill('志愿者骨干每月巡查 4 次，每季度组织议事会');
    await order.getByRole('button', { name: `报价承单：${title}` }).click();
    await taking.page.getByTestId('open-orders').getByLabel(`报价（元）：${title}`).waitFor();
    await expectReadable(taking.page, 'apply-needs-offered');

    await page.reload();
    const mine = page.getByTestId('my-orders');
    await mine.getByLabel('选定理由').fill('有驻点骨干，报价在上限内');
    await mine.getByRole('button', { name: /^选定 长沙市天心区邻里守望志愿服务社（¥4,800/ }).click();
    await mine.getByText('选定理由：有驻点骨干，报价在上限内').waitFor();
    await expect(mine.innerText()).resolves.toContain('已承接');

    await taking.page.reload();
    const delivery = taking.page.getByTestId('delivery');
    await delivery.getByLabel('说明：每月楼道巡查 4 次').fill('全年共巡查 48 次');
    await delivery.getByLabel('完成情况：每季度居民议事会 1 次').selectOption('yes');
    await delivery.getByLabel(`交付总结：${title}`).fill('全年完成巡查与议事会');
    await expectReadable(taking.page, 'apply-needs-delivery');
    await delivery.getByRole('button', { name: `报告交付：${title}` }).click();
    await taking.page.getByTestId('open-orders').getByText('已交付').waitFor();
    await drafting.context.close();
    await taking.context.close();
  });
});
