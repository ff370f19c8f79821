import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import request from 'supertest';
import { beijingDate, monthOf } from '@app/grants';
import { AppUser } from '@app/persistence';
import { TEST_PASSWORD } from '../factories';
import { payFirstTranche, readyGrants } from '../grants.factory';
import { LABEL_CHECK, LAPTOP, expectAccessible, screenshotDir, servePages } from './browser-harness';

// The office at screening reads an applicant's history in brief, opens the whole of it, exports it.
jest.setTimeout(60_000);

describe("the office's organization history in Chromium", () => {
  const served = servePages();
  const shots = screenshotDir();

  async function signIn(user: AppUser): Promise<Page> {
    const context = await served.browser.newContext({ ...LAPTOP, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/office/`);
    await page.getByLabel('登录名').fill(user.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '公益创投大赛' }).waitFor();
    return page;
  }

  it('shows the history in brief at screening, then the whole page with results and grants, and exports it', async () => {
    const { fixture, grantIds } = await readyGrants(served.app, [3_000_000]);
    await payFirstTranche(served.app, fixture, grantIds[0], `档案页-${grantIds[0].slice(0, 8)}`);
    const [project] = fixture.funded;
    await request(served.app.getHttpServer())
      .post(`/grants/${grantIds[0]}/monthly-checks`)
      .set('authorization', fixture.clerks[0].auth)
      .send({
        month: monthOf(beijingDate(new Date())),
        items: [
          { key: 'plan', points: 0 },
          { key: 'summary', points: 2 },
          { key: 'presence', points: 3 },
          { key: 'upkeep', points: 0.5 },
        ],
        note: '现场查看：月度计划未提交，阵地未按时开放',
      })
      .expect(201);
    const page = await signIn(fixture.clerks[0].user);

    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/submissions`);
    const row = page.getByTestId('submission-row').filter({ hasText: project.submission.title });
    const brief = row.getByTestId('organization-brief');
    await brief.filter({ hasText: '参赛 1 次 · 获资助 1 项 · 终止 0 项' }).waitFor();
    await brief.getByRole('link', { name: '组织档案' }).click();

    await page.getByRole('heading', { level: 1, name: project.organization.name }).waitFor();
    const summary = await page.getByTestId('history-summary').innerText();
    expect(summary).toContain('¥30,000.00 / ¥15,000.00');
    const entered = page.getByTestId('history-submission');
    await expect(entered.count()).resolves.toBe(1);
    const enteredText = await entered.innerText();
    expect(enteredText).toContain(project.submission.title);
    expect(enteredText).toContain(project.result.score);
    const grant = page.getByTestId('history-grant');
    await expect(grant.innerText()).resolves.toContain('¥15,000.00（50%）');
    await expect(grant.getAttribute('data-outcome')).resolves.toBe('in-progress');
    const monthly = grant.getByTestId('history-monthly');
    await expect(monthly.locator('[data-below="true"]').innerText()).resolves.toBe(
      `${monthOf(beijingDate(new Date()))} 5.5`,
    );
    await expect(monthly.innerText()).resolves.toContain('连续 1 个月低于考核线');
    await page.screenshot({ path: join(shots, 'office-organization-history.png'), fullPage: true });
    await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
    await expectAccessible(page, 'office-organization-history');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`organization-${project.organization.id}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF大赛 / Competition,')).toBe(true);
    expect(csv).toContain(project.agreement.number);

    await expect(page.getByTestId('history-sanction').count()).resolves.toBe(0);

    await grant.getByRole('link', { name: project.agreement.number }).click();
    await page.getByRole('heading', { name: new RegExp(project.agreement.number) }).waitFor();
    await page.context().close();
  });

  it('marks a sanctioned applicant at screening and lists the sanction with its end on the page', async () => {
    const { fixture, grantIds } = await readyGrants(served.app, [2_000_000]);
    const [project] = fixture.funded;
    await request(served.app.getHttpServer())
      .post(`/grants/${grantIds[0]}/terminate`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '未经批准擅自变更项目内容', basis: 'breach' })
      .expect(200);
    const page = await signIn(fixture.clerks[0].user);
    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/submissions`);
    const brief = page
      .getByTestId('submission-row')
      .filter({ hasText: project.submission.title })
      .getByTestId('organization-brief');
    await brief.getByTestId('sanctioned').waitFor();
    await brief.getByRole('link', { name: '组织档案' }).click();
    const sanction = page.getByTestId('history-sanction');
    await sanction.filter({ hasText: '生效中' }).waitFor();
    await expect(sanction.innerText()).resolves.toContain('未经批准擅自变更项目内容');
    await expectAccessible(page, 'office-organization-sanctioned');
    await page.context().close();
  });
});
