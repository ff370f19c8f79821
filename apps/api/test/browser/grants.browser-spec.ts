import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContextOptions, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { In } from 'typeorm';
import { addDays, beijingDate, monthOf } from '@app/grants';
import { AppUser, AuditEvent, GrantRefund, GrantTranche, ReportAttachment } from '@app/persistence';
import { PAYEE, PNG, acceptAll, pdfWords, signedCompetition } from '../grants.factory';
import { LABEL_CHECK, LAPTOP, PHONE, screenshotDir, servePages, signInOn } from './browser-harness';

// After the award, in the browser: the office's two signatures on a payment, the grantee's report.
jest.setTimeout(120_000);

describe('grants (资助管理 / 我的资助) in Chromium', () => {
  const served = servePages();
  const shots = screenshotDir();
  const http = () => request(served.app.getHttpServer());
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  const expectLabelled = async (page: Page) =>
    expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });

  /** A fresh browser session (its own storage) signed in on `path` as `user`. */
  const signIn = (path: 'office' | 'apply', user: AppUser, device: BrowserContextOptions = LAPTOP) =>
    signInOn(served, path, user, { ...device, acceptDownloads: true });

  it('the office accepts a signed agreement, one clerk approves the first tranche and another pays it', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [approver, payer] = fixture.clerks;
    const first = await signIn('office', approver.user);
    const second = await signIn('office', payer.user);
    try {
      const { page } = first;
      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/grants`);
      const waiting = page.getByTestId('agreement-to-accept');
      await see(waiting, fixture.funded[0].agreement.number);
      // Empty lists say so instead of showing a table of headings alone.
      await page.getByText('确认签约后出现在这里。').waitFor();
      await page.getByText('没有待付款的拨付。').waitFor();
      await waiting.getByRole('button', { name: '确认签约，建立资助' }).click();
      await see(page.getByTestId('ledger-row'), '¥30,000.00');
      await see(page.getByTestId('queue-row'), '协议签订后');

      // Approval needs the bank account the grantee enters on its side.
      await page.getByTestId('queue-row').getByRole('button', { name: '审批拨付：第 1 期' }).click();
      await page.getByText('获资助单位尚未填写收款账户').waitFor();
      const [grant] = (await http().get('/grants').set('authorization', fixture.funded[0].applicantAuth).expect(200))
        .body.items as { id: string }[];
      await http().put(`/grants/${grant.id}/payee`).set('authorization', fixture.funded[0].applicantAuth).send(PAYEE);
      await page.reload();
      await page.getByTestId('queue-row').getByRole('button', { name: '审批拨付：第 1 期' }).click();
      await see(page.getByTestId('queue-row'), '凭证号');

      // The approver cannot also record the payment.
      await page.getByTestId('pay-form').getByLabel('凭证号').fill('记-2026-0107');
      await page.getByTestId('pay-form').getByRole('button', { name: '登记付款' }).click();
      await page.getByText('本期由您审批，请由另一账号登记付款').waitFor();
      await shot(page, 'grants-01-approver-refused');

      const other = second.page;
      await other.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/grants`);
      await other.getByTestId('pay-form').getByLabel('凭证号').fill('记-2026-0107');
      await other.getByTestId('pay-form').getByRole('button', { name: '登记付款' }).click();
      await see(other.getByTestId('ledger-paid'), '¥15,000.00');
      await other.getByText('没有待付款的拨付。').waitFor();
      await other.getByRole('link', { name: fixture.funded[0].agreement.number }).click();
      const firstRow = other.locator('[data-testid="tranche-row"][data-sequence="1"]');
      await see(firstRow.getByTestId('tranche-state'), '已拨付');
      await see(firstRow, '记-2026-0107');
      await shot(other, 'grants-02-paid-by-the-second-clerk');

      // The payment notice for the grantee's bank, and the export for the finance office.
      const [notice] = await Promise.all([
        other.waitForEvent('download'),
        firstRow.getByRole('button', { name: '拨付通知' }).click(),
      ]);
      const words = pdfWords(readFileSync(await notice.path()));
      expect(words).toContain('本期拨付（大写）：人民币壹万伍仟元整');
      expect(words).toContain('付款凭证号：记-2026-0107');
      await other.getByRole('link', { name: '← 大赛的资助管理' }).click();
      const [csv] = await Promise.all([
        other.waitForEvent('download'),
        other.getByRole('button', { name: '导出拨付台账（CSV）' }).click(),
      ]);
      const text = readFileSync(await csv.path(), 'utf8');
      expect(text.startsWith('\uFEFF协议编号 / Agreement,')).toBe(true);
      expect(text).toContain(
        `,${PAYEE.accountNumber},第 1 期 / 1,协议签订后 / on signing the agreement,15000.00,人民币壹万伍仟元整,已拨付 / Paid,`,
      );

      const tranche = await served.db.getRepository(GrantTranche).findOneByOrFail({ grantId: grant.id, sequence: 1 });
      expect(tranche).toMatchObject({
        state: 'paid',
        approvedBy: approver.user.id,
        paidBy: payer.user.id,
        voucherNumber: '记-2026-0107',
        amountFen: 1_500_000,
      });
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('the grantee downloads the notice of its paid tranche, drafts a monthly report, attaches a sign-in sheet, saves, submits and sees the office’s comments', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 40 });
    const [grantId] = await acceptAll(served.app, fixture);
    const project = fixture.funded[0];
    await http().put(`/grants/${grantId}/payee`).set('authorization', project.applicantAuth).send(PAYEE).expect(200);
    const [first] = (
      await http().get(`/tranches?competitionId=${fixture.competition.id}`).set('authorization', fixture.clerks[0].auth)
    ).body.items as { id: string }[];
    await http().post(`/tranches/${first.id}/approve`).set('authorization', fixture.clerks[0].auth).expect(200);
    await http()
      .post(`/tranches/${first.id}/pay`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ voucherNumber: `记-${grantId.slice(0, 8)}`, paidOn: beijingDate(new Date()) })
      .expect(200);
    const month = monthOf(addDays(beijingDate(new Date()), -40));
    // On a phone, as most community workers file them.
    const { context, page } = await signIn('apply', project.applicant, PHONE);
    try {
      await see(page.getByTestId('my-grant'), '已拨付 ¥15,000.00');
      await page.getByTestId('my-grant').getByRole('link').click();
      await see(page.getByTestId('next-tranche'), '中期评估合格后');
      const [notice] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载第 1 期拨付通知' }).click(),
      ]);
      expect(pdfWords(readFileSync(await notice.path()))).toContain('本期拨付（大写）：人民币壹万伍仟元整');
      // The reports open so far and the next one; the rest of the year waits below.
      const schedule = (await http().get(`/grants/${grantId}`).set('authorization', project.applicantAuth)).body
        .reportSchedule as { opensOn: string }[];
      const open = schedule.filter((row) => row.opensOn <= beijingDate(new Date())).length;
      await expect(page.getByTestId('report-due').count()).resolves.toBe(open + 1);
      await page.getByText(/其后还有 \d+ 份报告/).waitFor();
      await expectLabelled(page);
      await shot(page, 'grants-03-my-grant-phone');
      const due = page.locator(`[data-testid="report-due"][data-period="${month}"]`);
      await due.getByRole('button', { name: '开始填写' }).click();
      const form = page.getByTestId('report-form');
      await form.waitFor();

      // Submitting without the narrative is refused under the field; the draft is kept.
      await form.getByRole('button', { name: '提交报告' }).click();
      await page.locator('.field-error:not([hidden])').first().waitFor();
      await form.getByLabel('项目进展').fill('本月开展便民服务日 2 次，为 12 户独居老人维修家电。');
      await form.getByRole('button', { name: '添加活动' }).click();
      await expectLabelled(page);
      const activity = form.getByTestId('activity-row');
      await activity.getByLabel('日期').fill(addDays(beijingDate(new Date()), -35));
      await activity.getByLabel('地点').fill('五顶岗社区党群服务中心');
      await activity.getByLabel('参与人数').fill('42');
      await activity.getByLabel('内容').fill('便民服务日');
      await form.getByLabel('维修工具与耗材 资助资金支出（元）').fill('1,200');
      await form.getByRole('button', { name: '保存草稿' }).click();
      // The draft is on the server: a reload brings it back.
      await page.reload();
      await expect(page.getByTestId('activity-row').getByLabel('地点').inputValue()).resolves.toBe(
        '五顶岗社区党群服务中心',
      );
      await expect(page.getByLabel('维修工具与耗材 资助资金支出（元）').inputValue()).resolves.toBe('1200');

      // A text file is refused, naming it; a PNG photo of the sign-in sheet is kept.
      await form.getByLabel('照片、签到表或票据').setInputFiles({
        name: '说明.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('不是图片'),
      });
      await form.getByRole('button', { name: '上传附件' }).click();
      await page.getByText('说明.txt').first().waitFor();
      await page.getByTestId('report-form').getByLabel('照片、签到表或票据').setInputFiles({
        name: '签到表.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByTestId('report-form').getByRole('button', { name: '上传附件' }).click();
      await see(page.getByTestId('attachment'), '签到表.png');
      await shot(page, 'grants-04-report-draft');
      await page.getByTestId('report-form').getByRole('button', { name: '提交报告' }).click();
      await see(page.getByTestId('report-state'), '已提交待审核');

      const [report] = (await http().get(`/reports?grantId=${grantId}`).set('authorization', project.applicantAuth))
        .body.items as { id: string }[];
      await http()
        .post(`/reports/${report.id}/return`)
        .set('authorization', fixture.clerks[0].auth)
        .send({ comments: '请补充宣传物料的支出票据' })
        .expect(200);
      await page.reload();
      await see(page.getByTestId('review-comments'), '请补充宣传物料的支出票据');
      await see(page.getByTestId('report-state'), '退回修改');
      await shot(page, 'grants-05-report-returned');

      const stored = await http().get(`/reports/${report.id}`).set('authorization', fixture.clerks[0].auth).expect(200);
      expect(stored.body).toMatchObject({
        narrative: '本月开展便民服务日 2 次，为 12 户独居老人维修家电。',
        activities: [{ place: '五顶岗社区党群服务中心', participants: 42 }],
        spending: [{ grantFen: 120_000 }, {}, {}],
        attachments: [{ filename: '签到表.png' }],
      });
      expect(await served.db.getRepository(ReportAttachment).countBy({ reportId: report.id })).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the office returns a report with comments, approves a budget change, terminates the grant and records the refund returned', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 40 });
    const [grantId] = await acceptAll(served.app, fixture);
    const grantee = fixture.funded[0].applicantAuth;
    const [approver, payer] = fixture.clerks;
    await http().put(`/grants/${grantId}/payee`).set('authorization', grantee).send(PAYEE).expect(200);
    const grant = (await http().get(`/grants/${grantId}`).set('authorization', grantee).expect(200)).body as {
      tranches: { id: string }[];
      budget: { lines: { item: string; kind: string; grantFen: number; matchingFen: number }[] };
    };
    await http().post(`/tranches/${grant.tranches[0].id}/approve`).set('authorization', approver.auth).expect(200);
    await http()
      .post(`/tranches/${grant.tranches[0].id}/pay`)
      .set('authorization', payer.auth)
      .send({ voucherNumber: `记-${grantId.slice(0, 8)}`, paidOn: beijingDate(new Date()) })
      .expect(200);
    const month = monthOf(addDays(beijingDate(new Date()), -40));
    const report = (
      await http()
        .post(`/grants/${grantId}/reports`)
        .set('authorization', grantee)
        .send({ kind: 'monthly', period: month })
        .expect(201)
    ).body as { id: string; version: number };
    await http()
      .patch(`/reports/${report.id}`)
      .set('authorization', grantee)
      .send({
        narrative: '本月开展便民服务日 2 次。',
        spending: grant.budget.lines.map((_, i) => ({ grantFen: i === 0 ? 120_000 : 0, matchingFen: 0 })),
        expectedVersion: report.version,
      })
      .expect(200);
    await http().post(`/reports/${report.id}/submit`).set('authorization', grantee).expect(200);
    const lines = grant.budget.lines.map(({ item, kind, grantFen, matchingFen }, i) => ({
      item,
      kind,
      matchingFen,
      grantFen: i === 1 ? grantFen + 200_000 : i === 2 ? grantFen - 200_000 : grantFen,
    }));
    await http()
      .post(`/grants/${grantId}/budget-changes`)
      .set('authorization', grantee)
      .send({ lines, reason: '宣传物料由街道统一印制，节余转入志愿者培训' })
      .expect(201);

    const { context, page } = await signIn('office', approver.user);
    try {
      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/grants`);
      await see(page.getByTestId('budget-change-to-decide'), '节余转入志愿者培训');
      await page.getByTestId('report-to-review').getByRole('link').click();
      const review = page.getByTestId('review-form');
      await review.getByLabel('审核意见').fill('请补充宣传物料的支出票据');
      await review.getByRole('button', { name: '退回修改' }).click();
      await see(page.getByTestId('report-state'), '退回修改');
      await see(page.getByTestId('review-comments'), '请补充宣传物料的支出票据');
      await shot(page, 'grants-06-report-returned-by-the-office');

      await page.getByRole('link', { name: '← 资助详情' }).click();
      const change = page.getByTestId('budget-change');
      await change.getByRole('button', { name: '批准', exact: true }).click();
      await page.getByRole('heading', { name: '预算（第 2 版）' }).waitFor();
      const history = page.getByTestId('budget-history');
      await history.locator('summary').click();
      await see(history.locator('li').first(), '第 2 版');
      await see(history.locator('li').last(), '第 1 版');

      const terminate = page.locator('details', { hasText: '终止资助' });
      await terminate.locator('summary').click();
      await terminate.getByLabel('理由').fill('项目负责人离职，项目无法继续');
      await terminate.getByRole('button', { name: '终止并开立退款' }).click();
      await see(page.getByTestId('grant-state'), '已终止');
      const refunds = page.getByTestId('refunds');
      await see(refunds, '退款 ¥15,000.00');
      await see(refunds.getByTestId('refund-state'), '待退回');
      await refunds.getByLabel('收款凭证号').fill('收-2026-0031');
      await refunds.getByRole('button', { name: '登记已退回' }).click();
      await see(page.getByTestId('refund-state'), '已退回');
      await shot(page, 'grants-07-terminated-refund-returned');
    } finally {
      await context.close();
    }
    const refund = await served.db.getRepository(GrantRefund).findOneByOrFail({ grantId });
    expect(refund).toMatchObject({ amountFen: 1_500_000, state: 'returned', voucherNumber: '收-2026-0031' });
    const actions = (await served.db.getRepository(AuditEvent).findBy({ subjectId: In([grantId, refund.id]) })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['grant.terminate', 'refund.open', 'refund.return']));
  });
});
