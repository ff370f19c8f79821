import request from 'supertest';
import { COMPETITION_PRESETS, CompetitionRules, JudgeGroup } from '@app/domain';
import { AuditEvent, ScoreRevision } from '@app/persistence';
import { AddedJudge, DrawnRoadshow, addJudge, bearer, partyBuildingSheet, roadshowUnderWay } from './roadshow.factory';
import { serveApp } from './test-app';

describe('a score is checked against the rules in force, and the stage is reported before the sheet', () => {
  const served = serveApp();
  let key = 0;

  const put = (as: AddedJudge, slotId: string, body: unknown) =>
    request(served.app.getHttpServer())
      .put(`/judge/slots/${slotId}/score`)
      .set(bearer(as.token))
      .set('Idempotency-Key', `rules-check-${(key += 1)}`)
      .send(body as object);
  const revisionsBy = (judge: AddedJudge) => served.db.getRepository(ScoreRevision).countBy({ judgeId: judge.id });
  /** Two projects, one judge; the first project presenting, the second waiting. */
  const onStage = async (): Promise<DrawnRoadshow & { judge: AddedJudge; slotId: string }> => {
    const roadshow = await roadshowUnderWay(served.app, {
      projects: 2,
      judges: [{ name: '黄丽珍', group: JudgeGroup.Expert }],
      openScoring: false,
    });
    return { ...roadshow, judge: roadshow.judges[0], slotId: roadshow.slots[0].slotId };
  };

  it('refuses a mark above the rubric maximum while the rules say 25', async () => {
    const { judge, slotId } = await onStage();
    const sheet = partyBuildingSheet('80');
    await put(judge, slotId, sheet).expect(200);
    const response = await put(judge, slotId, { ...sheet, criteria: { ...sheet.criteria, need: '28' } }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'criteria.need' });
    expect(await revisionsBy(judge)).toBe(1);
  });

  it('accepts it once the rules in the database allow 30, though this API process had read the old ones', async () => {
    const { fixture, judge, slotId } = await onStage();
    const sheet = partyBuildingSheet('80');
    await put(judge, slotId, sheet).expect(200);
    const preset = COMPETITION_PRESETS['party-building'];
    const widened: CompetitionRules = {
      ...preset,
      rubric: preset.rubric.map((criterion) =>
        criterion.key === 'need' ? { ...criterion, maxPoints: '30' } : criterion,
      ),
    };
    await served.db.query(`UPDATE competition SET rules = $1, rules_version = rules_version + 1 WHERE id = $2`, [
      JSON.stringify(widened),
      fixture.competition.id,
    ]);
    const saved = await put(judge, slotId, { ...sheet, criteria: { ...sheet.criteria, need: '28' } }).expect(200);
    expect(saved.body).toMatchObject({ revision: 2, criteria: { need: '28' } });
    expect(await revisionsBy(judge)).toBe(2);
    expect(await served.db.getRepository(AuditEvent).countBy({ actorId: judge.id, action: 'score.submit' })).toBe(2);
  });

  it('tells a judge the project is not on stage yet even when the sheet is also wrong', async () => {
    const { judge, slots } = await onStage();
    const response = await put(judge, slots[1].slotId, { criteria: { need: 'many' } }).expect(409);
    expect(response.body.message_zh).toContain('尚未上台');
    expect(response.body.message_en).toContain('not taken the stage');
    expect(await revisionsBy(judge)).toBe(0);
  });

  it('tells a recused judge they are recused, whatever the sheet says', async () => {
    const { fixture, roadshowId, slots, slotId } = await onStage();
    const recused = await addJudge(served.app, fixture.officeToken, roadshowId, {
      name: '梁国华',
      group: JudgeGroup.Expert,
    });
    await request(served.app.getHttpServer())
      .post('/judge/recusals')
      .set(bearer(recused.token))
      .send({ submissionId: slots[0].submissionId, reason: '曾为该项目撰写申报书' })
      .expect(201);
    const response = await put(recused, slotId, { criteria: { need: '99' } }).expect(403);
    expect(response.body.message_zh).toContain('回避');
    expect(await revisionsBy(recused)).toBe(0);
  });
});
