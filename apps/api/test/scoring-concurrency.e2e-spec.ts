import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { AuditEvent, LiveEvent, Score, ScoreRevision } from '@app/persistence';
import { AnnouncedBreakdown } from '../src/roadshows/announced-score';
import { SlotResponseDto } from '../src/roadshows/dto/slot-response.dto';
import {
  AddedJudge,
  RoadshowFixture,
  addJudge,
  bearer,
  createRoadshow,
  partyBuildingSheet,
  roadshowCompetition,
} from './roadshow.factory';
import { startTestApp } from './test-app';

const JUDGES = 30;

describe('30 judges scoring at the same instant', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let slotId: string;
  const judges: AddedJudge[] = [];

  const http = () => request(app.getHttpServer());
  const totalOf = (i: number) => `${60 + i}.${String(i).padStart(2, '0')}`;
  const put = (judge: AddedJudge, key: string, body: object) =>
    http().put(`/judge/slots/${slotId}/score`).set(bearer(judge.token)).set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    fixture = await roadshowCompetition(app, 2);
    roadshowId = await createRoadshow(app, fixture);
    const groups = Object.values(JudgeGroup);
    for (let i = 0; i < JUDGES; i += 1) {
      judges.push(
        await addJudge(app, fixture.officeToken, roadshowId, {
          name: `评委${i + 1}`,
          group: groups[i % groups.length],
        }),
      );
    }
    const drawn = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(bearer(fixture.officeToken))
      .send({ seed: 'concurrency' })
      .expect(200);
    slotId = drawn.body.slots[0].slotId;
    await http().post(`/roadshows/${roadshowId}/slots/${slotId}/start`).set(bearer(fixture.officeToken)).expect(200);
    await http()
      .post(`/roadshows/${roadshowId}/slots/${slotId}/open-scoring`)
      .set(bearer(fixture.officeToken))
      .expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  it('saves every score exactly once, and every retry gets its first answer back', async () => {
    const requests = judges.flatMap((judge, i) => {
      const body = partyBuildingSheet(totalOf(i));
      return [put(judge, `tablet-${i}-first`, body), put(judge, `tablet-${i}-first`, body)];
    });
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(requests.map(() => 200));
    for (let i = 0; i < JUDGES; i += 1) {
      const [first, retry] = [responses[2 * i], responses[2 * i + 1]];
      expect(retry.text).toBe(first.text);
      expect(first.body).toMatchObject({ revision: 1, total: totalOf(i) });
    }

    const late = await Promise.all(
      judges.map((judge, i) => put(judge, `tablet-${i}-first`, partyBuildingSheet(totalOf(i)))),
    );
    late.forEach((response, i) => expect(response.text).toBe(responses[2 * i].text));

    const scores = await db.getRepository(Score).findBy({ slotId });
    expect(scores).toHaveLength(JUDGES);
    expect(new Set(scores.map((score) => score.judgeId)).size).toBe(JUDGES);
    const scoreIds = scores.map((score) => score.id);
    expect(await db.getRepository(ScoreRevision).countBy({ scoreId: In(scoreIds) })).toBe(JUDGES);
    expect(await db.getRepository(AuditEvent).countBy({ subjectType: 'score', subjectId: In(scoreIds) })).toBe(JUDGES);
  });

  it('counted the submissions for the big screen one by one, ending at 30 of 30', async () => {
    const events = await db.getRepository(LiveEvent).find({
      where: { roadshowId, type: 'score.submitted' },
      order: { id: 'ASC' },
    });
    const counts = events.map((event) => (event.data as { submittedCount: number }).submittedCount);
    expect(counts).toEqual(Array.from({ length: JUDGES }, (_, i) => i + 1));
    expect(events.every((event) => (event.data as { judgeCount: number }).judgeCount === JUDGES)).toBe(true);
  });

  it('keeps each change as a new revision and refuses a key reused for a different score', async () => {
    const judge = judges[0];
    const changed = await put(judge, 'tablet-0-second', partyBuildingSheet('88.88')).expect(200);
    expect(changed.body).toMatchObject({ revision: 2, total: '88.88' });

    const replay = await put(judge, 'tablet-0-first', partyBuildingSheet(totalOf(0))).expect(200);
    expect(replay.body).toMatchObject({ revision: 1, total: totalOf(0) });

    const reused = await put(judge, 'tablet-0-second', partyBuildingSheet('70')).expect(409);
    expect(reused.body).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });

    const score = await db.getRepository(Score).findOneByOrFail({ slotId, judgeId: judge.id });
    expect(score).toMatchObject({ revision: 2, total: '88.88' });
    const audit = await db
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
    const posts = judges.slice(1, 11).map((judge, i) => put(judge, `tablet-${i + 1}-third`, partyBuildingSheet('77')));
    const lock = http().post(`/roadshows/${roadshowId}/slots/${slotId}/lock`).set(bearer(fixture.officeToken)).send({});
    const [locked, ...saved] = await Promise.all([lock, ...posts]);
    expect(locked.status).toBe(200);
    const accepted = saved.filter((response) => response.status === 200);
    expect(saved.every((response) => response.status === 200 || response.status === 409)).toBe(true);

    const scores = await db.getRepository(Score).findBy({ slotId });
    const breakdown = (locked.body as SlotResponseDto).announcedBreakdown as AnnouncedBreakdown;
    const lockedTotals = breakdown.judges.map((j): [string, string] => [j.judgeId, j.total]);
    // The breakdown holds exactly what is stored: no save slipped in after the lock read the scores.
    expect(new Map(lockedTotals)).toEqual(new Map(scores.map((score) => [score.judgeId, score.total])));
    expect(scores.filter((score) => score.total === '77.00')).toHaveLength(accepted.length);
  });
});
