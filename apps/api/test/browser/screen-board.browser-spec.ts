import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { COMPETITION_PRESETS, JudgeGroup } from '@app/domain';
import { Organization, Submission } from '@app/persistence';
import { DrawResponseDto } from '../../src/roadshows/dto/draw-response.dto';
import {
  AddedJudge,
  addJudge,
  bearer,
  createRoadshow,
  partyBuildingSheet,
  roadshowCompetition,
} from '../roadshow.factory';
import { BIG_SCREEN, expectAccessible, screenshotDir, servePages } from './browser-harness';

const TITLE_INJECTION = '<img src=x onerror=alert(1)>扶贫帮困<script>alert(2)</script>';
const ORGANIZATION_INJECTION = '<b onmouseover=alert(3)>月桂社区</b>居民委员会';
/** Short pitches so the timer reaches zero within the test. */
const PITCH_SECONDS = 2;

describe('live big screen in Chromium (1920×1080)', () => {
  const served = servePages();
  const shots = screenshotDir();

  const http = () => request(served.app.getHttpServer());
  const shot = async (screen: Page, name: string) => {
    await screen.screenshot({ path: join(shots, `${name}.png`) });
    await expectAccessible(screen, name);
  };

  /**
   * A roadshow of its own, drawn and waiting for its first project: three judges, short pitches,
   * and script in the first project's title and its organization's name.
   */
  async function screenRoadshow() {
    const fixture = await roadshowCompetition(served.app, 2, {
      ...COMPETITION_PRESETS['party-building'],
      pitchSeconds: PITCH_SECONDS,
    });
    const roadshowId = await createRoadshow(served.app, fixture);
    const judges: AddedJudge[] = [];
    for (const [i, group] of [JudgeGroup.Expert, JudgeGroup.Media, JudgeGroup.Resident].entries()) {
      judges.push(await addJudge(served.app, fixture.officeToken, roadshowId, { name: `评委${i + 1}`, group }));
    }
    const office = bearer(fixture.officeToken);
    const drawn = await http().post(`/roadshows/${roadshowId}/draw`).set(office).send({ seed: 'screen' }).expect(200);
    const slots = (drawn.body as DrawResponseDto).slots;
    const injected = fixture.submissions.find((submission) => submission.id === slots[0].submissionId);
    await served.db.getRepository(Submission).update(slots[0].submissionId, { title: TITLE_INJECTION });
    await served.db
      .getRepository(Organization)
      .update(injected?.organizationId as string, { name: ORGANIZATION_INJECTION });
    const stage = (action: 'start' | 'open-scoring' | 'lock', slotId: string) =>
      http().post(`/roadshows/${roadshowId}/slots/${slotId}/${action}`).set(office).send({}).expect(200);
    /** The three judges' totals for a project, in their order. */
    const scoreSlot = async (index: number) => {
      for (const [i, judge] of judges.entries()) {
        await http()
          .put(`/judge/slots/${slots[index].slotId}/score`)
          .set(bearer(judge.token))
          .set('Idempotency-Key', `screen-test-${i}-${slots[index].slotId}`)
          .send(partyBuildingSheet(['82.00', '76.50', '90.25'][i]))
          .expect(200);
      }
    };
    const scoreFirst = () => scoreSlot(0);
    return { roadshowId, slots, stage, scoreFirst, scoreSlot };
  }

  /** The hall's screen in a browser of its own, showing the roadshow and connected to its events. */
  async function openScreen(roadshowId: string): Promise<{ context: BrowserContext; screen: Page; dialogs: string[] }> {
    const context = await served.browser.newContext(BIG_SCREEN);
    const screen = await context.newPage();
    const dialogs: string[] = [];
    screen.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await screen.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}`);
    await screen.locator('#app[data-live="open"]').waitFor();
    return { context, screen, dialogs };
  }

  it('asks for the roadshow when the address names none', async () => {
    const context = await served.browser.newContext(BIG_SCREEN);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/screen/`);
    await page.locator('.message', { hasText: '?roadshow=' }).waitFor();
    await context.close();
  }, 30_000);

  it('shows the project the office starts by itself, titles as text, and the timer turning red at 0', async () => {
    const { roadshowId, slots, stage } = await screenRoadshow();
    const { context, screen, dialogs } = await openScreen(roadshowId);
    await screen.locator('#idle').waitFor();
    await stage('start', slots[0].slotId);
    await screen.locator('#current-title').waitFor();

    await expect(screen.locator('#current-title').innerText()).resolves.toBe(TITLE_INJECTION);
    await expect(screen.locator('#current-organization').innerText()).resolves.toBe(ORGANIZATION_INJECTION);
    await expect(screen.locator('#stage img, #stage script, #stage b, #ranking img').count()).resolves.toBe(0);
    await screen.locator('#timer[data-overtime="true"]').waitFor();
    await expect(screen.locator('#timer').innerText()).resolves.toBe('00:00');
    const color = await screen.evaluate<string>(`getComputedStyle(document.getElementById('timer')).color`);
    expect(color).toBe('rgb(255, 107, 97)');
    await screen.locator('#overtime', { hasText: '超时' }).waitFor();
    await shot(screen, 'screen-timer-overtime');
    expect(dialogs).toEqual([]);
    await context.close();
  }, 30_000);

  it('shows a banner while the connection is down, reconnects by itself and catches up', async () => {
    const { roadshowId, slots, stage, scoreFirst } = await screenRoadshow();
    await stage('start', slots[0].slotId);
    await stage('open-scoring', slots[0].slotId);
    const { context, screen, dialogs } = await openScreen(roadshowId);
    await screen.locator('#stage[data-state="scoring"]').waitFor();
    await context.setOffline(true);
    await screen.locator('#banner:not([hidden])', { hasText: '连接中断，正在重连' }).waitFor();
    await shot(screen, 'screen-reconnecting');
    // Scores arrive while the screen is cut off.
    await scoreFirst();
    await context.setOffline(false);
    await screen.locator('#banner[hidden]').waitFor({ state: 'attached', timeout: 10_000 });
    await screen.locator('#judges-scored[data-submitted="3"]').waitFor();
    await stage('lock', slots[0].slotId);
    // Three judges with "keep at least 3" falls back to the plain mean: nothing is struck through.
    await screen.locator('#announced-score', { hasText: '82.92' }).waitFor();
    await expect(screen.locator('#judge-totals s').count()).resolves.toBe(0);
    await expect(screen.locator('.method').innerText()).resolves.toContain('未去分');
    await screen.locator('#ranking-table .ranking-title', { hasText: TITLE_INJECTION }).waitFor();
    await shot(screen, 'screen-announced-without-trim');
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);

  it('has no language button: the address chooses, Chinese unless it asks for English', async () => {
    const { roadshowId, slots, stage, scoreFirst } = await screenRoadshow();
    await stage('start', slots[0].slotId);
    await stage('open-scoring', slots[0].slotId);
    await scoreFirst();
    await stage('lock', slots[0].slotId);
    const context = await served.browser.newContext(BIG_SCREEN);
    const page = await context.newPage();
    // Another page on the same machine chose English: the hall's screen stays Chinese all the same.
    await page.addInitScript("localStorage.setItem('gongyi.lang', 'en')");
    await page.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}`);
    await page.locator('#ranking-title', { hasText: '实时排名' }).waitFor();
    await expect(page.locator('.lang-switch').count()).resolves.toBe(0);
    await page.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}&lang=en`);
    await page.locator('#ranking-title', { hasText: 'Running ranking' }).waitFor();
    await page.locator('#announced-score', { hasText: '82.92' }).waitFor();
    await expect(page.locator('.box-label').first().innerText()).resolves.toBe('Announced score');
    await expect(page.title()).resolves.toMatch(/^Live board · /);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await shot(page, 'screen-english');
    await context.close();
  }, 30_000);

  it('shows where to follow the result and the projects once the last score is announced', async () => {
    const { roadshowId, slots, stage, scoreSlot } = await screenRoadshow();
    const { context, screen } = await openScreen(roadshowId);
    for (const [index, slot] of slots.entries()) {
      await stage('start', slot.slotId);
      await stage('open-scoring', slot.slotId);
      await scoreSlot(index);
      if (index < slots.length - 1) {
        await stage('lock', slot.slotId);
        await screen.locator('#announced-score').waitFor();
        await expect(screen.locator('#public-link').count()).resolves.toBe(0);
      }
    }
    await stage('lock', slots[slots.length - 1].slotId);
    const link = screen.locator('#public-link');
    await link.filter({ hasText: '结果公示与项目进展' }).waitFor();
    const board = await http().get(`/roadshows/${roadshowId}/board`).expect(200);
    await expect(link.getAttribute('href')).resolves.toBe(
      `${served.baseUrl}/accountability/?competition=${board.body.competitionId as string}`,
    );
    await shot(screen, 'screen-all-announced');
    await context.close();
  }, 60_000);
});
