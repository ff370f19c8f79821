import request from 'supertest';
import { In } from 'typeorm';
import { CompetitionState } from '@app/domain';
import { AuditEvent, Competition, LiveEvent, Score } from '@app/persistence';
import { PANEL_GROUPS } from '@app/testing';
import { AnnouncedBreakdown } from '../src/roadshows/announced-score';
import { BoardResponseDto } from '../src/roadshows/dto/board-response.dto';
import { DrawResponseDto } from '../src/roadshows/dto/draw-response.dto';
import { JudgeRoadshowResponseDto, JudgeSlotPageDto } from '../src/roadshows/dto/judge-view-response.dto';
import { RoadshowStateResponseDto } from '../src/roadshows/dto/roadshow-state-response.dto';
import {
  AddedJudge,
  RoadshowFixture,
  addJudge,
  bearer,
  createRoadshow,
  partyBuildingSheet,
  redraw,
  roadshowCompetition,
  trimmedMeanByHand,
} from './roadshow.factory';
import { serveApp } from './test-app';

const SEED = '2026-05-20-fc3d-417';

/**
 * Each judge's total per project, judges 1–7 in order; null where the judge does not score
 * (recused). Judge 7 lives in 洲边 (project 2); judge 6 declares a conflict with project 4.
 */
const TOTALS: Readonly<Record<number, readonly (string | null)[]>> = {
  0: ['85.01', '90.50', '78.00', '92.00', '88.00', '81.25', '95.00'],
  1: ['70.00', '87.00', '87.50', '87.26', '87.30', '99.00', null],
  2: ['66.50', '72.25', '80.00', '75.75', '69.00', '71.00', '74.50'],
  3: ['91.00', '93.50', '89.00', '94.25', '90.00', null, '92.75'],
  4: ['60.00', '64.00', '58.50', '62.00', '61.25', '63.75', '59.00'],
};

interface Roadshow {
  readonly fixture: RoadshowFixture;
  readonly roadshowId: string;
  /** 评委1–7; 评委7 lives in 洲边. */
  readonly judges: readonly AddedJudge[];
}

interface Played extends Roadshow {
  /** Submission ids in stage order. */
  readonly order: readonly string[];
  readonly slotIds: readonly string[];
}

/** Which of the fixture's projects took the stage at `position` (0-based). */
function projectIndexOfSlot({ fixture, order }: Played, position: number): number {
  return fixture.submissions.findIndex((submission) => submission.id === order[position]);
}

