import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AppUser, AuditRepository } from '@app/persistence';
import { verifyAuditExport } from '../../src/cli/audit-verify.command';
import { TEST_PASSWORD, createUser } from '../factories';
import { LABEL_CHECK, LAPTOP, expectAccessible, screenshotDir, servePages, signInOn } from './browser-harness';

// An office reads its audit log in words, narrows it to one competition, pages back, and exports a
// file the verify command accepts; an administrator lands on the log of every office.
jest.setTimeout(60_000);

describe('the audit log page in Chromium', () => {
  const served = servePages();
  const shots = screenshotDir();

  /** An administrator signs in on the office console and lands on the audit log. */
  async function signInAdmin(admin: AppUser): Promise<Page> {
    const context = await served.browser.newContext(LAPTOP);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/office/`);
    await page.getByLabel('登录名').fill(admin.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    return page;
  }

  /** `count` transitions of one competition by `clerk`, written as the API writes them. */
  async function transitions(clerk: AppUser, count: number, tenantId: string = DEFAULT_TENANT_ID): Promise<string> {
    const audit = served.app.get(AuditRepository);
    const competitionId = randomUUID();
    for (let i = 0; i < count; i += 1) {
      await audit.record({
        actorType: 'office',
        actorId: clerk.id,
        action: 'competition.transition',
        subjectType: 'competition',
        subjectId: competitionId,
        before: { state: 'open' },
        after: { state: 'closed', step: i },
        tenantId,
      });
    }
    return competitionId;
  }

  it('shows who did what in words, filters to one competition, pages back and exports a verifiable file', async () => {
    const clerk = await createUser(served.db, Role.Office);
    const competitionId = await transitions(clerk, 52);
    const { page } = await signInOn(served, 'office', clerk, { ...LAPTOP, acceptDownloads: true });
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();

    await page.getByLabel('对象类型').fill('competition');
    await page.getByLabel('对象编号').fill(competitionId);
    await page.getByLabel('操作', { exact: true }).selectOption('competition.transition');
    await page.getByRole('button', { name: '筛选' }).click();
    const rows = page.getByTestId('audit-row');
    await rows.filter({ hasText: competitionId }).first().waitFor();
    await expect(rows.count()).resolves.toBe(50);
    const first = await rows.first().innerText();
    expect(first).toContain(`办公室 ${clerk.displayName}`);
    expect(first).toContain('大赛状态变更');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await page.screenshot({ path: join(shots, 'office-audit-log.png'), fullPage: true });
    await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
    await expectAccessible(page, 'office-audit-log');

    await page.getByTestId('audit-older').click();
    await page.getByRole('link', { name: '回到最新' }).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.getByTestId('audit-older').count()).resolves.toBe(0);

    await page.getByLabel('对象编号').fill('');
    await page.getByLabel('对象类型').fill('');
    await page.getByLabel('操作', { exact: true }).selectOption('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);
    const outcome = verifyAuditExport(readFileSync(await download.path(), 'utf8'));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.text).toContain(`office ${DEFAULT_TENANT_ID}:`);
    await page.context().close();
  });

  it('names a reversed time range at the box it concerns', async () => {
    const clerk = await createUser(served.db, Role.Office);
    const { page } = await signInOn(served, 'office', clerk, LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/audit`);
    await page.getByLabel('起始时间（北京时间）').fill('2026-04-01T00:00');
    await page.getByLabel('结束时间（北京时间）').fill('2026-03-01T00:00');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('结束时间须晚于开始时间').waitFor();
    await expect(page.getByLabel('结束时间（北京时间）').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'office-audit-log-refused');
    await page.context().close();
  });

  it('takes an administrator to the log of every office', async () => {
    const clerk = await createUser(served.db, Role.Office);
    const [{ id: otherOffice }] = await served.db.query<{ id: string }[]>(
      `INSERT INTO tenant (kind, name, name_en) VALUES ('street', '江东街道办事处', 'Jiangdong street office') RETURNING id`,
    );
    const mine = await transitions(clerk, 1);
    const theirs = await transitions(clerk, 1, otherOffice);
    const admin = await createUser(served.db, Role.Admin);
    const page = await signInAdmin(admin);
    const rows = page.getByTestId('audit-row');
    await rows.filter({ hasText: theirs }).waitFor();
    await rows.filter({ hasText: mine }).waitFor();
    await page.context().close();
  });
});
