import request from 'supertest';
import { AuditEvent, EvaluationSheet } from '@app/persistence';
import { acceptAll, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

type Marks = Record<string, string>;

const GROUPS = ['expert', 'department', 'media', 'resident'] as const;

/** 义乌江东's five criteria (30/20/15/15/20), each at the same share of its maximum. */
function marks(share: number): Marks {
  const of = (max: number) => ((max * share) / 100).toFixed(2);
  return { quality: of(30), progress: of(20), awareness: of(15), participation: of(15), satisfaction: of(20) };
}

interface Seated {
  id: string;
  evaluators: { id: string; name: string; codeIssuedAt: string | null }[];
  recusals: { evaluatorId: string; grantId: string }[];
  issuedCode: { evaluator: { id: string }; code: string; signInUrl: string };
  projects: { grantId: string; result: null | { score: string; band: string; stars: number | null } }[];
}

interface TabletView {
  round: { id: string; state: string };
  rubric: { key: string; labelZh: string }[];
  projects: { grantId: string; status: string; recusalReason: string | null; sheet: null | { total: string } }[];
}

describe('evaluators on the tablet (评估人平板评分): codes, their own sheets, the office’s rules', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  /** A funded competition with a mid-term round open over its grants. */
  async function openRound(amounts: readonly number[]) {
    const fixture = await signedCompetition(served.app, amounts);
    const grantIds = await acceptAll(served.app, fixture);
    const auth = fixture.clerks[0].auth;
    const round = (
      await api()
        .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
        .set('authorization', auth)
        .send({ stage: 'mid' })
        .expect(201)
    ).body as { id: string };
    return { fixture, grantIds, auth, roundId: round.id };
  }

  async function seat(roundId: string, auth: string, body: Record<string, unknown>): Promise<Seated> {
    return (
      await api().post(`/evaluation-rounds/${roundId}/evaluators`).set('authorization', auth).send(body).expect(201)
    ).body as Seated;
  }

  async function signIn(roundId: string, code: string): Promise<string> {
    const res = await api().post('/evaluator-sessions').send({ roundId, code }).expect(201);
    return `Bearer ${(res.body as { token: string }).token}`;
  }

  const tabletPut = (roundId: string, grantId: string, token: string, criteria: Marks) =>
    api().put(`/evaluator/rounds/${roundId}/sheets/${grantId}`).set('authorization', token).send({ criteria });

  it('signs in with the code as handed out, however it is typed; a wrong code or another round’s code is refused alike', async () => {
    const { auth, roundId } = await openRound([1_000_000]);
    const other = await openRound([1_000_000]);
    const seated = await seat(roundId, auth, { name: '王建国', group: 'expert' });
    const { code, signInUrl } = seated.issuedCode;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(signInUrl).toContain(`/evaluate/#r=${roundId}&code=${code}`);
    expect(seated.evaluators[0].codeIssuedAt).not.toBeNull();

    const session = await api()
      .post('/evaluator-sessions')
      .send({ roundId, code: ` ${code.toLowerCase().replace('-', ' ')} ` })
      .expect(201);
    expect(session.body).toMatchObject({
      evaluator: { id: seated.issuedCode.evaluator.id, name: '王建国', group: 'expert' },
      round: { id: roundId, stage: 'mid', state: 'open' },
    });

    for (const attempt of [
      { roundId, code: 'AAAA-AAAA' },
      { roundId: other.roundId, code },
    ]) {
      const refused = await api().post('/evaluator-sessions').send(attempt).expect(401);
      expect(refused.body).toMatchObject({ reason: 'SIGN_IN_CODE_INVALID', field: 'code' });
      expect(refused.body.message_zh).toContain('签到码无效');
    }
  });

  it('pauses a code tried too often, while the evaluator’s right code still signs in', async () => {
    const { auth, roundId } = await openRound([1_000_000]);
    const { code } = (await seat(roundId, auth, { name: '李晓梅', group: 'media' })).issuedCode;
    let answer = 401;
    for (let i = 0; i < 8 && answer === 401; i += 1) {
      answer = (await api().post('/evaluator-sessions').send({ roundId, code: 'ZZZZ-ZZZZ' })).status;
    }
    const paused = await api().post('/evaluator-sessions').send({ roundId, code: 'ZZZZ-ZZZZ' }).expect(429);
    expect(paused.body).toMatchObject({ reason: 'EVALUATOR_SIGN_IN_PAUSED' });
    expect(paused.body.message_zh).toContain('签到暂停至');
    await api().post('/evaluator-sessions').send({ roundId, code }).expect(201);
  });

  it('scored on tablets, a round closes exactly as if the office had entered the same sheets', async () => {
    const byTablet = await openRound([3_000_000, 2_000_000]);
    const byOffice = await openRound([3_000_000, 2_000_000]);
    const sheetsFor = (grant: number, evaluator: number) => marks(grant === 0 ? 70 + evaluator * 4 : 88 - evaluator);

    const tokens: string[] = [];
    for (const group of GROUPS) {
      const seated = await seat(byTablet.roundId, byTablet.auth, { name: `${group}评估人`, group });
      tokens.push(await signIn(byTablet.roundId, seated.issuedCode.code));
    }
    for (const [e, token] of tokens.entries()) {
      for (const [g, grantId] of byTablet.grantIds.entries()) {
        await tabletPut(byTablet.roundId, grantId, token, sheetsFor(g, e)).expect(200);
      }
    }
    const mine = (await api().get(`/evaluator/rounds/${byTablet.roundId}`).set('authorization', tokens[0]).expect(200))
      .body as TabletView;
    expect(mine.rubric.map((criterion) => criterion.labelZh)).toEqual([
      '项目质量',
      '项目进度',
      '社会知晓度',
      '居民参与度',
      '满意度',
    ]);
    const own = (grantId: string) => mine.projects.find((project) => project.grantId === grantId);
    expect(own(byTablet.grantIds[0])).toMatchObject({ status: 'scored', sheet: { total: '70.00' } });
    expect(own(byTablet.grantIds[1])).toMatchObject({ status: 'scored', sheet: { total: '88.00' } });

    let seatedByOffice: Seated | undefined;
    for (const group of GROUPS) {
      seatedByOffice = await seat(byOffice.roundId, byOffice.auth, { name: `${group}评估人`, group });
    }
    for (const [e, evaluator] of (seatedByOffice as Seated).evaluators.entries()) {
      for (const [g, grantId] of byOffice.grantIds.entries()) {
        await api()
          .put(`/evaluation-rounds/${byOffice.roundId}/sheets/${evaluator.id}/${grantId}`)
          .set('authorization', byOffice.auth)
          .send({ criteria: sheetsFor(g, e) })
          .expect(200);
      }
    }

    const closed = async (fixture: { roundId: string; auth: string; grantIds: string[] }) => {
      const round = (
        await api().post(`/evaluation-rounds/${fixture.roundId}/close`).set('authorization', fixture.auth).expect(200)
      ).body as Seated;
      return fixture.grantIds.map((grantId) => {
        const result = round.projects.find((project) => project.grantId === grantId)?.result;
        return { score: result?.score, band: result?.band, stars: result?.stars };
      });
    };
    const tabletResults = await closed(byTablet);
    expect(tabletResults).toEqual(await closed(byOffice));
    expect(tabletResults.map((result) => result.band)).toEqual(['B', 'A']);

    const audited = await served.db.getRepository(AuditEvent).findBy({
      action: 'evaluation.sheet.enter',
      subjectId: byTablet.roundId,
    });
    expect(audited).toHaveLength(8);
    expect(new Set(audited.map((event) => event.actorType))).toEqual(new Set(['evaluator']));
  });

  it('a recused evaluator sees the project as recused and cannot score it, whether recused automatically or by their own declaration', async () => {
    const { fixture, grantIds, auth, roundId } = await openRound([1_000_000, 1_000_000]);
    const community = fixture.funded[0].organization.community;
    const seated = await seat(roundId, auth, { name: '社区居民甲', group: 'resident', community });
    const token = await signIn(roundId, seated.issuedCode.code);

    const view = (await api().get(`/evaluator/rounds/${roundId}`).set('authorization', token).expect(200))
      .body as TabletView;
    expect(view.projects.find((project) => project.grantId === grantIds[0])).toMatchObject({
      status: 'recused',
      recusalReason: `同一社区：${community} / same community: ${community}`,
    });
    const refused = await tabletPut(roundId, grantIds[0], token, marks(80)).expect(409);
    expect(refused.body).toMatchObject({ reason: 'EVALUATOR_RECUSED', field: 'grantId' });

    const declared = (
      await api()
        .post(`/evaluator/rounds/${roundId}/recusals/${grantIds[1]}`)
        .set('authorization', token)
        .send({ reason: '本人是该项目的顾问' })
        .expect(201)
    ).body as TabletView;
    expect(declared.projects.find((project) => project.grantId === grantIds[1])).toMatchObject({
      status: 'recused',
      recusalReason: '本人是该项目的顾问',
    });
    await tabletPut(roundId, grantIds[1], token, marks(80)).expect(409);
    expect(
      await served.db.getRepository(EvaluationSheet).countBy({ evaluatorId: seated.issuedCode.evaluator.id }),
    ).toBe(0);
  });

  it('another round’s evaluator finds nothing here, and a project of another round is not in theirs', async () => {
    const first = await openRound([1_000_000]);
    const second = await openRound([1_000_000]);
    const outsider = await seat(second.roundId, second.auth, { name: '陈卫东', group: 'department' });
    const token = await signIn(second.roundId, outsider.issuedCode.code);

    for (const res of [
      await api().get(`/evaluator/rounds/${first.roundId}`).set('authorization', token),
      await tabletPut(first.roundId, first.grantIds[0], token, marks(80)),
      await api()
        .post(`/evaluator/rounds/${first.roundId}/recusals/${first.grantIds[0]}`)
        .set('authorization', token)
        .send({ reason: '顾问' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ reason: 'EVALUATION_ROUND_NOT_FOUND' });
    }
    const elsewhere = await tabletPut(second.roundId, first.grantIds[0], token, marks(80)).expect(404);
    expect(elsewhere.body).toMatchObject({ reason: 'EVALUATION_PROJECT_NOT_IN_ROUND' });
    await api().get(`/evaluation-rounds/${first.roundId}`).set('authorization', token).expect(403);
  });

  it('a closed round refuses sheets and recusals with the reason in both languages', async () => {
    const { grantIds, auth, roundId } = await openRound([1_000_000]);
    const tokens: string[] = [];
    for (const group of GROUPS) {
      tokens.push(
        await signIn(roundId, (await seat(roundId, auth, { name: `${group}评估人`, group })).issuedCode.code),
      );
    }
    for (const token of tokens) await tabletPut(roundId, grantIds[0], token, marks(90)).expect(200);
    await api().post(`/evaluation-rounds/${roundId}/close`).set('authorization', auth).expect(200);

    const view = (await api().get(`/evaluator/rounds/${roundId}`).set('authorization', tokens[0]).expect(200))
      .body as TabletView;
    expect(view.round.state).toBe('closed');
    const refused = await tabletPut(roundId, grantIds[0], tokens[0], marks(60)).expect(409);
    expect(refused.body).toMatchObject({ reason: 'EVALUATION_ROUND_CLOSED' });
    expect(refused.body.message_zh).toBeTruthy();
    expect(refused.body.message_en).toBeTruthy();
    await api()
      .post(`/evaluator/rounds/${roundId}/recusals/${grantIds[0]}`)
      .set('authorization', tokens[0])
      .send({ reason: '顾问' })
      .expect(409);
  });

  it('refuses a bad sheet naming each field in both languages, and writes nothing', async () => {
    const { grantIds, auth, roundId } = await openRound([1_000_000]);
    const seated = await seat(roundId, auth, { name: '王建国', group: 'expert' });
    const token = await signIn(roundId, seated.issuedCode.code);
    const refused = await tabletPut(roundId, grantIds[0], token, { ...marks(80), quality: '31', extra: '1' }).expect(
      400,
    );
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'criteria.quality' });
    expect(refused.body.message_zh).toContain('“项目质量”的分数须在 0 到 30 分之间');
    expect(refused.body.message_en).toContain('the mark for "Project quality" must be between 0 and 30');
    const details = (refused.body as { details: { field: string }[] }).details;
    expect(details.map((detail) => detail.field)).toEqual(['criteria.quality', 'criteria.extra']);
    const missing = await tabletPut(roundId, grantIds[0], token, { quality: '20' }).expect(400);
    expect(missing.body.message_zh).toContain('请为“项目进度”打分');
    expect(
      await served.db.getRepository(EvaluationSheet).countBy({ evaluatorId: seated.issuedCode.evaluator.id }),
    ).toBe(0);
  });

  it('a reissued code signs the old tablet out and refuses the old code; the new one works', async () => {
    const { grantIds, auth, roundId } = await openRound([1_000_000]);
    const seated = await seat(roundId, auth, { name: '王建国', group: 'expert' });
    const oldToken = await signIn(roundId, seated.issuedCode.code);
    const evaluatorId = seated.issuedCode.evaluator.id;

    const reissued = await api()
      .post(`/evaluation-rounds/${roundId}/evaluators/${evaluatorId}/code`)
      .set('authorization', auth)
      .expect(201);
    const newCode = (reissued.body as { code: string }).code;
    expect(newCode).not.toBe(seated.issuedCode.code);

    const ended = await tabletPut(roundId, grantIds[0], oldToken, marks(80)).expect(401);
    expect(ended.body).toMatchObject({ reason: 'EVALUATOR_SESSION_ENDED' });
    await api().post('/evaluator-sessions').send({ roundId, code: seated.issuedCode.code }).expect(401);
    await tabletPut(roundId, grantIds[0], await signIn(roundId, newCode), marks(80)).expect(200);
    expect(
      await served.db
        .getRepository(AuditEvent)
        .countBy({ action: 'evaluation.evaluator.code-reissue', subjectId: roundId }),
    ).toBe(1);
  });
});
