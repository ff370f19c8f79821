import request from 'supertest';
import { addDays, beijingDate } from '@app/grants';
import { AuditEvent, EvaluationResultRow, EvaluationSheet } from '@app/persistence';
import { EvaluationMarks, evaluationMarks } from './evaluations.factory';
import { SignedFixture, acceptAll, signedCompetition } from './grants.factory';
import { scoringVerify } from './scoring-verify';
import { serveApp } from './test-app';

const GROUPS = ['expert', 'department', 'media', 'resident'] as const;

interface Round {
  id: string;
  state: string;
  progress: { entered: number; expected: number };
  evaluators: { id: string; group: string; name: string }[];
  recusals: { evaluatorId: string; grantId: string; source: string; reason: string }[];
  projects: {
    grantId: string;
    result: null | {
      score: string;
      band: string;
      stars: number | null;
      outcome: string;
      remediationDueOn: string | null;
      breakdown: { judgeCount: number; missingGroups: string[]; groups: { group: string; judgeCount: number }[] };
      starGates: { criterion: string; passed: boolean }[];
    };
  }[];
}

describe('evaluations (中期评估、结项评估、整改后复评): panels of four groups, bands, stars and what they lead to', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  async function grantsOf(
    amounts: readonly number[],
  ): Promise<{ fixture: SignedFixture; grantIds: string[]; auth: string }> {
    const fixture = await signedCompetition(served.app, amounts);
    return { fixture, grantIds: await acceptAll(served.app, fixture), auth: fixture.clerks[0].auth };
  }

  async function openRound(competitionId: string, auth: string, stage = 'mid'): Promise<Round> {
    return (
      await api()
        .post(`/competitions/${competitionId}/evaluation-rounds`)
        .set('authorization', auth)
        .send({ stage })
        .expect(201)
    ).body as Round;
  }

  async function seat(roundId: string, auth: string, body: Record<string, unknown>): Promise<Round> {
    return (
      await api().post(`/evaluation-rounds/${roundId}/evaluators`).set('authorization', auth).send(body).expect(201)
    ).body as Round;
  }

  /** One evaluator of each group, unless `perGroup` says more. */
  async function panel(roundId: string, auth: string, perGroup = 1): Promise<Round> {
    let round: Round | undefined;
    for (const group of GROUPS) {
      for (let i = 1; i <= perGroup; i += 1) round = await seat(roundId, auth, { name: `${group}评估人${i}`, group });
    }
    return round as Round;
  }

  function enter(roundId: string, evaluatorId: string, grantId: string, auth: string, criteria: EvaluationMarks) {
    return api()
      .put(`/evaluation-rounds/${roundId}/sheets/${evaluatorId}/${grantId}`)
      .set('authorization', auth)
      .send({ criteria });
  }

  /** Every evaluator gives each grant the marks listed for it. */
  async function scoreAll(
    round: Round,
    auth: string,
    byGrant: Readonly<Record<string, EvaluationMarks>>,
  ): Promise<void> {
    const recused = new Set(round.recusals.map((r) => `${r.evaluatorId}:${r.grantId}`));
    for (const evaluator of round.evaluators) {
      for (const [grantId, criteria] of Object.entries(byGrant)) {
        if (recused.has(`${evaluator.id}:${grantId}`)) continue;
        await enter(round.id, evaluator.id, grantId, auth, criteria).expect(200);
      }
    }
  }

  async function close(roundId: string, auth: string): Promise<Round> {
    return (await api().post(`/evaluation-rounds/${roundId}/close`).set('authorization', auth).expect(200))
      .body as Round;
  }

  const resultOf = (round: Round, grantId: string) => round.projects.find((p) => p.grantId === grantId)?.result;

  const trancheStates = async (grantId: string, auth: string): Promise<string[]> =>
    (
      (await api().get(`/grants/${grantId}`).set('authorization', auth).expect(200)).body.tranches as {
        state: string;
      }[]
    ).map((t) => t.state);

  it('a mid-term round by eight evaluators, one recused automatically: results explained, the mid-term tranche eligible, the bundle recomputes', async () => {
    const { fixture, grantIds, auth } = await grantsOf([3_000_000, 2_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    expect(round).toMatchObject({ state: 'open', progress: { entered: 0, expected: 0 } });
    await panel(round.id, auth, 2);
    const ownCommunity = fixture.funded[0].organization.community;
    const seated = await seat(round.id, auth, { name: '社区居民甲', group: 'resident', community: ownCommunity });
    const resident = seated.evaluators.at(-1);
    expect(seated.recusals).toEqual([
      {
        evaluatorId: resident?.id,
        grantId: grantIds[0],
        source: 'automatic',
        reason: `同一社区：${ownCommunity} / same community: ${ownCommunity}`,
      },
    ]);
    expect(seated.progress).toEqual({ entered: 0, expected: 17 });
    await enter(round.id, resident?.id ?? '', grantIds[0], auth, evaluationMarks(25, 60))
      .expect(409)
      .expect((res) => expect(res.body).toMatchObject({ reason: 'EVALUATOR_RECUSED', field: 'grantId' }));

    await scoreAll(seated, auth, { [grantIds[0]]: evaluationMarks(27, 63), [grantIds[1]]: evaluationMarks(22, 50) });
    const closed = await close(round.id, auth);
    expect(closed.state).toBe('closed');
    expect(resultOf(closed, grantIds[0])).toMatchObject({
      score: '90.00',
      band: 'A',
      stars: 5,
      outcome: 'passed',
      remediationDueOn: null,
      breakdown: { judgeCount: 8 },
    });
    expect(resultOf(closed, grantIds[1])).toMatchObject({ score: '72.00', band: 'B', stars: 3, outcome: 'passed' });
    expect(resultOf(closed, grantIds[0])?.breakdown.groups.map((g) => [g.group, g.judgeCount])).toEqual([
      ['expert', 2],
      ['department', 2],
      ['media', 2],
      ['resident', 2],
    ]);
    expect(await trancheStates(grantIds[0], auth)).toEqual(['eligible', 'eligible', 'planned']);

    const bundle = await api().get(`/evaluation-rounds/${round.id}/bundle.json`).set('authorization', auth).expect(200);
    expect(scoringVerify(bundle.text)).toMatchObject({ status: 0, stdout: 'OK: 2 projects evaluated\n' });

    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectId: round.id });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'evaluation.round.open',
        'evaluation.evaluator.add',
        'evaluation.sheet.enter',
        'evaluation.round.close',
      ]),
    );
  });

  it('bands by the rules: 85 is A, 84.99 B, 60 B, 59.99 C', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    const seated = await panel(round.id, auth);
    await scoreAll(seated, auth, {
      [grantIds[0]]: evaluationMarks(25, 60),
      [grantIds[1]]: evaluationMarks(24.99, 60),
      [grantIds[2]]: evaluationMarks(18, 42),
      [grantIds[3]]: evaluationMarks(17.99, 42),
    });
    const closed = await close(round.id, auth);
    expect(grantIds.map((id) => [resultOf(closed, id)?.score, resultOf(closed, id)?.band])).toEqual([
      ['85.00', 'A'],
      ['84.99', 'B'],
      ['60.00', 'B'],
      ['59.99', 'C'],
    ]);
  });

  it('stars by score, one fewer when quality stays under 60% of its maximum', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000, 1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    const seated = await panel(round.id, auth);
    await scoreAll(seated, auth, { [grantIds[0]]: evaluationMarks(20, 70), [grantIds[1]]: evaluationMarks(17, 70) });
    const closed = await close(round.id, auth);
    expect(resultOf(closed, grantIds[0])).toMatchObject({
      score: '90.00',
      stars: 5,
      starGates: [{ criterion: 'quality', passed: true }],
    });
    expect(resultOf(closed, grantIds[1])).toMatchObject({
      score: '87.00',
      band: 'A',
      stars: 3,
      starGates: [{ criterion: 'quality', passed: false }],
    });
  });

  it('a C opens a remediation the grantee sees; the re-evaluation evaluates only that project, and a pass there releases the tranche', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000, 1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    await scoreAll(await panel(round.id, auth), auth, {
      [grantIds[0]]: evaluationMarks(24, 50),
      [grantIds[1]]: evaluationMarks(12, 30),
    });
    const closed = await close(round.id, auth);
    const due = addDays(beijingDate(new Date()), 30);
    expect(resultOf(closed, grantIds[1])).toMatchObject({ band: 'C', outcome: 'remediation', remediationDueOn: due });
    expect(await trancheStates(grantIds[1], auth)).toEqual(['eligible', 'planned', 'planned']);
    const seen = await api()
      .get(`/grants/${grantIds[1]}/evaluations`)
      .set('authorization', fixture.funded[1].applicantAuth)
      .expect(200);
    expect(seen.body).toMatchObject({ remediationDueOn: due, items: [{ band: 'C', bandLabelZh: '不合格' }] });
    await api()
      .get(`/grants/${grantIds[1]}/evaluations`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .expect(404);

    const again = await openRound(fixture.competition.id, auth, 're-evaluation');
    expect(again.projects.map((p) => p.grantId)).toEqual([grantIds[1]]);
    await scoreAll(await panel(again.id, auth), auth, { [grantIds[1]]: evaluationMarks(21, 50) });
    const passed = await close(again.id, auth);
    expect(resultOf(passed, grantIds[1])).toMatchObject({ score: '71.00', band: 'B', outcome: 'passed' });
    expect(await trancheStates(grantIds[1], auth)).toEqual(['eligible', 'eligible', 'planned']);
    const after = await api().get(`/grants/${grantIds[1]}/evaluations`).set('authorization', auth).expect(200);
    expect(after.body.remediationDueOn).toBeNull();
    await api()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', auth)
      .send({ stage: 're-evaluation' })
      .expect(409)
      .expect((res) => expect(res.body.reason).toBe('EVALUATION_NOTHING_TO_EVALUATE'));
  });

  it('a second C after remediation proposes termination to the office, and the tranche stays unpaid', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    await scoreAll(await panel(round.id, auth), auth, { [grantIds[0]]: evaluationMarks(10, 30) });
    await close(round.id, auth);
    const again = await openRound(fixture.competition.id, auth, 're-evaluation');
    await scoreAll(await panel(again.id, auth), auth, { [grantIds[0]]: evaluationMarks(15, 35) });
    const closed = await close(again.id, auth);
    expect(resultOf(closed, grantIds[0])).toMatchObject({
      score: '50.00',
      band: 'C',
      outcome: 'termination-proposed',
      remediationDueOn: null,
    });
    expect(await trancheStates(grantIds[0], auth)).toEqual(['eligible', 'planned', 'planned']);
    const proposals = await api()
      .get('/termination-proposals')
      .query({ grantId: grantIds[0] })
      .set('authorization', auth)
      .expect(200);
    expect(proposals.body.items).toEqual([
      expect.objectContaining({ grantId: grantIds[0], cause: 'failed-evaluation', state: 'open' }),
    ]);
  });

  it('a declared recusal leaves the evaluator’s sheet out and the round closes without it', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    const seated = await panel(round.id, auth);
    const media = seated.evaluators.find((e) => e.group === 'media');
    const declared = await api()
      .post(`/evaluation-rounds/${round.id}/recusals`)
      .set('authorization', auth)
      .send({
        evaluatorId: media?.id,
        grantId: grantIds[0],
        reason: '评估人为该项目的志愿者 / volunteers for the project',
      })
      .expect(201);
    expect(declared.body.recusals).toEqual([expect.objectContaining({ evaluatorId: media?.id, source: 'declared' })]);
    expect(declared.body.progress).toEqual({ entered: 0, expected: 3 });
    await scoreAll(declared.body as Round, auth, { [grantIds[0]]: evaluationMarks(24, 56) });
    const closed = await close(round.id, auth);
    expect(resultOf(closed, grantIds[0])).toMatchObject({
      score: '80.00',
      breakdown: { judgeCount: 3, missingGroups: ['media'] },
    });
  });

  it('refuses bad marks with every field named in both languages, and writes nothing', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    const seated = await panel(round.id, auth);
    const [expert] = seated.evaluators;
    const refused = await enter(round.id, expert.id, grantIds[0], auth, {
      ...evaluationMarks(25, 60),
      quality: '31',
      extra: '1',
    }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'criteria.quality' });
    expect(refused.body.message_zh).toContain('“项目质量”的分数须在 0 到 30 分之间');
    expect(refused.body.message_en).toContain('the mark for "Project quality" must be between 0 and 30');
    const details = (refused.body as { details: { field: string }[] }).details;
    expect(details.map((detail) => detail.field)).toEqual(['criteria.quality', 'criteria.extra']);
    expect(await served.db.getRepository(EvaluationSheet).countBy({ evaluatorId: expert.id })).toBe(0);

    await api()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', auth)
      .send({ stage: 'yearly' })
      .expect(400)
      .expect((res) => expect(res.body).toMatchObject({ field: 'stage' }));
    await api()
      .post(`/evaluation-rounds/${round.id}/evaluators`)
      .set('authorization', auth)
      .send({ name: '记者', group: 'press' })
      .expect(400)
      .expect((res) => expect(res.body).toMatchObject({ field: 'group' }));

    await enter(round.id, expert.id, grantIds[0], auth, evaluationMarks(25, 60)).expect(200);
    const missing = await api().post(`/evaluation-rounds/${round.id}/close`).set('authorization', auth).expect(409);
    expect(missing.body).toMatchObject({ reason: 'EVALUATION_SHEETS_MISSING' });
    expect(missing.body.message_zh).toBe('还有 3 份评分表未提交（共 4 份），全部提交后才能结束评估');
    expect(await served.db.getRepository(EvaluationResultRow).countBy({ roundId: round.id })).toBe(0);
    await api().get(`/evaluation-rounds/${round.id}/bundle.json`).set('authorization', auth).expect(409);
  });

  it('allows one open round per stage, and nothing changes in a closed round', async () => {
    const { fixture, grantIds, auth } = await grantsOf([1_000_000]);
    const round = await openRound(fixture.competition.id, auth);
    await api()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', auth)
      .send({ stage: 'mid' })
      .expect(409)
      .expect((res) => expect(res.body.reason).toBe('EVALUATION_ROUND_ALREADY_OPEN'));
    const seated = await panel(round.id, auth);
    await scoreAll(seated, auth, { [grantIds[0]]: evaluationMarks(25, 60) });
    await close(round.id, auth);
    await enter(round.id, seated.evaluators[0].id, grantIds[0], auth, evaluationMarks(30, 70))
      .expect(409)
      .expect((res) => expect(res.body.reason).toBe('EVALUATION_ROUND_CLOSED'));
    const list = await api()
      .get(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', auth)
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: round.id, state: 'closed', stage: 'mid' })]);
  });
});
