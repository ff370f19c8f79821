import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { COMPETITION_PRESETS, CompetitionRules, JudgeGroup } from '@app/domain';
import { AuditEvent, ScoreRevision } from '@app/persistence';
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

describe('a score is checked against the rules in force, and the stage is reported before the sheet', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let fixture: RoadshowFixture;
  let judge: AddedJudge;
  let roadshowId: string;
  let onStage: string;
  let onStageProject: string;
  let waiting: string;
  let key = 0;

  const put = (slotId: string, body: unknown, as: AddedJudge = judge) =>
    request(app.getHttpServer())
      .put(`/judge/slots/${slotId}/score`)
      .set(bearer(as.token))
      .set('Idempotency-Key', `rules-check-${(key += 1)}`)
      .send(body as object);

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    fixture = await roadshowCompetition(app, 2);
    roadshowId = await createRoadshow(app, fixture);
    judge = await addJudge(app, fixture.officeToken, roadshowId, { name: '黄丽珍', group: JudgeGroup.Expert });
    const office = bearer(fixture.officeToken);
    const drawn = await request(app.getHttpServer())
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office)
      .send({})
      .expect(200);
    const slots = drawn.body.slots as { slotId: string; submissionId: string }[];
    [onStage, waiting] = slots.map((slot) => slot.slotId);
    onStageProject = slots[0].submissionId;
    await request(app.getHttpServer()).post(`/roadshows/${roadshowId}/slots/${onStage}/start`).set(office).expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a mark above the rubric maximum while the rules say 25', async () => {
    const sheet = partyBuildingSheet('80');
    await put(onStage, sheet).expect(200);
    const response = await put(onStage, { ...sheet, criteria: { ...sheet.criteria, need: '28' } }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'criteria.need' });
  });

  it('accepts it once the rules in the database allow 30, though this API process had read the old ones', async () => {
    const preset = COMPETITION_PRESETS['party-building'];
    const widened: CompetitionRules = {
      ...preset,
      rubric: preset.rubric.map((criterion) =>
        criterion.key === 'need' ? { ...criterion, maxPoints: '30' } : criterion,
      ),
    };
    await db.query(`UPDATE competition SET rules = $1, rules_version = rules_version + 1 WHERE id = $2`, [
      JSON.stringify(widened),
      fixture.competition.id,
    ]);
    const sheet = partyBuildingSheet('80');
    const saved = await put(onStage, { ...sheet, criteria: { ...sheet.criteria, need: '28' } }).expect(200);
    expect(saved.body).toMatchObject({ revision: 2, criteria: { need: '28' } });
    expect(await db.getRepository(ScoreRevision).countBy({ judgeId: judge.id })).toBe(2);
    expect(await db.getRepository(AuditEvent).countBy({ actorId: judge.id, action: 'score.submit' })).toBe(2);
  });

  it('tells a judge the project is not on stage yet even when the sheet is also wrong', async () => {
    const response = await put(waiting, { criteria: { need: 'many' } }).expect(409);
    expect(response.body.message_zh).toContain('尚未上台');
    expect(response.body.message_en).toContain('not taken the stage');
  });

  it('tells a recused judge they are recused, whatever the sheet says', async () => {
    const recused = await addJudge(app, fixture.officeToken, roadshowId, { name: '梁国华', group: JudgeGroup.Expert });
    await request(app.getHttpServer())
      .post('/judge/recusals')
      .set(bearer(recused.token))
      .send({ submissionId: onStageProject, reason: '曾为该项目撰写申报书' })
      .expect(201);
    const response = await put(onStage, { criteria: { need: '99' } }, recused).expect(403);
    expect(response.body.message_zh).toContain('回避');
  });

  it('wrote nothing for the refused posts', async () => {
    expect(await db.getRepository(ScoreRevision).countBy({ judgeId: judge.id })).toBe(2);
  });
});
