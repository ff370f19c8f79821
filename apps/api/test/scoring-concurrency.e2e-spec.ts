import request from 'supertest';
import { In } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { AuditEvent, LiveEvent, Score, ScoreRevision } from '@app/persistence';
import { AnnouncedBreakdown } from '../src/roadshows/announced-score';
import { SlotResponseDto } from '../src/roadshows/dto/slot-response.dto';
import { AddedJudge, DrawnRoadshow, bearer, partyBuildingSheet, roadshowUnderWay } from './roadshow.factory';
import { serveApp } from './test-app';

const JUDGES = 30;

describe('30 judges scoring at the same instant', () => {
  const served = serveApp();

  const http = () => request(served.app.getHttpServer());
  const totalOf = (i: number) => `${60 + i}.${String(i).padStart(2, '0')}`;
  const put = (slotId: string, judge: AddedJudge, key: string, body: object) =>
    http().put(`/judge/slots/${slotId}/score`).set(bearer(judge.token)).set('Idempotency-Key', key).send(body);
  const groups = Object.values(JudgeGroup);

  /** A roadshow of its own with 30 judges, the first project open for scoring. */
  async function thirtyJudges(): Promise<{
    roadshow: DrawnRoadshow;
    slotId: string;
    judges: readonly AddedJudge[];
  }> {
    const roadshow = await roadshowUnderWay(served.app, {
      projects: 2,
      judges: Array.from({ length: JUDGES }, (_, i) => ({ name: `评委${i + 1}`, group: groups[i % groups.length] })),
      seed: 'concurrency',
    });
    return { roadshow, slotId: roadshow.slots[0].slotId, judges: roadshow.judges };
  }

  /** Every judge's first score at the same instant. */
  const scoreAll = (slotId: string, judges: readonly AddedJudge[]) =>
    Promise.all(judges.map((judge, i) => put(slotId, judge, `tablet-${i}-first`, partyBuildingSheet(totalOf(i)))));

  it('saves every score exactly once, and every retry gets its first answer back', async () => {
    const { slotId, judges } = await thirtyJudges();
    const requests = judges.flatMap((judge, i) => {
      const body = partyBuildingSheet(totalOf(i));
      return [put(slotId, judge, `tablet-${i}-first`, body), put(slotId, judge, `tablet-${i}-first`, body)];
    });
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(requests.map(() => 200));
    for (let i = 0; i < JUDGES; i += 1) {
      const [first, retry] = [responses[2 * i], responses[2 * i + 1]];
      expect(retry.text).toBe(first.text);
      expect(first.body).toMatchObject({ revision: 1, total: totalOf(i) });
    }

    const late = await scoreAll(slotId, judges);
    late.forEach((response, i) => expect(response.text).toBe(responses[2 * i].text));

    const scores = await served.db.getRepository(Score).findBy({ slotId });
    expect(scores).toHaveLength(JUDGES);
    expect(new Set(scores.map((score) => score.judgeId)).size).toBe(JUDGES);
    const scoreIds = scores.map((score) => score.id);
    expect(await served.db.getRepository(ScoreRevision).countBy({ scoreId: In(scoreIds) })).toBe(JUDGES);
    expect(await served.db.getRepository(AuditEvent).countBy({ subjectType: 'score', subjectId: In(scoreIds) })).toBe(
      JUDGES,
    );
  });

  it('counts the submissions for the big screen one by one, ending at 30 of 30', async () => {
    const { roadshow, slotId, judges } = await thirtyJudges();
    const roadshowId = roadshow.roadshowId;
    expect((await scoreAll(slotId, judges)).map((response) => response.status)).toEqual(judges.map(() => 200));
    const events = await served.db.getRepository(LiveEvent).find({
      where: { roadshowId, type: 'score.submitted' },
      order: { id: 'ASC' },
    });
    const counts = events.map((event) => (event.data as { submittedCount: number }).submittedCount);
    expect(counts).toEqual(Array.from({ length: JUDGES }, (_, i) => i + 1));
    expect(events.every((event) => (event.data as { judgeCount: number }).judgeCount === JUDGES)).toBe(true);
  });

  it('keeps each change as a new revision and refuses a key reused for a different score', async () => {
    const { slotId, judges } = await thirtyJudges();
    await scoreAll(slotId, judges);
    const judge = judges[0];
    const changed = await put(slotId, judge, 'tablet-0-second', partyBuildingSheet('88.88')).expect(200);
    expect(changed.body).toMatchObject({ revision: 2, total: '88.88' });

    const replay = await put(slotId, judge, 'tablet-0-first', partyBuildingSheet(totalOf(0))).expect(200);
    expect(replay.body).toMatchObject({ revision: 1, total: totalOf(0) });

    const reused = await put(slotId, judge, 'tablet-0-second', partyBuildingSheet('70')).expect(409);
    expect(reused.body).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });

    const score = await served.db.getRepository(Score).findOneByOrFail({ slotId, judgeId: judge.id });
    expect(score).toMatchObject({ revision: 2, total: '88.88' });
    const audit = await served.db
      .getRepository(AuditEvent)
      .find({ where: { subjectType: 'score', subjectId: score.id }, order: { id: 'ASC' } });
    expect(
      audit.map((event) => [
        (event.before as { total?: string } | null)?.total,
        (event.after as { total: string }).total,
      ]),
    ).toEqual([
      [undefined, totalOf(0)],
      [totalOf(0), '88.88'],
    ]);
  });

  it('lets a lock wait for saves in flight and refuses every save after it', async () => {
    const { roadshow, slotId, judges } = await thirtyJudges();
    await scoreAll(slotId, judges);
    const posts = judges
      .slice(1, 11)
      .map((judge, i) => put(slotId, judge, `tablet-${i + 1}-third`, partyBuildingSheet('77')));
    const lock = http()
      .post(`/roadshows/${roadshow.roadshowId}/slots/${slotId}/lock`)
      .set(bearer(roadshow.fixture.officeToken))
      .send({});
    const [locked, ...saved] = await Promise.all([lock, ...posts]);
    expect(locked.status).toBe(200);
    const accepted = saved.filter((response) => response.status === 200);
    expect(saved.every((response) => response.status === 200 || response.status === 409)).toBe(true);

    const scores = await served.db.getRepository(Score).findBy({ slotId });
    const breakdown = (locked.body as SlotResponseDto).announcedBreakdown as AnnouncedBreakdown;
    const lockedTotals = breakdown.judges.map((j): [string, string] => [j.judgeId, j.total]);
    // The breakdown holds exactly what is stored: no save slipped in after the lock read the scores.
    expect(new Map(lockedTotals)).toEqual(new Map(scores.map((score) => [score.judgeId, score.total])));
    expect(scores.filter((score) => score.total === '77.00')).toHaveLength(accepted.length);
  });
});
