import request from 'supertest';
import { COMPETITION_PRESETS, EligibilityRules } from '@app/domain';
import { addDays, beijingDate, dayOfMonth, monthOf, nextMonth } from '@app/grants';
import { Competition, Submission } from '@app/persistence';
import { createCompetition } from './factories';
import { evaluate, evaluationMarks } from './evaluations.factory';
import { SHATOU_PROPOSAL, SignedFixture, acceptAll, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

describe('eligibility at submission (申报资格)', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const today = () => beijingDate(new Date());

  /** Next year's round, open, with the preset's eligibility changed as given. */
  async function nextRound(fixture: SignedFixture, eligibility: Partial<EligibilityRules> = {}): Promise<Competition> {
    const rules = COMPETITION_PRESETS['party-building'];
    return createCompetition(served.db, fixture.clerks[0].user.id, {
      title: '2027年 "红色核动力" 党建项目创投大赛',
      rules: {
        ...rules,
        supervision: { ...rules.supervision, eligibility: { ...rules.supervision.eligibility, ...eligibility } },
      },
    });
  }

  const enter = (fixture: SignedFixture, competition: Competition) =>
    api()
      .post(`/competitions/${competition.id}/submissions`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .send(SHATOU_PROPOSAL);

  async function sanctioned(): Promise<{ fixture: SignedFixture; grantId: string }> {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    const proposal = await api()
      .post(`/grants/${grantId}/termination-proposals`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ cause: 'false-claims', detail: '活动签到表与照片不符，虚报参与人数' })
      .expect(200);
    await api()
      .post(`/termination-proposals/${proposal.body.id}/confirm`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ reason: '经核实虚报，确认终止' })
      .expect(200);
    return { fixture, grantId };
  }

  it('a sanctioned organization is refused at creation with the rule and the day the sanction ends; nothing is written', async () => {
    const { fixture } = await sanctioned();
    const round = await nextRound(fixture);
    const ends = `${Number(today().slice(0, 4)) + 3}${today().slice(4)}`;
    const refused = await enter(fixture, round).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ELIGIBLE_SANCTIONED' });
    expect(refused.body.message_zh).toContain('限制申报期内不得申报');
    expect(refused.body.message_zh).toContain('虚报冒领');
    expect(refused.body.message_zh).toContain(`${ends} 起方可申报`);
    expect(refused.body.message_en).toContain(`until ${ends}`);
    expect(await served.db.getRepository(Submission).countBy({ competitionId: round.id })).toBe(0);
  });

  it('a draft saved before the sanction cannot be submitted while it lasts', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    const round = await nextRound(fixture);
    const draft = (await enter(fixture, round).expect(201)).body as { id: string };
    await api()
      .post(`/grants/${grantId}/terminate`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '挪用资助资金用于办公开支，违反协议第八条', basis: 'breach' })
      .expect(200);
    const refused = await api()
      .post(`/submissions/${draft.id}/submit`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .expect(409);
    expect(refused.body.reason).toBe('NOT_ELIGIBLE_SANCTIONED');
    expect(refused.body.message_zh).toContain('违反协议约定');
    expect(await served.db.getRepository(Submission).findOneByOrFail({ id: draft.id })).toMatchObject({
      state: 'draft',
    });
  });

  it('an organization with a report overdue is refused, naming the report and its due day, unless the rules allow it', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 70 });
    await acceptAll(served.app, fixture);
    const firstMonth = monthOf(addDays(today(), -70));
    const refused = await enter(fixture, await nextRound(fixture)).expect(409);
    expect(refused.body.reason).toBe('NOT_ELIGIBLE_REPORT_OVERDUE');
    expect(refused.body.message_zh).toContain(
      `${firstMonth} 月度报告应于 ${dayOfMonth(nextMonth(firstMonth), 10)} 前提交`,
    );
    await enter(fixture, await nextRound(fixture, { noOverdueReport: false })).expect(201);
  });

  it('at most the rules’ number of grants running: one running grant refuses a second when the limit is 1', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    await acceptAll(served.app, fixture);
    const refused = await enter(fixture, await nextRound(fixture, { maxActiveGrants: 1 })).expect(409);
    expect(refused.body).toMatchObject({ reason: 'NOT_ELIGIBLE_TOO_MANY_GRANTS' });
    expect(refused.body.message_zh).toContain('在执行资助项目不超过 1 个');
    await enter(fixture, await nextRound(fixture, { maxActiveGrants: 2 })).expect(201);
  });

  it('a failed evaluation among the last N refuses the organization, naming the agreement, the band and the day', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    await evaluate(served.app, fixture.competition.id, fixture.clerks[0].auth, 'mid', {
      [grantId]: evaluationMarks(15, 35),
    });
    const round = await nextRound(fixture, { noFailedEvaluationInLast: 2 });
    const refused = await enter(fixture, round).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ELIGIBLE_FAILED_EVALUATION' });
    expect(refused.body.message_zh).toContain('最近 2 次评估中不得有不合格');
    expect(refused.body.message_zh).toContain(`于 ${today()} 的评估为 C（不合格）`);
    expect(refused.body.message_en).toContain('rated C (failed)');
    expect(await served.db.getRepository(Submission).countBy({ competitionId: round.id })).toBe(0);

    await evaluate(served.app, fixture.competition.id, fixture.clerks[0].auth, 're-evaluation', {
      [grantId]: evaluationMarks(25, 55),
    });
    await evaluate(served.app, fixture.competition.id, fixture.clerks[0].auth, 'final', {
      [grantId]: evaluationMarks(26, 58),
    });
    // Two passes since: the C is no longer among the last two results.
    await enter(fixture, round).expect(201);
  });
});