describe('a whole roadshow (佛山三水西南街道 "红色核动力")', () => {
  const served = serveApp();

  const http = () => request(served.app.getHttpServer());
  const office = (roadshow: Roadshow) => bearer(roadshow.fixture.officeToken);

  /** Five projects in their roadshow stage, the roadshow created, and the seven judges added through the API. */
  async function withJudges(): Promise<Roadshow> {
    const fixture = await roadshowCompetition(served.app, 5);
    const roadshowId = await createRoadshow(served.app, fixture);
    const judges: AddedJudge[] = [];
    for (const [i, group] of PANEL_GROUPS.entries()) {
      const body: Record<string, unknown> = { name: `评委${i + 1}`, group };
      if (i === 6) body.community = '洲边';
      judges.push(await addJudge(served.app, fixture.officeToken, roadshowId, body));
    }
    return { fixture, roadshowId, judges };
  }

  /** Judge 6's conflict with project 4, declared before it is on stage. */
  const declareConflict = (roadshow: Roadshow) =>
    http()
      .post('/judge/recusals')
      .set(bearer(roadshow.judges[5].token))
      .send({ submissionId: roadshow.fixture.submissions[3].id, reason: '本人是该社区居民议事会成员' });

  /** Drawn with SEED, judge 6's conflict declared, ready for the first slot. */
  async function drawn(): Promise<Played> {
    const roadshow = await withJudges();
    const response = await http()
      .post(`/roadshows/${roadshow.roadshowId}/draw`)
      .set(office(roadshow))
      .send({ seed: SEED })
      .expect(200);
    await declareConflict(roadshow).expect(201);
    const slots = (response.body as DrawResponseDto).slots;
    return { ...roadshow, order: slots.map((slot) => slot.submissionId), slotIds: slots.map((slot) => slot.slotId) };
  }

  /**
   * Every slot in order: start (a second start and a redraw refused), each judge's view, open scoring,
   * every score (a recused judge refused; on the first slot 评委1 late, and the lock refused until
   * they score), lock, and a score after the lock refused.
   */
  async function runEverySlot(played: Played): Promise<void> {
    const { fixture, roadshowId, judges, slotIds } = played;
    const office = () => bearer(fixture.officeToken);
    for (let position = 0; position < slotIds.length; position += 1) {
      const slotId = slotIds[position];
      const project = projectIndexOfSlot(played, position);
      const totals = TOTALS[project];

      const started = await http().post(`/roadshows/${roadshowId}/slots/${slotId}/start`).set(office()).expect(200);
      expect(started.body).toMatchObject({ state: 'presenting', position: position + 1 });
      expect(started.body.pitchStartedAt).toEqual(expect.any(String));

      if (position + 1 < slotIds.length) {
        const second = await http()
          .post(`/roadshows/${roadshowId}/slots/${slotIds[position + 1]}/start`)
          .set(office())
          .expect(409);
        expect(second.body.message_en).toContain('lock it first');
      }
      if (position === 0) {
        await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({ seed: SEED }).expect(409);
      }

      for (const [j, judge] of judges.entries()) {
        const view = await http().get('/judge/roadshow').set(bearer(judge.token)).expect(200);
        expect((view.body as JudgeRoadshowResponseDto).current?.slotId).toBe(slotId);
        if (totals[j] === null) {
          expect((view.body as JudgeRoadshowResponseDto).current).toMatchObject({ recused: true, project: null });
        } else {
          expect((view.body as JudgeRoadshowResponseDto).current?.project?.submissionId).toBe(
            fixture.submissions[project].id,
          );
          expect((view.body as JudgeRoadshowResponseDto).rubric.criteria.map((c) => c.key)).toContain('need');
        }
      }

      await http().post(`/roadshows/${roadshowId}/slots/${slotId}/open-scoring`).set(office()).expect(200);

      let firstMissing: AddedJudge | undefined;
      for (const [j, judge] of judges.entries()) {
        const total = totals[j];
        if (total === null) {
          await http()
            .put(`/judge/slots/${slotId}/score`)
            .set(bearer(judge.token))
            .set('Idempotency-Key', `recused-${slotId}`)
            .send(partyBuildingSheet('80'))
            .expect(403);
          continue;
        }
        if (position === 0 && !firstMissing) {
          firstMissing = judge;
          continue;
        }
        const saved = await http()
          .put(`/judge/slots/${slotId}/score`)
          .set(bearer(judge.token))
          .set('Idempotency-Key', `score-${slotId}-${j}`)
          .send(partyBuildingSheet(total))
          .expect(200);
        expect(saved.body).toMatchObject({ slotId, revision: 1, total });
      }

      if (firstMissing) {
        const early = await http()
          .post(`/roadshows/${roadshowId}/slots/${slotId}/lock`)
          .set(office())
          .send({})
          .expect(409);
        expect(early.body.message_zh).toContain('评委1');
        const board = await http().get(`/roadshows/${roadshowId}/board`).expect(200);
        const due = totals.filter((total) => total !== null).length;
        expect((board.body as BoardResponseDto).current).toMatchObject({
          slotId,
          state: 'scoring',
          submittedCount: due - 1,
          judgeCount: due,
        });
        expect((board.body as BoardResponseDto).current?.announcedScore).toBeNull();
        expect((board.body as BoardResponseDto).current?.result).toBeNull();
        await http()
          .put(`/judge/slots/${slotId}/score`)
          .set(bearer(firstMissing.token))
          .set('Idempotency-Key', `score-${slotId}-late`)
          .send(partyBuildingSheet(totals[0] as string))
          .expect(200);
      }

      const locked = await http()
        .post(`/roadshows/${roadshowId}/slots/${slotId}/lock`)
        .set(office())
        .send({})
        .expect(200);
      const counted = totals.filter((total): total is string => total !== null);
      expect(locked.body.state).toBe('locked');
      expect(locked.body.announcedScore).toBe(trimmedMeanByHand(counted));
      expect(locked.body.rulesVersion).toBe(1);
      expect(locked.body.announcedBreakdown.judgeCount).toBe(counted.length);

      const late = await http()
        .put(`/judge/slots/${slotId}/score`)
        .set(bearer(judges[0].token))
        .set('Idempotency-Key', `after-lock-${slotId}`)
        .send(partyBuildingSheet('99'))
        .expect(409);
      expect(late.body.message_zh).toContain('已锁定');
    }
  }

  it('creates one roadshow per competition', async () => {
    const fixture = await roadshowCompetition(served.app, 5);
    await createRoadshow(served.app, fixture);
    const again = await http()
      .post(`/competitions/${fixture.competition.id}/roadshow`)
      .set(bearer(fixture.officeToken))
      .send({ venue: '另一个会场' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message_zh: '该大赛已经有路演' });
  });

  it('adds 7 judges with one-time codes and recuses the one from 洲边 automatically', async () => {
    const roadshow = await withJudges();
    const { fixture, roadshowId, judges } = roadshow;
    for (const judge of judges) expect(judge.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const state = await http().get(`/roadshows/${roadshowId}`).set(office(roadshow)).expect(200);
    expect(state.body.judges).toHaveLength(7);
    const text = JSON.stringify(state.body);
    for (const judge of judges) expect(text).not.toContain(judge.code);
    expect(text).not.toContain('codeDigest');
    expect(state.body.recusals).toEqual([
      expect.objectContaining({
        judgeId: judges[6].id,
        submissionId: fixture.submissions[1].id,
        source: 'automatic',
        reason: '同一社区：洲边 / same community: 洲边',
      }),
    ]);
  });

  it('draws only during the roadshow stage, with a reason in both languages', async () => {
    const roadshow = await withJudges();
    const { fixture, roadshowId } = roadshow;
    await served.db.getRepository(Competition).update(fixture.competition.id, { state: CompetitionState.Screening });
    const refused = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office(roadshow))
      .send({ seed: SEED })
      .expect(409);
    expect(refused.body.message_zh).toContain('路演阶段');
    expect(refused.body.message_en).toContain('roadshow');
  });

  it('draws the order from the published seed, which anyone can re-run', async () => {
    const roadshow = await withJudges();
    const { fixture, roadshowId } = roadshow;
    const office = () => bearer(fixture.officeToken);
    const drawn = await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({ seed: SEED }).expect(200);
    const ids = fixture.submissions.map((submission) => submission.id);
    const order = redraw(ids, SEED);
    expect(drawn.body.seed).toBe(SEED);
    expect(drawn.body.algorithm.name).toBe('sha256-fisher-yates-v1');
    expect(drawn.body.sortedSubmissionIds).toEqual([...ids].sort());
    expect((drawn.body as DrawResponseDto).slots.map((slot) => slot.submissionId)).toEqual(order);
    expect((drawn.body as DrawResponseDto).slots.map((slot) => slot.position)).toEqual([1, 2, 3, 4, 5]);

    const again = await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({ seed: SEED }).expect(200);
    expect((again.body as DrawResponseDto).slots.map((slot) => slot.submissionId)).toEqual(order);

    const random = await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({}).expect(200);
    expect(random.body.seed).toMatch(/^[0-9a-f]{32}$/);
    await http().post(`/roadshows/${roadshowId}/draw`).set(office()).send({ seed: SEED }).expect(200);

    const board = await http().get(`/roadshows/${roadshowId}/board`).expect(200);
    expect(board.body.orderSeed).toBe(SEED);
    expect(board.body.announcedAs).toMatchObject({ part: 'final', labelZh: '得分', labelEn: 'Score' });
    expect((board.body as BoardResponseDto).slots.map((slot) => slot.title)).toEqual(
      order.map((id) => fixture.submissions.find((submission) => submission.id === id)?.title),
    );
  });

  it('lets judge 6 declare a conflict with project 4 before it is on stage', async () => {
    const roadshow = await withJudges();
    const declared = await declareConflict(roadshow).expect(201);
    expect(declared.body).toMatchObject({ judgeId: roadshow.judges[5].id, source: 'declared' });
    await http()
      .post('/judge/recusals')
      .set(bearer(roadshow.judges[5].token))
      .send({ submissionId: roadshow.fixture.submissions[3].id, reason: '重复申报' })
      .expect(409);
  });

  it('runs every slot: start, open scoring, score, lock; the announced score is the trimmed mean', async () => {
    await runEverySlot(await drawn());
  });

  describe('once every slot is locked', () => {
    /** Read by every test here, changed by none. */
    let day: Played;
    const judges = () => day.judges;

    beforeAll(async () => {
      day = await drawn();
      await runEverySlot(day);
    });

    it('announced 87.35 for 五顶岗: 7 totals, 95.00 and 78.00 dropped, 5 averaged', async () => {
      const state = await http().get(`/roadshows/${day.roadshowId}`).set(office(day)).expect(200);
      const slot = (state.body as RoadshowStateResponseDto).slots.find(
        (s) => s.submissionId === day.fixture.submissions[0].id,
      );
      // (85.01 + 90.50 + 92.00 + 88.00 + 81.25) / 5 = 436.76 / 5 = 87.352 → 87.35
      expect(slot?.announcedScore).toBe('87.35');
      const dropped = (slot?.announcedBreakdown as AnnouncedBreakdown).judges
        .filter((j) => j.dropped)
        .map((j) => [j.total, j.dropped]);
      expect(dropped).toEqual([
        ['78.00', 'low'],
        ['95.00', 'high'],
      ]);
      expect(state.body.progress).toEqual({ total: 5, waiting: 0, presenting: 0, scoring: 0, locked: 5 });
    });

    it('left the recused judges out: 洲边 averaged 4 of 6 totals without judge 7', async () => {
      const state = await http().get(`/roadshows/${day.roadshowId}`).set(office(day)).expect(200);
      const zhoubian = (state.body as RoadshowStateResponseDto).slots.find(
        (s) => s.submissionId === day.fixture.submissions[1].id,
      );
      // 6 counted: 70 and 99 dropped; (87 + 87.5 + 87.26 + 87.3) / 4 = 87.265 → half up → 87.27
      expect(zhoubian?.announcedScore).toBe('87.27');
      expect(zhoubian?.judgeCount).toBe(6);
      expect((zhoubian?.announcedBreakdown as AnnouncedBreakdown).judges.map((j) => j.judgeId)).not.toContain(
        judges()[6].id,
      );
      const scores = await served.db.getRepository(Score).countBy({ judgeId: In([judges()[6].id]) });
      expect(scores).toBe(4);
    });

    it('shows the public board the announced results and a running ranking, without judge names', async () => {
      const board = await http().get(`/roadshows/${day.roadshowId}/board`).expect(200);
      expect((board.body as BoardResponseDto).slots.every((slot) => slot.announcedScore !== null)).toBe(true);
      expect((board.body as BoardResponseDto).ranking.map((entry) => entry.announcedScore)).toEqual(
        [...(board.body as BoardResponseDto).ranking.map((entry) => entry.announcedScore)].sort(
          (a: string, b: string) => Number(b) - Number(a),
        ),
      );
      expect((board.body as BoardResponseDto).ranking[0]).toMatchObject({
        rank: 1,
        place: 1,
        decidedBy: { kind: 'score' },
      });
      const wudinggang = (board.body as BoardResponseDto).slots.find(
        (slot) => slot.title === day.fixture.submissions[0].title,
      );
      expect(wudinggang?.result?.totals.filter((t) => t.dropped)).toEqual([
        { total: '95.00', group: 'resident', dropped: 'high' },
        { total: '78.00', group: 'expert', dropped: 'low' },
      ]);
      expect(JSON.stringify(board.body)).not.toContain('评委');
    });

    it('showed each judge only their own scores', async () => {
      const slots = await http().get('/judge/slots').set(bearer(judges()[6].token)).expect(200);
      expect((slots.body as JudgeSlotPageDto).items).toHaveLength(5);
      const recused = (slots.body as JudgeSlotPageDto).items.find((slot) => slot.recused);
      expect(recused).toMatchObject({ project: null, myScore: null });
      const mine = (slots.body as JudgeSlotPageDto).items.filter((slot) => slot.myScore !== null);
      expect(mine).toHaveLength(4);
      for (const slot of mine) expect(slot.myScore?.total).toBe(TOTALS[projectIndexOfSlot(day, slot.position - 1)][6]);
    });

    it('published live events in order, with no score values before a lock', async () => {
      const events = await served.db
        .getRepository(LiveEvent)
        .find({ where: { roadshowId: day.roadshowId }, order: { id: 'ASC' } });
      const types = events.map((event) => event.type);
      expect(types.filter((type) => type === 'order.drawn')).toHaveLength(1);
      expect(types.filter((type) => type === 'slot.current')).toHaveLength(5);
      expect(types.filter((type) => type === 'timer.started')).toHaveLength(5);
      expect(types.filter((type) => type === 'slot.scoring')).toHaveLength(5);
      expect(types.filter((type) => type === 'slot.locked')).toHaveLength(5);
      const submitted = events.filter((event) => event.type === 'score.submitted');
      expect(submitted).toHaveLength(7 + 6 + 7 + 6 + 7);
      for (const event of submitted)
        expect(Object.keys(event.data as object).sort()).toEqual(['judgeCount', 'slotId', 'submittedCount']);
      const timer = events.find((event) => event.type === 'timer.started')?.data as Record<string, unknown>;
      expect(timer).toMatchObject({
        pitchSeconds: 420,
        pitchStartedAt: expect.any(String),
        pitchEndsAt: expect.any(String),
      });
      const firstLock = events.find((event) => event.type === 'slot.locked')?.data as Record<string, unknown>;
      expect(firstLock).toMatchObject({ announcedScore: expect.stringMatching(/^\d+\.\d{2}$/) });
      expect(JSON.stringify(firstLock)).not.toContain(judges()[0].id);
    });

    it('audited the draw, every transition, every score and every recusal', async () => {
      const audit = served.db.getRepository(AuditEvent);
      expect(await audit.countBy({ subjectType: 'roadshow', subjectId: day.roadshowId, action: 'roadshow.draw' })).toBe(
        1,
      );
      expect(await audit.countBy({ subjectType: 'roadshow-slot', subjectId: In(day.slotIds) })).toBe(15);
      const scoreIds = (await served.db.getRepository(Score).findBy({ slotId: In(day.slotIds) })).map(
        (score) => score.id,
      );
      expect(scoreIds).toHaveLength(33);
      expect(await audit.countBy({ subjectType: 'score', subjectId: In(scoreIds) })).toBe(33);
      const recusals = await audit.find({
        where: { action: 'recusal.create', actorId: In([day.fixture.officeId, judges()[5].id]) },
      });
      expect(recusals.map((event) => (event.after as { source: string }).source).sort()).toEqual([
        'automatic',
        'declared',
      ]);
    });
  });
});
