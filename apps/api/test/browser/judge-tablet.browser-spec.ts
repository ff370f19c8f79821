import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { JudgeGroup } from '@app/domain';
import { Rubric, compileRubric, rubricTotal } from '@app/scoring';
import { Score, ScoreRevision, Submission } from '@app/persistence';
import { DrawResponseDto, DrawnSlotDto } from '../../src/roadshows/dto/draw-response.dto';
import {
  AddedJudge,
  addJudge,
  bearer,
  createRoadshow,
  roadshowCompetition,
  roadshowUnderWay,
} from '../roadshow.factory';
import { TABLET, expectAccessibleShot, layoutProblems, servePages } from './browser-harness';

const LONG_TITLE =
  '党群心连心·关爱母婴行——沙头社区孕产妇及婴幼儿家庭健康服务与邻里互助支持网络建设暨党员志愿者结对帮扶示范项目（第二期）';
const INJECTION = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const MARKS = { need: '20', design: '21.5', feasibility: '17', participation: '12', sustainability: '13.25' };

/** The three tablet sizes of the brief, portrait and landscape. */
const VIEWPORTS = [
  { width: 820, height: 1180 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
] as const;

interface TabletRoadshow {
  readonly roadshowId: string;
  /** In stage order: the long title on stage, the injection waiting. */
  readonly slots: readonly DrawnSlotDto[];
  readonly judgeA: AddedJudge;
  readonly judgeB: AddedJudge;
  state(): Promise<{ recusals: unknown[] }>;
  stage(action: 'start' | 'open-scoring' | 'lock', slotId: string, body?: object): request.Test;
}

describe('judge tablet in Chromium: layout, conflicts, offline reload, lost answers, refusals', () => {
  const served = servePages();
  /** Only ever looked at: no test scores, recuses or locks on it. */
  let shared: TabletRoadshow;

  const http = () => request(served.app.getHttpServer());
  const shot = async (page: Page, name: string) => {
    // From the top, so the sticky header sits where a person sees it.
    await page.evaluate('window.scrollTo(0, 0)');
    await expectAccessibleShot(page, name);
  };

  /**
   * A roadshow of its own: judges 陈卫东 (A) and 李晓华 (B), a long title on stage with scoring
   * open, and a script-injection title waiting as the second project.
   */
  async function tabletRoadshow(): Promise<TabletRoadshow> {
    const { fixture, roadshowId, judges, slots } = await roadshowUnderWay(served.app, {
      projects: 2,
      judges: [
        { name: '陈卫东', group: JudgeGroup.Expert },
        { name: '李晓华', group: JudgeGroup.Resident },
      ],
      seed: 'tablet',
    });
    await served.db.getRepository(Submission).update(slots[0].submissionId, { title: LONG_TITLE });
    await served.db.getRepository(Submission).update(slots[1].submissionId, { title: INJECTION });
    const [judgeA, judgeB] = judges;
    return {
      roadshowId,
      slots,
      judgeA,
      judgeB,
      state: async () =>
        (await http().get(`/roadshows/${roadshowId}`).set(bearer(fixture.officeToken)).expect(200)).body as {
          recusals: unknown[];
        },
      stage: (action, slotId, body = {}) =>
        http()
          .post(`/roadshows/${roadshowId}/slots/${slotId}/${action}`)
          .set(bearer(fixture.officeToken))
          .send(body)
          .expect(200),
    };
  }

  /** Judge A's sheet of MARKS, saved through the API as revision 1. */
  async function savedByApi(roadshow: TabletRoadshow): Promise<void> {
    await http()
      .put(`/judge/slots/${roadshow.slots[0].slotId}/score`)
      .set(bearer(roadshow.judgeA.token))
      .set('Idempotency-Key', `tablet-saved-${roadshow.slots[0].slotId}`)
      .send({ criteria: MARKS, gates: { 'party-leadership': true } })
      .expect(200);
  }

  async function signIn(context: BrowserContext, judge: AddedJudge): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/judge/#r=${judge.roadshowId}`);
    await page.fill('#code', judge.code);
    await page.tap('form.sign-in button[type="submit"]');
    await page.locator('#stage > *').first().waitFor();
    return page;
  }

  async function enterMarks(page: Page): Promise<void> {
    for (const [key, value] of Object.entries(MARKS)) await page.fill(`#mark-${key}`, value);
    await page.tap('#gate-party-leadership-pass');
  }

  async function revisionsOf(judgeId: string, slotId: string): Promise<ScoreRevision[]> {
    const score = await served.db.getRepository(Score).findOneBy({ judgeId, slotId });
    if (!score) return [];
    return served.db.getRepository(ScoreRevision).find({ where: { scoreId: score.id }, order: { revision: 'ASC' } });
  }

  beforeAll(async () => {
    shared = await tabletRoadshow();
  }, 60_000);

  it.each(VIEWPORTS)(
    'fits a $width×$height tablet without horizontal scrolling, every control at least 44 px',
    async (viewport) => {
      const context = await served.browser.newContext({ ...TABLET, viewport, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${served.baseUrl}/judge/#r=${shared.roadshowId}`);
      await page.locator('#code').waitFor();
      await expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
      await page.fill('#code', shared.judgeA.code);
      await page.tap('form.sign-in button[type="submit"]');
      await page.locator('#project-title').filter({ hasText: '第二期' }).waitFor();
      await page.locator('.project-details summary').tap();
      await page.fill('#mark-need', '30');
      await page.locator('#mark-need-error:not([hidden])').waitFor();
      await expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
      // The long title wraps inside its card instead of widening the page.
      const title = await page.locator('#project-title').boundingBox();
      expect(title?.height).toBeGreaterThan(60);
      expect((title?.x ?? 0) + (title?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      await shot(page, `judge-layout-${viewport.width}x${viewport.height}`);
      await page.tap('.lang-switch');
      await page.locator('.criterion-name', { hasText: 'Need addressed' }).waitFor();
      await expect(page.locator('#submit').innerText()).resolves.toBe('Submit score');
      await expect(page.locator('#mark-need').inputValue()).resolves.toBe('30');
      await expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
      if (viewport.width === 1024) await shot(page, 'judge-layout-english-1024x768');
      await context.close();
    },
    60_000,
  );

  it('computes the live total exactly as libs/scoring does, fractional weights included', async () => {
    const rubric: Rubric = {
      criteria: [
        { key: 'need', label: { zh: '需求', en: 'Need' }, maxPoints: '25', weight: '0.35' },
        { key: 'design', label: { zh: '设计', en: 'Design' }, maxPoints: '40', weight: '1.2' },
        { key: 'budget', label: { zh: '预算', en: 'Budget' }, maxPoints: '10', weight: '0.05' },
      ],
      markDecimals: 2,
    };
    // Deterministic marks in hundredths, the kind a float sum gets wrong (0.35 × 17.29 …).
    let seed = 7;
    const next = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % (max * 100 + 1);
    };
    const mark = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    const sheets = Array.from({ length: 300 }, () => ({
      need: mark(next(25)),
      design: mark(next(40)),
      budget: mark(next(10)),
    }));
    const compiled = compileRubric(rubric);
    const expected = sheets.map((sheet) => rubricTotal(compiled, sheet).toDecimalString(compiled.totalDecimals));
    const criteria = rubric.criteria.map(({ key, maxPoints, weight }) => ({ key, maxPoints, weight, gate: false }));
    const context = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/judge/#r=${shared.roadshowId}`);
    const shown = await page.evaluate<string[]>(`
      import('/judge/decimal.js').then(({ toUnits, weightedTotal }) =>
        ${JSON.stringify(sheets)}.map((sheet) =>
          weightedTotal(${JSON.stringify(criteria)}, Object.fromEntries(
            Object.entries(sheet).map(([key, value]) => [key, toUnits(value)]),
          )).total,
        ),
      )
    `);
    expect(shown).toEqual(expected);
    await context.close();
  }, 30_000);

  it('declares a conflict through a confirm dialog that asks for the reason', async () => {
    const { judgeB, slots, state } = await tabletRoadshow();
    const context = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    const page = await signIn(context, judgeB);
    await page.locator('#project-title').waitFor();
    await page.tap('#recuse-button');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await page.tap('#dialog-confirm');
    await dialog.locator('.error', { hasText: '请填写回避理由' }).waitFor();
    await page.fill('#recusal-reason', '本人是该社区居民议事会成员');
    await shot(page, 'judge-recusal-dialog');
    await page.tap('#dialog-confirm');
    await page.locator('#recused-stage').waitFor();
    await expect(page.locator('#project-title').count()).resolves.toBe(0);
    await shot(page, 'judge-recused');
    expect((await state()).recusals).toEqual([
      expect.objectContaining({
        judgeId: judgeB.id,
        submissionId: slots[0].submissionId,
        source: 'declared',
        reason: '本人是该社区居民议事会成员',
      }),
    ]);
    await context.close();
  }, 60_000);

  it('reopens without network and still shows the score waiting to sync, then saves it once', async () => {
    const { judgeA, slots } = await tabletRoadshow();
    const offlineContext = await served.browser.newContext(TABLET);
    const page = await signIn(offlineContext, judgeA);
    // The service worker has the page's files before the network goes.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await offlineContext.setOffline(true);
    await enterMarks(page);
    await page.tap('#submit');
    await page.locator('#save-status[data-status="pending"]').waitFor();

    await page.reload();
    await page.locator('#save-status[data-status="pending"]').waitFor();
    await page.locator('#cache-notice:not([hidden])').waitFor();
    await page.locator('#net-status[data-net="offline"]').waitFor();
    await expect(page.locator('#project-title').innerText()).resolves.toContain('第二期');
    await expect(page.inputValue('#mark-sustainability')).resolves.toBe('13.25');
    await expect(page.locator('#total').innerText()).resolves.toBe('83.75');
    await shot(page, 'judge-offline-reloaded');
    // No database check here: Chromium sends a service-worker-controlled page's requests by a path
    // Playwright's offline emulation does not reach, so whether the server saw the score yet depends
    // on the harness. What the judge sees (waiting, before and after the reload) is checked above,
    // and "saved exactly once" below.

    await offlineContext.setOffline(false);
    await page.locator('#save-status[data-status="saved"]', { hasText: '已保存 第1版' }).waitFor();
    await page.locator('#cache-notice[hidden]').waitFor({ state: 'attached' });
    const revisions = await revisionsOf(judgeA.id, slots[0].slotId);
    expect(revisions.map((revision) => revision.revision)).toEqual([1]);
    await offlineContext.close();
  }, 60_000);

  it('retries a score whose answer was lost on the way back with the same key, saving it once', async () => {
    const roadshow = await tabletRoadshow();
    const { judgeA, slots } = roadshow;
    await savedByApi(roadshow);
    const context = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    let lost = 0;
    const keys: string[] = [];
    await context.route('**/judge/slots/*/score', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (lost > 0) return route.continue();
      lost += 1;
      // The server saves it; the tablet never hears back.
      await route.fetch();
      return route.abort('connectionreset');
    });
    const page = await signIn(context, judgeA);
    await page.locator('#save-status[data-status="saved"]').waitFor();
    await page.tap('.criterion[data-key="design"] .step.plus');
    await page.tap('#submit');
    await page.locator('#save-status[data-status="pending"]').waitFor();
    await page.locator('#save-status[data-status="saved"]', { hasText: '第2版' }).waitFor();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const revisions = await revisionsOf(judgeA.id, slots[0].slotId);
    expect(revisions.map((revision) => revision.revision)).toEqual([1, 2]);
    expect(revisions[1].idempotencyKey).toBe(keys[0]);
    expect(revisions[1].criteria.design).toBe('22');
    await context.close();
  }, 60_000);

  it('shows a refusal in both languages and stops retrying it (a score that arrives after the lock)', async () => {
    const roadshow = await tabletRoadshow();
    const { judgeA, slots, stage } = roadshow;
    await savedByApi(roadshow);
    const offlineContext = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    const page = await signIn(offlineContext, judgeA);
    await page.locator('#save-status[data-status="saved"]', { hasText: '第1版' }).waitFor();
    await offlineContext.setOffline(true);
    await page.locator('#net-status[data-net="offline"]').waitFor();
    await page.fill('#mark-need', '24');
    await page.tap('#submit');
    await page.locator('#save-status[data-status="pending"]').waitFor();
    // 李晓华 has not scored: the office locks without them.
    await stage('lock', slots[0].slotId, { allowMissing: true });
    await offlineContext.setOffline(false);
    await page.locator('#save-status[data-status="rejected"]', { hasText: '该项目已锁定' }).waitFor();
    await page.locator('#sync-status[data-pending="0"]').waitFor();
    await page.locator('#save-status[data-locked="true"]').waitFor();
    // The locked form shows the marks that counted; the status line says what was refused.
    await expect(page.inputValue('#mark-need')).resolves.toBe('20');
    await shot(page, 'judge-refused-after-lock');
    await page.tap('.lang-switch');
    await page.locator('#save-status', { hasText: 'this project is locked' }).waitFor();
    await page.tap('.lang-switch');
    const revisions = await revisionsOf(judgeA.id, slots[0].slotId);
    expect(revisions).toHaveLength(1);
    await offlineContext.close();
  }, 60_000);

  it('renders a script-injection title as text on the tablet', async () => {
    const roadshow = await tabletRoadshow();
    const { judgeA, slots, stage } = roadshow;
    await savedByApi(roadshow);
    await stage('lock', slots[0].slotId, { allowMissing: true });
    const context = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    const page = await signIn(context, judgeA);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await stage('start', slots[1].slotId);
    await page.locator('#project-title').filter({ hasText: '<img src=x' }).waitFor();
    await expect(page.locator('#project-title').innerText()).resolves.toBe(INJECTION);
    await expect(page.locator('#project img, #project script, .slot-list img').count()).resolves.toBe(0);
    await shot(page, 'judge-injection-title');
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);

  it('says within seconds that the server cannot be reached while the page stays open, then syncs the score kept meanwhile', async () => {
    const hall = await roadshowCompetition(served.app, 1);
    const hallRoadshowId = await createRoadshow(served.app, hall);
    const judge = await addJudge(served.app, hall.officeToken, hallRoadshowId, {
      name: '王海燕',
      group: JudgeGroup.Expert,
    });
    const drawn = await http().post(`/roadshows/${hallRoadshowId}/draw`).set(bearer(hall.officeToken)).send({});
    const [slot] = (drawn.body as DrawResponseDto).slots;
    for (const action of ['start', 'open-scoring']) {
      await http()
        .post(`/roadshows/${hallRoadshowId}/slots/${slot.slotId}/${action}`)
        .set(bearer(hall.officeToken))
        .send({})
        .expect(200);
    }
    const context = await served.browser.newContext({ ...TABLET, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/judge/#r=${hallRoadshowId}`);
    await page.fill('#code', judge.code);
    await page.tap('form.sign-in button[type="submit"]');
    await page.locator('#project-title').waitFor();
    await page.locator('#net-status[data-net="online"]').waitFor();

    // The API stops answering (the live stream, already open, stays up): Wi-Fi is on, the server is gone.
    const api = (url: URL) => /^\/judge\/(roadshow|slots|heartbeat)/.test(url.pathname);
    await context.route(api, (route) => route.abort('connectionrefused'));
    const blockedAt = Date.now();
    await page
      .locator('#net-status[data-net="unreachable"]', { hasText: '暂时连不上服务器，评分已保存在本机' })
      .waitFor({
        timeout: 10_000,
      });
    process.stdout.write(`tablet says the server is unreachable after ${Date.now() - blockedAt} ms\n`);
    await enterMarks(page);
    await page.tap('#submit');
    await page
      .locator('#save-status[data-status="pending"]', { hasText: '暂时连不上服务器，评分已保存在本机' })
      .waitFor();
    await shot(page, 'judge-server-unreachable');
    expect(await revisionsOf(judge.id, slot.slotId)).toEqual([]);

    await context.unroute(api);
    await page.locator('#save-status[data-status="saved"]', { hasText: '已保存 第1版' }).waitFor();
    await page.locator('#net-status[data-net="online"]').waitFor();
    const revisions = await revisionsOf(judge.id, slot.slotId);
    expect(revisions.map((revision) => revision.revision)).toEqual([1]);
    expect(revisions[0].criteria).toMatchObject({ need: '20', design: '21.5' });
    await context.close();
  }, 60_000);
});
