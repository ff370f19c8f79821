import { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { JudgeGroup } from '@app/domain';
import { AppUser } from '@app/persistence';
import { TEST_PASSWORD } from '../factories';
import {
  AddedJudge,
  RoadshowFixture,
  addJudge,
  bearer,
  createRoadshow,
  roadshowCompetition,
} from '../roadshow.factory';
import { LAPTOP, expectAccessibleShot, servePages } from './browser-harness';

/** How often the judges list refreshes itself (office/judges-card.js). */
const PRESENCE_REFRESH_MS = 15_000;
/** A well-formed code that no judge holds. */
const WRONG_CODE = 'ZZZZ-ZZZZ';

describe('office console in Chromium: managing a roadshow’s judges on the day', () => {
  const served = servePages();
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let onTablet: AddedJudge;

  const http = () => request(served.app.getHttpServer());
  const row = (page: Page, name: string): Locator => page.locator(`[data-testid="judge-row"][data-judge="${name}"]`);
  const signInJudge = (code: string) => http().post('/judge-sessions').send({ code, roadshowId });

  beforeAll(async () => {
    fixture = await roadshowCompetition(served.app, 2);
    roadshowId = await createRoadshow(served.app, fixture);
    onTablet = await addJudge(served.app, fixture.officeToken, roadshowId, {
      name: '陈卫东',
      group: JudgeGroup.Expert,
    });
  }, 60_000);

  it('adds, reissues, removes and prints judges’ codes, sees the tablets online and lifts a sign-in pause', async () => {
    const context = await served.browser.newContext(LAPTOP);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    // A tablet keeps trying a code typed wrong until that code is paused.
    for (let i = 0; i < 6; i += 1) await signInJudge(WRONG_CODE);

    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    // The test moves the page's clock to the judges list's next refresh instead of waiting for it.
    await page.clock.install();
    await page.goto(`${served.baseUrl}/office/`);
    await page.getByLabel('登录名').fill(office.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '公益创投大赛' }).waitFor();
    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/roadshow`);

    // The big screen of this roadshow is one click away.
    await expect(page.getByTestId('screen-link').getAttribute('href')).resolves.toBe(`/screen/?roadshow=${roadshowId}`);
    await expect(page.getByTestId('judge-link').innerText()).resolves.toContain(`/judge/#r=${roadshowId}`);

    // The judge who signed in shows online, with the time of the last sync.
    await row(page, '陈卫东').locator('[data-testid="tablet-status"][data-online="1"]').waitFor();
    await expect(row(page, '陈卫东').innerText()).resolves.toContain('在线（1 台）');

    // The pause shows with its end, and the office lifts it.
    const pauses = page.getByTestId('sign-in-pauses');
    await pauses.getByText('一个多次输错的签到码暂停至').waitFor();
    await expectAccessibleShot(page, 'office-judges-1-online-and-pause');
    await pauses.getByRole('button', { name: '解除签到暂停' }).click();
    await pauses.waitFor({ state: 'detached' });
    const lifted = await http().get(`/roadshows/${roadshowId}/sign-in-pauses`).set(bearer(fixture.officeToken));
    expect(lifted.body.items).toEqual([]);

    // A judge added here gets a slip with a QR code at once.
    await page.getByLabel('评委姓名').fill('李晓华');
    await page.getByLabel('评审组').selectOption(JudgeGroup.Resident);
    await page.getByRole('button', { name: '添加评委并生成签到码' }).click();
    await page.getByTestId('code-slip').filter({ hasText: '李晓华' }).locator('svg.qr path').waitFor();
    await row(page, '李晓华').getByText('未登录').waitFor();
    await page.getByRole('button', { name: '已分发，隐藏' }).click();

    // A lost code is reissued: the old one and the tablet signed in with it stop, the new one works.
    await row(page, '陈卫东').getByRole('button', { name: '重新生成签到码' }).click();
    await row(page, '陈卫东').getByText('旧码和已登录的平板将失效？').waitFor();
    // The list refreshes on its own every few seconds: the question stays open through it.
    const asked = await row(page, '陈卫东').elementHandle();
    const refreshed = page.waitForResponse((response) => response.url().endsWith(`/roadshows/${roadshowId}/judges`));
    await page.clock.runFor(PRESENCE_REFRESH_MS);
    await refreshed;
    await page.waitForFunction('(element) => !element.isConnected', asked);
    await row(page, '陈卫东').getByText('旧码和已登录的平板将失效？').waitFor();
    await expectAccessibleShot(page, 'office-judges-2-reissue-asks');
    await row(page, '陈卫东').getByRole('button', { name: '确认' }).click();
    const slip = page.getByTestId('code-slip').filter({ hasText: '陈卫东' });
    await slip.locator('svg.qr path').waitFor();
    const newCode = await slip.getByTestId('judge-code').innerText();
    expect(newCode).not.toBe(onTablet.code);
    await signInJudge(onTablet.code).expect(401);
    await http().get('/judge/roadshow').set(bearer(onTablet.token)).expect(401);
    await signInJudge(newCode).expect(201);
    await page.getByRole('button', { name: '已分发，隐藏' }).click();

    // A judge who has not scored is removed, after a second question.
    await row(page, '李晓华').getByRole('button', { name: '移除' }).click();
    await row(page, '李晓华').getByRole('button', { name: '确认' }).click();
    await page.getByText('已移除评委 李晓华').waitFor();
    await row(page, '李晓华').waitFor({ state: 'detached' });
    const panel = await http().get(`/roadshows/${roadshowId}/judges`).set(bearer(fixture.officeToken)).expect(200);
    expect((panel.body.items as { name: string }[]).map((judge) => judge.name)).toEqual(['陈卫东']);

    // The code sheet for the door: new codes for the chosen judges, one slip each, printed alone.
    await page.getByRole('button', { name: '打印签到单…' }).click();
    const chooser = page.getByTestId('sheet-chooser');
    await chooser.getByLabel('陈卫东').check();
    await chooser.getByRole('button', { name: '生成签到码并预览' }).click();
    const sheet = page.getByTestId('code-sheet');
    await sheet.getByTestId('code-slip').filter({ hasText: '陈卫东' }).locator('svg.qr path').waitFor();
    const printedCode = await sheet.getByTestId('judge-code').innerText();
    await expectAccessibleShot(page, 'office-judges-3-code-sheet');
    await page.evaluate('window.print = () => { window.printed = true; }');
    await sheet.getByRole('button', { name: '打印签到单' }).click();
    await expect(page.evaluate('window.printed')).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('judge-row').first().isVisible()).resolves.toBe(false);
    await expect(sheet.getByTestId('code-slip').first().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await signInJudge(newCode).expect(401);
    await signInJudge(printedCode).expect(201);
    await context.close();
  }, 120_000);
});
