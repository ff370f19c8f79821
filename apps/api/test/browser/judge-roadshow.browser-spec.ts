import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { JudgeGroup } from '@app/domain';
import { Score, ScoreRevision } from '@app/persistence';
import { BoardResponseDto } from '../../src/roadshows/dto/board-response.dto';
import { DrawResponseDto } from '../../src/roadshows/dto/draw-response.dto';
import {
  AddedJudge,
  RoadshowFixture,
  addJudge,
  bearer,
  createRoadshow,
  roadshowCompetition,
  trimmedMeanByHand,
} from '../roadshow.factory';
import { BIG_SCREEN, TABLET, expectAccessibleShot, servePages } from './browser-harness';

/** Marks in rubric order: need /25, design /25, feasibility /20, participation /15, sustainability /15. */
type Marks = readonly [string, string, string, string, string];
const KEYS = ['need', 'design', 'feasibility', 'participation', 'sustainability'] as const;

/** What each of the five judges enters for the first project (judge 1 then revises need by +1). */
const FIRST: readonly Marks[] = [
  ['20', '21.5', '17', '12', '13.25'],
  ['18.5', '19', '15.5', '11', '12'],
  ['23', '22.75', '18', '14', '13'],
  ['15', '16.5', '14', '10', '11.5'],
  ['21', '20', '16.5', '12.5', '12.75'],
];
const SECOND: readonly Marks[] = [
  ['22', '20', '16', '13', '12'],
  ['19', '18', '15', '12', '11'],
  ['24', '23', '19', '14', '14'],
  ['17', '17', '13', '10', '10'],
  ['20.5', '21', '17.5', '12', '13'],
];

