import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { COMPETITION_PRESETS, JudgeGroup } from '@app/domain';
import { Organization, Submission } from '@app/persistence';
import { DrawResponseDto } from '../../src/roadshows/dto/draw-response.dto';
import {
  AddedJudge,
  RoadshowFixture,
  addJudge,
  bearer,
  createRoadshow,
  partyBuildingSheet,
  roadshowCompetition,
} from '../roadshow.factory';
import { BIG_SCREEN, expectAccessible, launchBrowser, screenshotDir, startServedApp } from './browser-harness';

const TITLE_INJECTION = '<img src=x onerror=alert(1)>扶贫帮困<script>alert(2)</script>';
const ORGANIZATION_INJECTION = '<b onmouseover=alert(3)>月桂社区</b>居民委员会';
/** Short pitches so the timer reaches zero within the test. */
const PITCH_SECONDS = 2;

describe('live big screen in Chromium (1920×1080)', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let browser: Browser;
  let db: DataSource;
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let slots: DrawResponseDto['slots'];
  let judges: AddedJudge[];
  let context: BrowserContext;
  let screen: Page;
  const dialogs: string[] = [];
  const shots = screenshotDir();

  const http = () => request(app.getHttpServer());
  const office = () => bearer(fixture.officeToken);
  const stage = (action: 'start' | 'open-scoring' | 'lock', slotId: string) =>
    http().post(`/roadshows/${roadshowId}/slots/${slotId}/${action}`).set(office()).send({}).expect(200);
  const shot = async (name: string, page: Page = screen) => {
    await page.screenshot({ path: join(shots, `${name}.png`) });
    await expectAccessible(page, name);
  };

  beforeAll(async () => {
    ({ app, baseUrl } = await startServedApp());
    db = app.get(DataSource);
    browser = await launchBrowser();
    fixture = await roadshowCompetition(app, 2, {
      ...COMPETITION_PRESETS['party-building'],
      pitchSeconds: PITCH_SECONDS,
    });
    roadshowId = await createRoadshow(app, fixture);
    judges = [];
    for (const [i, group] of [JudgeGroup.Expert, JudgeGroup.Media, JudgeGroup.Resident].entries()) {
      judges.push(await addJudge(app, fixture.officeToken, roadshowId, { name: `评委${i + 1}`, group }));
    }
    const drawn = await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({ seed: 'screen' }).expect(200);
    slots = (drawn.body as DrawResponseDto).slots;
    const injected = fixture.submissions.find((submission) => submission.id === slots[0].submissionId);
    await db.getRepository(Submission).update(slots[0].submissionId, { title: TITLE_INJECTION });
    await db.getRepository(Organization).update(injected?.organizationId as string, { name: ORGANIZATION_INJECTION });
    context = await browser.newContext(BIG_SCREEN);
    screen = await context.newPage();
    screen.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    process.stdout.write(`screenshots: ${shots}\n`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the roadshow when the address names none', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/screen/`);
    await page.locator('.message', { hasText: '?roadshow=' }).waitFor();
    await page.close();
  }, 30_000);

  it('shows the project within a second of the office starting it, titles as text, and the timer turning red at 0', async () => {
    await screen.goto(`${baseUrl}/screen/?roadshow=${roadshowId}`);
    await screen.locator('#idle').waitFor();
    await screen.locator('#app[data-live="open"]').waitFor();
    const started = Date.now();
    await stage('start', slots[0].slotId);
    await screen.locator('#current-title').waitFor();
    const latency = Date.now() - started;
    process.stdout.write(`big screen showed the new project ${latency} ms after the office started it\n`);
    expect(latency).toBeLessThan(1000);

    await expect(screen.locator('#current-title').innerText()).resolves.toBe(TITLE_INJECTION);
    await expect(screen.locator('#current-organization').innerText()).resolves.toBe(ORGANIZATION_INJECTION);
    await expect(screen.locator('#stage img, #stage script, #stage b, #ranking img').count()).resolves.toBe(0);
    await screen.locator('#timer[data-overtime="true"]').waitFor();
    await expect(screen.locator('#timer').innerText()).resolves.toBe('00:00');
    const color = await screen.evaluate<string>(`getComputedStyle(document.getElementById('timer')).color`);
    expect(color).toBe('rgb(255, 107, 97)');
    await screen.locator('#overtime', { hasText: '超时' }).waitFor();
    await shot('screen-timer-overtime');
    expect(dialogs).toEqual([]);
  }, 30_000);

  it('shows a banner while the connection is down, reconnects by itself and catches up', async () => {
    await stage('open-scoring', slots[0].slotId);
    await screen.locator('#stage[data-state="scoring"]').waitFor();
    await context.setOffline(true);
    await screen.locator('#banner:not([hidden])', { hasText: '连接中断，正在重连' }).waitFor();
    await shot('screen-reconnecting');
    // Scores arrive while the screen is cut off.
    for (const [i, judge] of judges.entries()) {
      await http()
        .put(`/judge/slots/${slots[0].slotId}/score`)
        .set(bearer(judge.token))
        .set('Idempotency-Key', `screen-test-${i}-${slots[0].slotId}`)
        .send(partyBuildingSheet(['82.00', '76.50', '90.25'][i]))
        .expect(200);
    }
    await context.setOffline(false);
    await screen.locator('#banner[hidden]').waitFor({ state: 'attached', timeout: 10_000 });
    await screen.locator('#judges-scored[data-submitted="3"]').waitFor();
    await stage('lock', slots[0].slotId);
    // Three judges with "keep at least 3" falls back to the plain mean: nothing is struck through.
    await screen.locator('#announced-score', { hasText: '82.92' }).waitFor();
    await expect(screen.locator('#judge-totals s').count()).resolves.toBe(0);
    await expect(screen.locator('.method').innerText()).resolves.toContain('未去分');
    await screen.locator('#ranking-table .ranking-title', { hasText: TITLE_INJECTION }).waitFor();
    await shot('screen-announced-without-trim');
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('has no language button: the address chooses, Chinese unless it asks for English', async () => {
    await expect(screen.locator('.lang-switch').count()).resolves.toBe(0);
    const page = await context.newPage();
    // Another page on the same machine chose English: the hall's screen stays Chinese all the same.
    await page.addInitScript("localStorage.setItem('gongyi.lang', 'en')");
    await page.goto(`${baseUrl}/screen/?roadshow=${roadshowId}`);
    await page.locator('#ranking-title', { hasText: '实时排名' }).waitFor();
    await page.goto(`${baseUrl}/screen/?roadshow=${roadshowId}&lang=en`);
    await page.locator('#ranking-title', { hasText: 'Running ranking' }).waitFor();
    await expect(page.locator('.box-label').first().innerText()).resolves.toBe('Announced score');
    await expect(page.title()).resolves.toMatch(/^Live board · /);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await shot('screen-english', page);
    await page.close();
  }, 30_000);
});
