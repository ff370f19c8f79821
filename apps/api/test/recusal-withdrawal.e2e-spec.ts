import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { AuditEvent } from '@app/persistence';
import { AnnouncedBreakdown } from '../src/roadshows/announced-score';
import {
  AddedJudge,
  bearer,
  createRoadshow,
  drawnRoadshow,
  partyBuildingSheet,
  roadshowCompetition,
  roadshowUnderWay,
} from './roadshow.factory';
import { startTestApp } from './test-app';

interface RecusalRow {
  id: string;
  judgeId: string;
  submissionId: string;
  source: string;
}

describe('a recusal made in error is withdrawn by the office, and only then', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let key = 0;

  const http = () => request(app.getHttpServer());
  const score = (judge: AddedJudge, slotId: string, total: string) =>
    http()
      .put(`/judge/slots/${slotId}/score`)
      .set(bearer(judge.token))
      .set('Idempotency-Key', `withdrawal-${(key += 1)}`)
      .send(partyBuildingSheet(total));

  /**
   * Two projects, the first presenting; judges 陈卫东 and 王美玲, and a resident of 洲边 recused
   * automatically from 洲边's project.
   */
  async function roadshow() {
    const underWay = await roadshowUnderWay(app, {
      projects: 2,
      judges: [
        { name: '陈卫东', group: JudgeGroup.Expert },
        { name: '王美玲', group: JudgeGroup.Expert },
        { name: '洲边居民代表', group: JudgeGroup.Resident, community: '洲边' },
      ],
      openScoring: false,
    });
    const { fixture, roadshowId } = underWay;
    const [chen, wang, fromZhoubian] = underWay.judges;
    const office = () => bearer(fixture.officeToken);
    const recusalOf = async (judge: AddedJudge, submissionId: string): Promise<RecusalRow> => {
      const state = await http().get(`/roadshows/${roadshowId}`).set(office()).expect(200);
      const found = (state.body.recusals as RecusalRow[]).find(
        (r) => r.judgeId === judge.id && r.submissionId === submissionId,
      );
      if (!found) throw new Error('no such recusal');
      return found;
    };
    const withdraw = (recusalId: string, body: object = { reason: '评委误点了回避，经现场核实与该项目无利益关系' }) =>
      http().post(`/roadshows/${roadshowId}/recusals/${recusalId}/withdraw`).set(office()).send(body);
    const stage = (action: 'start' | 'open-scoring' | 'lock', slotId: string, body: object = {}) =>
      http().post(`/roadshows/${roadshowId}/slots/${slotId}/${action}`).set(office()).send(body);
    return { ...underWay, chen, wang, fromZhoubian, office, recusalOf, withdraw, stage };
  }

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives the judge their project back: they see it and their score counts', async () => {
    const { roadshowId, slots, chen, recusalOf, withdraw } = await roadshow();
    const onStage = slots[0];
    await http()
      .post('/judge/recusals')
      .set(bearer(chen.token))
      .send({ submissionId: onStage.submissionId, reason: '与该项目负责人相识' })
      .expect(201);
    await score(chen, onStage.slotId, '80').expect(403);

    const recusal = await recusalOf(chen, onStage.submissionId);
    expect(recusal.source).toBe('declared');
    await withdraw(recusal.id).expect(204);
    // The tablets, the big screen and the console refetch on it: the panel of the slot changed.
    const events = await db.query<{ type: string; data: unknown }[]>(
      `SELECT type, data FROM live_event WHERE roadshow_id = $1 AND type = 'slot.panel' ORDER BY id`,
      [roadshowId],
    );
    expect(events).toEqual([
      { type: 'slot.panel', data: { slotId: onStage.slotId } },
      { type: 'slot.panel', data: { slotId: onStage.slotId } },
    ]);

    const view = await http().get('/judge/roadshow').set(bearer(chen.token)).expect(200);
    expect(view.body.current).toMatchObject({
      recused: false,
      project: expect.objectContaining({ submissionId: onStage.submissionId }),
    });
    await score(chen, onStage.slotId, '80').expect(200);
    const [audit] = await db
      .getRepository(AuditEvent)
      .findBy({ subjectType: 'recusal', subjectId: recusal.id, action: 'recusal.withdraw' });
    expect(audit).toMatchObject({
      actorType: 'office',
      before: { judgeId: chen.id, source: 'declared', reason: '与该项目负责人相识' },
      after: { withdrawn: true, reason: '评委误点了回避，经现场核实与该项目无利益关系' },
    });
  });

  it('counts a score given before an office recusal once that recusal is withdrawn', async () => {
    const { roadshowId, slots, chen, wang, office, recusalOf, withdraw, stage } = await roadshow();
    const onStage = slots[0];
    await score(chen, onStage.slotId, '80').expect(200);
    await score(wang, onStage.slotId, '70').expect(200);
    await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(office())
      .send({ judgeId: wang.id, submissionId: onStage.submissionId, reason: '核查中' })
      .expect(201);
    await withdraw((await recusalOf(wang, onStage.submissionId)).id, { reason: '核查完毕，无利益关系' }).expect(204);

    await stage('open-scoring', onStage.slotId).expect(200);
    const locked = await stage('lock', onStage.slotId, { allowMissing: true }).expect(200);
    const breakdown = locked.body.announcedBreakdown as AnnouncedBreakdown;
    expect(breakdown.judges.map((judge) => [judge.judgeId, judge.total, judge.recused])).toEqual(
      expect.arrayContaining([
        [chen.id, '80.00', false],
        [wang.id, '70.00', false],
      ]),
    );
    expect(breakdown.judgeCount).toBe(2);
  });

  it('keeps an automatic recusal: it follows from the rules', async () => {
    const { fixture, fromZhoubian, recusalOf, withdraw } = await roadshow();
    const automatic = await recusalOf(fromZhoubian, fixture.submissions[1].id);
    expect(automatic.source).toBe('automatic');
    const refused = await withdraw(automatic.id).expect(409);
    expect(refused.body.message_zh).toContain('自动回避');
    expect(refused.body.message_en).toContain('automatic');
  });

  it('refuses once the project is locked, without a reason, or for a recusal of another roadshow', async () => {
    const { roadshowId, slots, chen, wang, office, recusalOf, withdraw, stage } = await roadshow();
    await score(chen, slots[0].slotId, '80').expect(200);
    await stage('open-scoring', slots[0].slotId).expect(200);
    await stage('lock', slots[0].slotId, { allowMissing: true }).expect(200);
    await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(office())
      .send({ judgeId: wang.id, submissionId: slots[0].submissionId, reason: '锁定后才发现' })
      .expect(409);

    const next = slots[1];
    await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(office())
      .send({ judgeId: chen.id, submissionId: next.submissionId, reason: '曾为该项目撰写申报书' })
      .expect(201);
    const recusal = await recusalOf(chen, next.submissionId);
    const noReason = await withdraw(recusal.id, {}).expect(400);
    expect(noReason.body.field).toBe('reason');

    const elsewhere = await roadshowCompetition(app, 1);
    const otherRoadshow = await createRoadshow(app, elsewhere);
    const foreign = await http()
      .post(`/roadshows/${otherRoadshow}/recusals/${recusal.id}/withdraw`)
      .set(bearer(elsewhere.officeToken))
      .send({ reason: '不是本路演的回避' })
      .expect(404);
    expect(foreign.body.field).toBe('recusalId');

    await stage('start', next.slotId).expect(200);
    await score(wang, next.slotId, '75').expect(200);
    await stage('open-scoring', next.slotId).expect(200);
    await stage('lock', next.slotId, { allowMissing: true }).expect(200);
    const late = await withdraw(recusal.id).expect(409);
    expect(late.body.message_zh).toContain('已锁定');
    expect(await recusalOf(chen, next.submissionId)).toMatchObject({ id: recusal.id });
  });

  it('withdraws a recusal only once', async () => {
    const { slots, chen, recusalOf, withdraw } = await roadshow();
    await http()
      .post('/judge/recusals')
      .set(bearer(chen.token))
      .send({ submissionId: slots[0].submissionId, reason: '与该项目负责人相识' })
      .expect(201);
    const recusal = await recusalOf(chen, slots[0].submissionId);
    await withdraw(recusal.id).expect(204);
    await withdraw(recusal.id).expect(404);
  });
});

