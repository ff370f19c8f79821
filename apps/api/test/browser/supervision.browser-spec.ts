import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { beijingDate } from '@app/grants';
import { AppUser } from '@app/persistence';
import { TEST_PASSWORD } from '../factories';
import { acceptAll, signedCompetition } from '../grants.factory';
import {
  LABEL_CHECK,
  LAPTOP,
  PHONE,
  expectAccessible,
  launchBrowser,
  screenshotDir,
  startServedApp,
} from './browser-harness';

// Supervision in the browser: the office decides a termination proposal, the organization reads its sanction.
jest.setTimeout(120_000);

describe('supervision (项目监管) in Chromium', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let browser: Browser;
  const shots = screenshotDir();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  const endsOn = () => `${Number(beijingDate(new Date()).slice(0, 4)) + 3}${beijingDate(new Date()).slice(4)}`;

  beforeAll(async () => {
    ({ app, baseUrl } = await startServedApp());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    process.stdout.write(`screenshots: ${shots}\n`);
  });

  let pageErrors: string[] = [];
  afterEach(() => {
    const seen = pageErrors;
    pageErrors = [];
    expect(seen).toEqual([]);
  });

  async function signIn(
    path: 'office' | 'apply',
    user: AppUser,
    device: BrowserContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(device);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}/${path}/`);
    await page.getByLabel('登录名').fill(user.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: path === 'office' ? '公益创投大赛' : '我的申报' }).waitFor();
    return { context, page };
  }

  it('the office proposes terminating on a diversion, confirms it, and the organization reads its sanction on a phone', async () => {
    const fixture = await signedCompetition(app, [3_000_000]);
    const [grantId] = await acceptAll(app, fixture);
    const office = await signIn('office', fixture.clerks[0].user, LAPTOP);
    try {
      const { page } = office;
      await page.goto(`${baseUrl}/office/#/grants/${grantId}`);
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

      await page.goto(`${baseUrl}/office/#/competitions/${fixture.competition.id}/grants`);
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
    } finally {
      await grantee.context.close();
    }
  });
});
