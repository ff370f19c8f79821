import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup, Role } from '@app/domain';
import { TokenService } from '../src/auth/token.service';
import { DrawResponseDto } from '../src/roadshows/dto/draw-response.dto';
import { JudgeSlotPageDto } from '../src/roadshows/dto/judge-view-response.dto';
import { createUser } from './factories';
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

describe('who may do what in a roadshow', () => {
  let app: NestFastifyApplication;
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let slotIds: string[];
  let judge: AddedJudge;
  let recusedJudge: AddedJudge;
  let otherJudge: AddedJudge;
  let applicantToken: string;
  let recusedSlotId: string;

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await roadshowCompetition(app, 2);
    roadshowId = await createRoadshow(app, fixture);
    judge = await addJudge(app, fixture.officeToken, roadshowId, { name: '陈卫东', group: JudgeGroup.Expert });
    recusedJudge = await addJudge(app, fixture.officeToken, roadshowId, {
      name: '五顶岗居民代表',
      group: JudgeGroup.Resident,
      organizationId: fixture.organizations[0].id,
    });

    const other = await roadshowCompetition(app, 1);
    const otherRoadshowId = await createRoadshow(app, other);
    otherJudge = await addJudge(app, other.officeToken, otherRoadshowId, { name: '外区评委', group: JudgeGroup.Media });

    const applicant = await createUser(app.get(DataSource), Role.Applicant, fixture.organizations[0].id);
    applicantToken = app.get(TokenService).issue({
      kind: 'user',
      userId: applicant.id,
      role: Role.Applicant,
      organizationId: fixture.organizations[0].id,
    }).token;

    const office = bearer(fixture.officeToken);
    const drawn = await http().post(`/roadshows/${roadshowId}/draw`).set(office).send({ seed: 'authz' }).expect(200);
    slotIds = (drawn.body as DrawResponseDto).slots.map((slot) => slot.slotId);
    recusedSlotId = (drawn.body as DrawResponseDto).slots.find(
      (slot) => slot.submissionId === fixture.submissions[0].id,
    )?.slotId as string;
    await http().post(`/roadshows/${roadshowId}/slots/${recusedSlotId}/start`).set(office).expect(200);
    await http().post(`/roadshows/${roadshowId}/slots/${recusedSlotId}/open-scoring`).set(office).expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  const officeRoutes = (): [string, string, object?][] => [
    ['post', `/competitions/${fixture.competition.id}/roadshow`, { venue: '会场' }],
    ['get', `/roadshows/${roadshowId}`],
    ['post', `/roadshows/${roadshowId}/judges`, { name: '张三', group: 'expert' }],
    ['post', `/roadshows/${roadshowId}/draw`, {}],
    ['post', `/roadshows/${roadshowId}/slots/${slotIds[0]}/start`],
    ['post', `/roadshows/${roadshowId}/slots/${slotIds[0]}/open-scoring`],
    ['post', `/roadshows/${roadshowId}/slots/${slotIds[0]}/lock`, {}],
    [
      'post',
      `/roadshows/${roadshowId}/recusals`,
      { judgeId: judge.id, submissionId: fixture.submissions[1].id, reason: 'x' },
    ],
  ];

  const judgeRoutes = (): [string, string, object?][] => [
    ['get', '/judge/roadshow'],
    ['get', '/judge/slots'],
    ['put', `/judge/slots/${recusedSlotId}/score`, partyBuildingSheet('80')],
    ['post', '/judge/recusals', { submissionId: fixture.submissions[1].id, reason: 'x' }],
  ];

  function call(method: string, path: string, body: object | undefined, token?: string) {
    const server = http();
    let test =
      method === 'get'
        ? server.get(path)
        : method === 'put'
          ? server.put(path).set('Idempotency-Key', 'authz-key-0001')
          : server.post(path);
    if (token) test = test.set(bearer(token));
    return body ? test.send(body) : test;
  }

  it('refuses anonymous callers everywhere but the board and judge sign-in (401)', async () => {
    for (const [method, path, body] of [...officeRoutes(), ...judgeRoutes()]) {
      const response = await call(method, path, body);
      expect([path, response.status, response.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    await http().get(`/roadshows/${roadshowId}/board`).expect(200);
  });

  it('refuses applicants on office and judge routes (403)', async () => {
    for (const [method, path, body] of [...officeRoutes(), ...judgeRoutes()]) {
      const response = await call(method, path, body, applicantToken);
      expect([path, response.status]).toEqual([path, 403]);
    }
  });

  it('refuses judges on office routes and the office on judge routes (403)', async () => {
    for (const [method, path, body] of officeRoutes()) {
      expect([path, (await call(method, path, body, judge.token)).status]).toEqual([path, 403]);
    }
    for (const [method, path, body] of judgeRoutes()) {
      expect([path, (await call(method, path, body, fixture.officeToken)).status]).toEqual([path, 403]);
    }
  });

  it('keeps a judge of another roadshow to their own roadshow', async () => {
    const slots = await http().get('/judge/slots').set(bearer(otherJudge.token)).expect(200);
    expect((slots.body as JudgeSlotPageDto).items.map((slot) => slot.slotId)).not.toContain(recusedSlotId);
    const score = await http()
      .put(`/judge/slots/${recusedSlotId}/score`)
      .set(bearer(otherJudge.token))
      .set('Idempotency-Key', 'other-roadshow-1')
      .send(partyBuildingSheet('80'))
      .expect(404);
    expect(score.body.field).toBe('slotId');
    await http()
      .post('/judge/recusals')
      .set(bearer(otherJudge.token))
      .send({ submissionId: fixture.submissions[1].id, reason: '试图越权' })
      .expect(404);
  });

  it('hides the project from a judge recused automatically (own organization) and refuses their score', async () => {
    const view = await http().get('/judge/roadshow').set(bearer(recusedJudge.token)).expect(200);
    expect(view.body.current).toMatchObject({ slotId: recusedSlotId, recused: true, project: null });
    expect(JSON.stringify(view.body)).not.toContain(fixture.submissions[0].title);
    const refused = await http()
      .put(`/judge/slots/${recusedSlotId}/score`)
      .set(bearer(recusedJudge.token))
      .set('Idempotency-Key', 'recused-judge-1')
      .send(partyBuildingSheet('99'))
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message_zh: '您已回避该项目，不能为其评分' });
  });

  it('never shows a judge another judge’s score', async () => {
    await http()
      .put(`/judge/slots/${recusedSlotId}/score`)
      .set(bearer(judge.token))
      .set('Idempotency-Key', 'visible-to-me-only')
      .send(partyBuildingSheet('83.17'))
      .expect(200);
    const mine = await http().get('/judge/slots').set(bearer(judge.token)).expect(200);
    expect(JSON.stringify(mine.body)).toContain('83.17');
    const theirs = await http().get('/judge/slots').set(bearer(recusedJudge.token)).expect(200);
    expect(JSON.stringify(theirs.body)).not.toContain('83.17');
    const board = await http().get(`/roadshows/${roadshowId}/board`).expect(200);
    expect(JSON.stringify(board.body)).not.toContain('83.17');
    expect(board.body.current).toMatchObject({ submittedCount: 1, judgeCount: 1 });
  });

  it('lets the office recuse a judge, after which the judge can no longer score', async () => {
    const otherSlot = slotIds.find((id) => id !== recusedSlotId) as string;
    const recusal = await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(bearer(fixture.officeToken))
      .send({ judgeId: judge.id, submissionId: fixture.submissions[1].id, reason: '评委曾担任该项目顾问' })
      .expect(201);
    expect(recusal.body).toMatchObject({ source: 'office', judgeId: judge.id });
    const slots = await http().get('/judge/slots').set(bearer(judge.token)).expect(200);
    expect((slots.body as JudgeSlotPageDto).items.find((slot) => slot.slotId === otherSlot)).toMatchObject({
      recused: true,
      project: null,
    });
    await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(bearer(fixture.officeToken))
      .send({ judgeId: otherJudge.id, submissionId: fixture.submissions[1].id, reason: '不是本路演的评委' })
      .expect(404);
  });
});