describe('a recusal racing the lock of its project', () => {
  let app: NestFastifyApplication;

  afterAll(async () => {
    await app.close();
  });

  it('either lands before the lock and the judge is left out, or is refused: never both counted and recused', async () => {
    app = await startTestApp();
    const rounds = 5;
    const { fixture, roadshowId, judges, slots } = await drawnRoadshow(app, {
      projects: rounds,
      judges: [
        { name: '评委甲', group: JudgeGroup.Expert },
        { name: '评委乙', group: JudgeGroup.Expert },
      ],
    });
    const office = bearer(fixture.officeToken);
    const http = () => request(app.getHttpServer());
    for (const [round, slot] of slots.entries()) {
      const stage = `/roadshows/${roadshowId}/slots/${slot.slotId}`;
      await http().post(`${stage}/start`).set(office).expect(200);
      for (const judge of judges) {
        await http()
          .put(`/judge/slots/${slot.slotId}/score`)
          .set(bearer(judge.token))
          .set('Idempotency-Key', `race-${round}-${judge.id}`)
          .send(partyBuildingSheet('75'))
          .expect(200);
      }
      await http().post(`${stage}/open-scoring`).set(office).expect(200);
      const [declared, locked] = await Promise.all([
        http()
          .post('/judge/recusals')
          .set(bearer(judges[1].token))
          .send({ submissionId: slot.submissionId, reason: '临锁定前才想起与项目负责人是亲属' }),
        http().post(`${stage}/lock`).set(office).send({ allowMissing: true }),
      ]);
      expect(locked.status).toBe(200);
      expect([201, 409]).toContain(declared.status);
      const breakdown = locked.body.announcedBreakdown as AnnouncedBreakdown;
      const second = breakdown.judges.find((judge) => judge.judgeId === judges[1].id);
      expect(second?.recused).toBe(declared.status === 201);
    }
  });
});
