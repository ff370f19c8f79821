import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { AuditEvent, Judge } from '@app/persistence';
import { addJudge, bearer, createRoadshow, partyBuildingSheet, roadshowCompetition } from './roadshow.factory';
import { startTestApp } from './test-app';

describe('the office manages its judges on the day', () => {
  let app: NestFastifyApplication;

  const http = () => request(app.getHttpServer());

  async function panelOf(count: number) {
    const fixture = await roadshowCompetition(app, 2);
    const roadshowId = await createRoadshow(app, fixture);
    const names = ['陈卫东', '黄丽萍', '周建明'];
    const judges = [];
    for (let i = 0; i < count; i += 1) {
      judges.push(await addJudge(app, fixture.officeToken, roadshowId, { name: names[i], group: JudgeGroup.Expert }));
    }
    return { fixture, roadshowId, office: bearer(fixture.officeToken), judges };
  }

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('reissues a lost code: the old code and the tablets signed in with it stop at once, the new code works', async () => {
    const { roadshowId, office, judges } = await panelOf(2);
    const [lost, other] = judges;
    const issued = await http()
      .post(`/roadshows/${roadshowId}/judge-codes`)
      .set(office)
      .send({ judgeIds: [lost.id] })
      .expect(201);
    expect(issued.body).toMatchObject({ roadshowId, endedSessions: 1 });
    const [fresh] = issued.body.codes;
    expect(fresh.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(fresh.code).not.toBe(lost.code);
    expect(fresh.signInUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/judge/#r=${roadshowId}&code=${fresh.code}$`),
    );
    expect(fresh.qr.rows).toHaveLength(fresh.qr.size);

    const refused = await http().post('/judge-sessions').send({ code: lost.code, roadshowId }).expect(401);
    expect(refused.body.reason).toBe('SIGN_IN_CODE_INVALID');
    const ended = await http().get('/judge/roadshow').set(bearer(lost.token)).expect(401);
    expect(ended.body).toMatchObject({ reason: 'JUDGE_SESSION_ENDED' });
    expect(ended.body.message_zh).toContain('签到码已重新生成');
    await http().get('/judge/roadshow').set(bearer(other.token)).expect(200);
    const session = await http().post('/judge-sessions').send({ code: fresh.code, roadshowId }).expect(201);
    expect(session.body.judge.id).toBe(lost.id);

    const audit = await app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findOneByOrFail({ subjectId: lost.id, action: 'judge.code-reissue' });
    expect(JSON.stringify(audit)).not.toContain(fresh.code);
    expect(audit.after).toMatchObject({ endedSessions: 1 });
  });

  it('issues a code sheet for several judges at once, in the order asked', async () => {
    const { roadshowId, office, judges } = await panelOf(3);
    const ids = [judges[2].id, judges[0].id];
    const sheet = await http()
      .post(`/roadshows/${roadshowId}/judge-codes`)
      .set(office)
      .send({ judgeIds: ids })
      .expect(201);
    const codes = sheet.body.codes as { judge: { id: string }; code: string }[];
    expect(codes.map((issued) => issued.judge.id)).toEqual(ids);
    expect(new Set(codes.map((issued) => issued.code)).size).toBe(2);
    const stranger = await panelOf(1);
    const foreign = await http()
      .post(`/roadshows/${roadshowId}/judge-codes`)
      .set(office)
      .send({ judgeIds: [judges[1].id, stranger.judges[0].id] })
      .expect(404);
    expect(foreign.body).toMatchObject({ reason: 'JUDGE_NOT_FOUND', field: 'judgeIds.1' });
    // Nothing is half-written: the first judge's code did not change either.
    await http().post('/judge-sessions').send({ code: judges[1].code, roadshowId }).expect(201);
  });

  it('removes a judge who has not scored, and refuses one who has, naming them', async () => {
    const { roadshowId, office, judges } = await panelOf(2);
    const [absent, scorer] = judges;
    const draw = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office)
      .send({ seed: '2026-05-10 体彩排列5 83417' });
    const slotId = draw.body.slots[0].slotId as string;
    await http().post(`/roadshows/${roadshowId}/slots/${slotId}/start`).set(office).expect(200);
    await http()
      .put(`/judge/slots/${slotId}/score`)
      .set(bearer(scorer.token))
      .set('Idempotency-Key', `remove-test-${slotId}`)
      .send(partyBuildingSheet('80'))
      .expect(200);

    const refused = await http().delete(`/roadshows/${roadshowId}/judges/${scorer.id}`).set(office).expect(409);
    expect(refused.body).toMatchObject({ reason: 'JUDGE_HAS_SCORED', field: 'judgeId' });
    expect(refused.body.message_zh).toContain('黄丽萍已为 1 个项目评分');

    await http().delete(`/roadshows/${roadshowId}/judges/${absent.id}`).set(office).expect(204);
    expect(await app.get(DataSource).getRepository(Judge).countBy({ id: absent.id })).toBe(0);
    await http().get('/judge/slots').set(bearer(absent.token)).expect(401);
    const state = await http().get(`/roadshows/${roadshowId}`).set(office).expect(200);
    expect((state.body.judges as { name: string }[]).map((judge) => judge.name)).toEqual(['黄丽萍']);
    const slotJudges = await http().get(`/roadshows/${roadshowId}/slots/${slotId}/judges`).set(office).expect(200);
    expect(slotJudges.body.items).toHaveLength(1);
    await http().delete(`/roadshows/${roadshowId}/judges/${absent.id}`).set(office).expect(404);
  });

  it('shows the tablets signed in with each code, online while they sync', async () => {
    const { roadshowId, office, judges } = await panelOf(2);
    await http().post('/judge/heartbeat').set(bearer(judges[0].token)).expect(204);
    const panel = await http().get(`/roadshows/${roadshowId}/judges`).set(office).expect(200);
    expect(panel.body.judgeUrl).toMatch(new RegExp(`/judge/#r=${roadshowId}$`));
    const [first, second] = panel.body.items;
    expect(first).toMatchObject({ id: judges[0].id, scoredCount: 0 });
    expect(first.tablets).toEqual([
      { sessionId: expect.any(String), signedInAt: expect.any(String), lastSeenAt: expect.any(String), online: true },
    ]);
    expect(second.tablets).toHaveLength(1);
    expect(JSON.stringify(panel.body)).not.toContain(judges[0].code);
  });
});