/** The exact total in hundredths, as the tablet and the server must show it. */
function totalOf(marks: readonly string[]): string {
  const cents = marks.reduce((sum, mark) => sum + Math.round(Number(mark) * 100), 0);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

interface Tablet {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly judge: AddedJudge;
}

describe('roadshow day in Chromium: five judges on tablets, one offline, and the big screen', () => {
  const served = servePages();
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let slots: DrawResponseDto['slots'];
  let screen: Page;
  const tablets: Tablet[] = [];

  const http = () => request(served.app.getHttpServer());
  const office = () => bearer(fixture.officeToken);
  const shot = async (page: Page, name: string) => {
    // From the top, so the sticky header sits where a person sees it.
    await page.evaluate('window.scrollTo(0, 0)');
    await expectAccessibleShot(page, name);
  };
  const stage = async (action: 'start' | 'open-scoring' | 'lock', slotId: string, body: object = {}) =>
    (await http().post(`/roadshows/${roadshowId}/slots/${slotId}/${action}`).set(office()).send(body).expect(200))
      .body as { announcedScore: string | null };
  const board = async () => (await http().get(`/roadshows/${roadshowId}/board`).expect(200)).body as BoardResponseDto;

  async function enterMarks(page: Page, marks: Marks): Promise<void> {
    for (const [i, key] of KEYS.entries()) await page.fill(`#mark-${key}`, marks[i]);
    await page.tap('#gate-party-leadership-pass');
  }

  async function waitForStatus(page: Page, status: string, text?: string): Promise<void> {
    const line = page.locator(`#save-status[data-status="${status}"]`);
    await line.waitFor();
    if (text) await line.filter({ hasText: text }).waitFor();
  }

  async function scoresOf(slotId: string, judgeId: string): Promise<{ scores: Score[]; revisions: ScoreRevision[] }> {
    const scores = await served.db.getRepository(Score).findBy({ slotId, judgeId });
    const revisions = scores.length
      ? await served.db.getRepository(ScoreRevision).findBy({ scoreId: scores[0].id })
      : ([] as ScoreRevision[]);
    return { scores, revisions };
  }

  beforeAll(async () => {
    fixture = await roadshowCompetition(served.app, 3);
    roadshowId = await createRoadshow(served.app, fixture);
    const groups = [JudgeGroup.Expert, JudgeGroup.Expert, JudgeGroup.Expert, JudgeGroup.Department, JudgeGroup.Media];
    const judges: AddedJudge[] = [];
    for (const [i, group] of groups.entries()) {
      judges.push(await addJudge(served.app, fixture.officeToken, roadshowId, { name: `评委${i + 1}`, group }));
    }
    const drawn = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office())
      .send({ seed: 'h9-2026' })
      .expect(200);
    slots = (drawn.body as DrawResponseDto).slots;
    for (const judge of judges) {
      const context = await served.browser.newContext(TABLET);
      tablets.push({ context, page: await context.newPage(), judge });
    }
    screen = await (await served.browser.newContext(BIG_SCREEN)).newPage();
  }, 60_000);

  /** Signs the five judges in with their codes; the big screen waits for the first project. */
  async function signInFiveJudges(): Promise<void> {
    await screen.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}`);
    await screen.locator('#idle').waitFor();
    await screen.locator('#app[data-live="open"]').waitFor();
    await shot(screen, 'screen-1-waiting');
    for (const [i, { page, judge }] of tablets.entries()) {
      await page.goto(`${served.baseUrl}/judge/#r=${roadshowId}`);
      // Case and dashes do not matter: the first judge types the code in lower case without its dash.
      await page.fill('#code', i === 0 ? judge.code.replace('-', '').toLowerCase() : judge.code);
      if (i === 0) await shot(page, 'judge-1-sign-in');
      await page.tap('form.sign-in button[type="submit"]');
      await page.locator('#waiting-stage').waitFor();
      await expect(page.locator('.bar-judge').innerText()).resolves.toContain(`评委${i + 1}`);
    }
    await tablets[0].page.locator('#net-status[data-net="online"]').waitFor();
    await shot(tablets[0].page, 'judge-2-waiting-for-stage');
  }

  /** Brings the project on stage to every tablet and the screen by itself when the office starts it. */
  async function startFirstProject(): Promise<void> {
    const first = slots[0];
    await stage('start', first.slotId);
    for (const { page } of tablets) {
      await page.locator('#project-title').filter({ hasText: first.title }).waitFor();
    }
    await screen.locator('#current-title').filter({ hasText: first.title }).waitFor();
    await expect(screen.locator('#timer').innerText()).resolves.toMatch(/^0[67]:\d\d$/);
    await expect(screen.locator('#judges-scored').innerText()).resolves.toBe('0 / 5');
    const category = fixture.competition.rules.categories.find(
      (c) => c.key === fixture.submissions.find((s) => s.id === first.submissionId)?.category,
    );
    await expect(screen.locator('#current-category').innerText()).resolves.toBe(category?.labelZh);
    await shot(screen, 'screen-2-presenting');
    await shot(tablets[0].page, 'judge-3-project-on-stage');
  }

  /** Scores criterion by criterion with touch steppers, showing the exact weighted total. */
  async function scoreByTouch(): Promise<void> {
    const first = slots[0];
    await stage('open-scoring', first.slotId);
    const { page } = tablets[0];
    await page.locator('.chip.state[data-state="scoring"]').first().waitFor();
    // Judge 1 gets to 20 / 21.5 / 17 / 12 / 13.25 partly by tapping: 19 + 0.5 + 0.5, then 22.5 − 1.
    await enterMarks(page, ['19', '22.5', '17', '12', '13.25']);
    await page.tap('.criterion[data-key="need"] .step.plus');
    await page.tap('.criterion[data-key="need"] .step.plus');
    await page.tap('button[data-step="1"]');
    await page.tap('.criterion[data-key="design"] .step.minus');
    await expect(page.inputValue('#mark-need')).resolves.toBe('20');
    await expect(page.inputValue('#mark-design')).resolves.toBe('21.5');
    await expect(page.locator('#total').innerText()).resolves.toBe(totalOf(FIRST[0]));
    await expect(page.locator('#save-status').getAttribute('data-status')).resolves.toBe('none');
    await page.fill('#comment', '需求调研扎实，建议细化志愿者激励机制。');
    await shot(page, 'judge-4-scoring');
    await page.tap('#submit');
    await waitForStatus(page, 'saved', '已保存 第1版');

    for (const i of [1, 2, 3]) {
      await enterMarks(tablets[i].page, FIRST[i]);
      await expect(tablets[i].page.locator('#total').innerText()).resolves.toBe(totalOf(FIRST[i]));
      await tablets[i].page.tap('#submit');
      await waitForStatus(tablets[i].page, 'saved', '第1版');
    }
    await screen.locator('#judges-scored[data-submitted="4"]').waitFor();
    await shot(tablets[0].page, 'judge-5-saved');

    const saved = await scoresOf(first.slotId, tablets[0].judge.id);
    expect(saved.scores[0]).toMatchObject({ revision: 1, total: totalOf(FIRST[0]) });
    expect(saved.scores[0].criteria).toEqual({
      need: '20',
      design: '21.5',
      feasibility: '17',
      participation: '12',
      sustainability: '13.25',
    });
  }

  /** Keeps the score of a judge whose tablet loses the network and saves it exactly once when back. */
  async function scoreWhileOffline(): Promise<void> {
    const first = slots[0];
    const { context, page, judge } = tablets[4];
    await context.setOffline(true);
    await page.locator('#net-status[data-net="offline"]').waitFor();
    await enterMarks(page, FIRST[4]);
    await page.tap('#submit');
    await waitForStatus(page, 'pending', '等待同步');
    await page.locator('#sync-status[data-pending="1"]').waitFor();
    // While the browser reports no network the tablet keeps the score with its key and sends nothing.
    const [waiting] = JSON.parse(await page.evaluate<string>(`localStorage.getItem('gongyi.judge.outbox')`)) as {
      key: string;
      slotId: string;
      attempts?: number;
    }[];
    expect(waiting.slotId).toBe(first.slotId);
    expect(waiting.key).toMatch(/^[\w-]{8,100}$/);
    expect(waiting.attempts ?? 0).toBe(0);
    await expect(page.locator(`.slot-row[data-slot-id="${first.slotId}"]`).getAttribute('data-status')).resolves.toBe(
      'pending',
    );
    await shot(page, 'judge-6-offline-waiting');
    await expect(screen.locator('#judges-scored').innerText()).resolves.toBe('4 / 5');
    expect((await scoresOf(first.slotId, judge.id)).scores).toHaveLength(0);

    await context.setOffline(false);
    await waitForStatus(page, 'saved', '已保存 第1版');
    await page.locator('#sync-status[data-pending="0"]').waitFor();
    await screen.locator('#judges-scored[data-submitted="5"]').waitFor();
    await shot(page, 'judge-7-synced');
    await shot(screen, 'screen-3-all-scored');

    const { scores, revisions } = await scoresOf(first.slotId, judge.id);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ revision: 1, total: totalOf(FIRST[4]) });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, idempotencyKey: waiting.key });
  }

  /** Lets a judge revise the score until the lock. */
  async function reviseUntilLock(): Promise<void> {
    const { page, judge } = tablets[1];
    await page.tap('.criterion[data-key="need"] .step.plus');
    await page.tap('.criterion[data-key="need"] .step.plus');
    await page.locator('#dirty:not([hidden])').waitFor();
    await expect(page.inputValue('#mark-need')).resolves.toBe('19.5');
    await page.tap('#submit');
    await waitForStatus(page, 'saved', '已保存 第2版');
    const { scores, revisions } = await scoresOf(slots[0].slotId, judge.id);
    expect(scores[0].revision).toBe(2);
    expect(revisions).toHaveLength(2);
  }

  /** Locks: tablets turn read-only, the screen announces the API’s score with the dropped totals struck through. */
  async function lockAndAnnounce(): Promise<void> {
    const first = slots[0];
    const locked = await stage('lock', first.slotId);
    const totals = [FIRST[0], ['19.5', ...FIRST[1].slice(1)], FIRST[2], FIRST[3], FIRST[4]].map(totalOf);
    expect(locked.announcedScore).toBe(trimmedMeanByHand(totals));

    for (const { page } of tablets) {
      await page.locator('#save-status[data-locked="true"]').waitFor();
      await expect(page.locator('#save-text').innerText()).resolves.toContain('已锁定');
      await expect(page.locator('#mark-need').isDisabled()).resolves.toBe(true);
      await expect(page.locator('#submit').count()).resolves.toBe(0);
    }
    await expect(tablets[0].page.locator('#announced').innerText()).resolves.toContain(locked.announcedScore);
    await shot(tablets[0].page, 'judge-8-locked');

    await screen
      .locator('#announced-score')
      .filter({ hasText: locked.announcedScore as string })
      .waitFor();
    const api = (await board()).current;
    expect(api?.announcedScore).toBe(locked.announcedScore);
    await expect(screen.locator('#announced-score').innerText()).resolves.toBe(api?.result?.announcedScore);
    const shown = await screen.evaluate<{ total: string; dropped: string; struck: boolean }[]>(`
      [...document.querySelectorAll('#judge-totals li')].map((item) => ({
        total: item.textContent.replace(/[^\\d.]/g, ''),
        dropped: item.dataset.dropped,
        struck: item.querySelector('s') !== null,
      }))
    `);
    expect(shown).toEqual(
      api?.result?.totals.map((total) => ({
        total: total.total,
        dropped: total.dropped ?? 'no',
        struck: total.dropped !== null,
      })),
    );
    expect(shown.filter((total) => total.struck)).toHaveLength(2);
    await screen.locator(`#ranking-table tr[data-slot-id="${first.slotId}"]`).waitFor();
    await shot(screen, 'screen-4-announced');
  }

  /** Runs the second project the same way and ranks both on the screen as the API does. */
  async function rankSecondProject(): Promise<void> {
    const second = slots[1];
    await stage('start', second.slotId);
    for (const { page } of tablets) await page.locator('#project-title').filter({ hasText: second.title }).waitFor();
    await screen.locator('#current-title').filter({ hasText: second.title }).waitFor();
    await stage('open-scoring', second.slotId);
    for (const [i, { page }] of tablets.entries()) {
      await page.locator('.chip.state[data-state="scoring"]').first().waitFor();
      await expect(page.inputValue('#mark-need')).resolves.toBe('');
      await enterMarks(page, SECOND[i]);
      await page.tap('#submit');
      await waitForStatus(page, 'saved', '第1版');
    }
    await screen.locator('#judges-scored[data-submitted="5"]').waitFor();
    const locked = await stage('lock', second.slotId);
    await screen
      .locator('#announced-score')
      .filter({ hasText: locked.announcedScore as string })
      .waitFor();
    const api = await board();
    await screen.locator('#ranking-table tbody tr').nth(1).waitFor();
    const rows = await screen.evaluate<{ slotId: string; score: string }[]>(`
      [...document.querySelectorAll('#ranking-table tbody tr')].map((row) => ({
        slotId: row.dataset.slotId,
        score: row.querySelector('.score').textContent,
      }))
    `);
    expect(rows).toEqual(api.ranking.map((entry) => ({ slotId: entry.slotId, score: entry.announcedScore })));
    await shot(screen, 'screen-5-ranking');

    // The judge's list says what the server has for every project.
    await tablets[4].page.locator(`.slot-row[data-slot-id="${second.slotId}"][data-state="locked"]`).waitFor();
    await expect(
      tablets[4].page.evaluate<string[]>(
        `[...document.querySelectorAll('.slot-row')].map((row) => row.dataset.status)`,
      ),
    ).resolves.toEqual(['saved', 'saved', 'none']);
    await shot(tablets[4].page, 'judge-9-my-scores');
  }

  // One day, one test: each step stands on the one before it, as it does on the day.
  it('plays a roadshow day: sign-in, stage, scoring, an offline tablet, a revision, the lock, the ranking', async () => {
    try {
      await signInFiveJudges();
      await startFirstProject();
      await scoreByTouch();
      await scoreWhileOffline();
      await reviseUntilLock();
      await lockAndAnnounce();
      await rankSecondProject();
    } catch (error) {
      // What the big screen showed when the step failed, for whoever reads the CI log.
      await shot(screen, 'roadshow-day-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);
});
