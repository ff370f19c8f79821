import { join } from 'node:path';
import { BrowserContextOptions, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { addDays, beijingDate, monthsOf } from '@app/grants';
import { AppUser, Competition } from '@app/persistence';
import { createCompetition } from '../factories';
import { SHATOU_PROPOSAL, acceptAll, signedCompetition } from '../grants.factory';
import { LABEL_CHECK, LAPTOP, PHONE, expectAccessible, screenshotDir, servePages, signInOn } from './browser-harness';

// Supervision in the browser: the office decides a termination proposal, the organization reads its sanction.
jest.setTimeout(120_000);

describe('supervision (项目监管) in Chromium', () => {
  const served = servePages();
  const shots = screenshotDir();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  const endsOn = () => `${Number(beijingDate(new Date()).slice(0, 4)) + 3}${beijingDate(new Date()).slice(4)}`;

  const signIn = (path: 'office' | 'apply', user: AppUser, device: BrowserContextOptions) =>
    signInOn(served, path, user, device);

  it('the office proposes terminating on a diversion, confirms it, and the organization reads its sanction on a phone', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    // Next year's round, where the organization saved a draft before the breach was found.
    const round = await createCompetition(served.db, fixture.clerks[0].user.id, {
      title: '2027年 "红色核动力" 党建项目创投大赛',
    });
    const draft = await request(served.app.getHttpServer())
      .post(`/competitions/${round.id}/submissions`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .send(SHATOU_PROPOSAL)
      .expect(201);
    const office = await signIn('office', fixture.clerks[0].user, LAPTOP);
    try {
      const { page } = office;
      await page.goto(`${served.baseUrl}/office/#/grants/${grantId}`);
      const propose = page.getByTestId('propose-termination');
      await page.getByText('按违约条款提出终止建议').click();
      await propose.getByRole('button', { name: '提出建议' }).click();
      await see(propose.locator('.field-error'), '事实与依据');
      await propose.getByLabel('违约条款').selectOption('diversion');
      await propose.getByLabel('事实与依据').fill('审计发现将 8,000 元资助资金用于社区办公开支');
      await propose.getByRole('button', { name: '提出建议' }).click();
      const open = page.getByTestId('open-proposal');
      await see(open.getByTestId('proposal-cause'), '挪用资金');
      expect(await page.evaluate(LABEL_CHECK)).toEqual({ unlabelled: [], horizontalScroll: false });

      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/grants`);
      await see(page.getByTestId('proposal-to-decide'), '挪用资金');
      await page.getByTestId('proposal-to-decide').getByRole('link').click();

      const confirm = page.getByTestId('confirm-termination');
      await confirm.getByLabel('理由').fill('经街道党工委会议研究，确认终止资助');
      await confirm.getByRole('button', { name: '确认终止' }).click();
      await see(page.getByTestId('proposal-sanction'), `至 ${endsOn()} 止`);
      await see(page.getByTestId('grant-state'), '已终止');
      await expectAccessible(page, 'grant page after the termination was confirmed');
      await shot(page, 'supervision-office-confirmed');
    } finally {
      await office.context.close();
    }

    const grantee = await signIn('apply', fixture.funded[0].applicant, PHONE);
    try {
      const { page } = grantee;
      await see(page.getByTestId('my-sanction'), `${endsOn()} 前不能申报新项目`);
      await expectAccessible(page, 'applicant home with a sanction');
      expect(await page.evaluate(LABEL_CHECK)).toEqual({ unlabelled: [], horizontalScroll: false });
      await shot(page, 'supervision-grantee-sanction');
      await page.goto(`${served.baseUrl}/apply/#/submissions/${draft.body.id}`);
      await page.getByRole('link', { name: '继续编辑并提交' }).click();
      await page.getByRole('button', { name: '提交申报' }).click();
      await page.getByText(`${endsOn()} 起方可申报`).waitFor();
      await shot(page, 'supervision-grantee-refused');
    } finally {
      await grantee.context.close();
    }
  });

  it('the office checks three months below 6 item by item; the organization sees the warning on a phone; exit is proposed', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 100 });
    const [grantId] = await acceptAll(served.app, fixture);
    const months = monthsOf(addDays(beijingDate(new Date()), -100), beijingDate(new Date()));
    const office = await signIn('office', fixture.clerks[0].user, LAPTOP);
    const checkMonth = async (page: Page, month: string, presence: string, upkeep: string) => {
      const form = page.getByTestId('check-form');
      await form.getByLabel('考核月份').selectOption(month);
      await form.getByLabel('人员在岗（3 分）').fill(presence);
      await form.getByLabel('阵地维护（3 分）').fill(upkeep);
      await form.getByLabel('考核依据').fill(`${month} 现场查看：服务站多次未按时开放`);
      await form.getByRole('button', { name: '登记考核' }).click();
      await page.locator(`[data-testid="check-row"][data-month="${month}"]`).waitFor();
    };
    try {
      const { page } = office;
      await page.goto(`${served.baseUrl}/office/#/grants/${grantId}`);
      const form = page.getByTestId('check-form');
      await form.getByLabel('人员在岗（3 分）').fill('3.5');
      await form.getByLabel('考核依据').fill('现场查看');
      await form.getByRole('button', { name: '登记考核' }).click();
      await see(form.locator('.field-error'), '0 到 3 分');
      await checkMonth(page, months[0], '1', '0.5');
      await checkMonth(page, months[1], '0', '1');
      await see(page.getByTestId('check-warning'), '已连续 2 个月考核低于 6 分');
      await expectAccessible(page, 'grant page with two monthly checks below the line');
      expect(await page.evaluate(LABEL_CHECK)).toEqual({ unlabelled: [], horizontalScroll: false });
    } finally {
      await office.context.close();
    }

    const grantee = await signIn('apply', fixture.funded[0].applicant, PHONE);
    try {
      const { page } = grantee;
      await page.goto(`${served.baseUrl}/apply/#/grants/${grantId}`);
      await see(page.getByTestId('check-warning'), '连续 3 个月将被建议退出');
      await see(page.getByTestId('check-row'), '5.5 分');
      expect(await page.evaluate(LABEL_CHECK)).toEqual({ unlabelled: [], horizontalScroll: false });
      await shot(page, 'supervision-grantee-warning');
      await expectAccessible(page, 'grantee grant page with the monthly warning, on a phone');
    } finally {
      await grantee.context.close();
    }

    const again = await signIn('office', fixture.clerks[1].user, LAPTOP);
    try {
      const { page } = again;
      await page.goto(`${served.baseUrl}/office/#/grants/${grantId}`);
      await checkMonth(page, months[2], '0', '0');
      await see(page.getByTestId('check-warning'), '已提出退出建议');
      await see(page.getByTestId('open-proposal').getByTestId('proposal-cause'), '月度考核连续不达标');
      await shot(page, 'supervision-office-exit-proposed');
    } finally {
      await again.context.close();
    }
  });

  it('the office edits the monthly checklist in the rules tab: points must add up to 10, 辛店’s preset restores them', async () => {
    const fixture = await signedCompetition(served.app, [1_000_000]);
    const round = await createCompetition(served.db, fixture.clerks[0].user.id, {
      title: '2027年 辛店创投',
    });
    const office = await signIn('office', fixture.clerks[0].user, LAPTOP);
    try {
      const { page } = office;
      await page.goto(`${served.baseUrl}/office/#/competitions/${round.id}/rules`);
      const terms = page.getByTestId('supervision-terms');
      const presence = terms.getByTestId('checklist-item').nth(2).getByLabel('分值');
      await presence.fill('4');
      await page.getByRole('button', { name: '保存规则' }).click();
      await see(page.locator('.field-error'), '考核细则各项分值合计须为 10 分，现为 11 分');
      await terms.getByRole('button', { name: '使用辛店考核细则' }).click();
      await expect(terms.getByTestId('checklist-item').nth(2).getByLabel('分值').inputValue()).resolves.toBe('3');
      await terms.getByLabel('在执行资助项目上限（留空不限）').fill('2');
      await page.getByRole('button', { name: '保存规则' }).click();
      await page.getByText('规则已保存为第 2 版').waitFor();
      const stored = await served.db.getRepository(Competition).findOneByOrFail({ id: round.id });
      expect(stored.rules.supervision.eligibility.maxActiveGrants).toBe(2);
      expect(stored.rules.supervision.monthlyChecks?.checklist.map((item) => item.points)).toEqual([2, 2, 3, 3]);
      await expectAccessible(page, 'rules tab with the supervision terms');
    } finally {
      await office.context.close();
    }
  });
});
