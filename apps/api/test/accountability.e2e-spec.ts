import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CompetitionState, Role } from '@app/domain';
import { addDays, beijingDate, monthsOf } from '@app/grants';
import { createCompetition, createUser } from './factories';
import { evaluate, evaluationMarks } from './evaluations.factory';
import { PAYEE, acceptAll, payFirstTranche, readyGrants, signedCompetition } from './grants.factory';
import { allocatedCompetition } from './publicity.factory';
import { serveApp } from './test-app';

/** What the fixtures store about people and money routes: none of it may reach a public page. */
const PERSONAL = ['李敏', '0757-87712345', PAYEE.accountNumber, PAYEE.bankName, 'representative', 'contact'];

describe('what the public sees of funded projects (项目进展公开), without signing in', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  it('shows each funded project with its grant, the share paid, the reports accepted and its outcome', async () => {
    const { fixture, grantIds } = await readyGrants(served.app, [3_000_000, 2_000_000]);
    await payFirstTranche(served.app, fixture, grantIds[0], `公开-${grantIds[0].slice(0, 8)}`);
    await api()
      .post(`/grants/${grantIds[1]}/terminate`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '连续三个月考核低于 6 分，退出', basis: 'unspent' })
      .expect(200);

    const response = await api().get(`/competitions/${fixture.competition.id}/accountability`).expect(200);

    expect(response.body).toMatchObject({
      competitionId: fixture.competition.id,
      competitionTitle: fixture.competition.title,
      competitionState: CompetitionState.InProgress,
      fundedCount: 2,
      totalGrantFen: 5_000_000,
      totalPaidFen: 1_500_000,
    });
    expect(response.body.projects).toEqual([
      {
        submissionId: fixture.funded[0].submission.id,
        projectTitle: fixture.funded[0].submission.title,
        category: { zh: expect.any(String), en: expect.any(String) },
        organizationName: fixture.funded[0].organization.name,
        community: fixture.funded[0].organization.community,
        grant: {
          amountFen: 3_000_000,
          paidFen: 1_500_000,
          paidPercent: 50,
          tranchesPaid: 1,
          tranchesPlanned: 3,
          reportsAccepted: 0,
        },
        outcome: { code: 'in-progress', labelZh: '实施中', labelEn: 'In progress' },
        evaluation: null,
      },
      expect.objectContaining({
        submissionId: fixture.funded[1].submission.id,
        grant: expect.objectContaining({ amountFen: 2_000_000, paidFen: 0, paidPercent: 0, tranchesPlanned: 0 }),
        outcome: { code: 'terminated', labelZh: '已终止', labelEn: 'Terminated' },
      }),
    ]);
    const text = JSON.stringify(response.body);
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
  });

  it('shows each project’s latest band and stars, a remediation it went through, and an exit by the monthly checks', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000, 2_000_000, 2_500_000], { startedDaysAgo: 125 });
    const [passing, remediating, exiting] = await acceptAll(served.app, fixture);
    const auth = fixture.clerks[0].auth;
    const competitionId = fixture.competition.id;
    await evaluate(served.app, competitionId, auth, 'mid', {
      [passing]: evaluationMarks(28, 64),
      [remediating]: evaluationMarks(15, 35),
      [exiting]: evaluationMarks(20, 50),
    });
    await evaluate(served.app, competitionId, auth, 're-evaluation', { [remediating]: evaluationMarks(22, 50) });
    for (const month of monthsOf(addDays(beijingDate(new Date()), -125), beijingDate(new Date())).slice(0, 3)) {
      await api()
        .post(`/grants/${exiting}/monthly-checks`)
        .set('authorization', auth)
        .send({
          month,
          items: [
            { key: 'plan', points: 1 },
            { key: 'summary', points: 1 },
            { key: 'presence', points: 1 },
            { key: 'upkeep', points: 2 },
          ],
          note: `${month} 现场查看服务站`,
        })
        .expect(201);
    }
    const [proposal] = (
      await api().get(`/termination-proposals?grantId=${exiting}`).set('authorization', auth).expect(200)
    ).body.items as { id: string }[];
    await api()
      .post(`/termination-proposals/${proposal.id}/confirm`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ reason: '连续三个月考核不达标，按协议退出' })
      .expect(200);

    const response = await api().get(`/competitions/${competitionId}/accountability`).expect(200);
    const projects = response.body.projects as {
      submissionId: string;
      outcome: { code: string };
      evaluation: unknown;
    }[];
    const of = (i: number) => projects.find((p) => p.submissionId === fixture.funded[i].submission.id);
    expect(of(0)).toMatchObject({
      outcome: { code: 'in-progress' },
      evaluation: {
        stage: { code: 'mid', labelZh: '中期评估' },
        band: { code: 'A', labelZh: '优秀' },
        stars: 5,
        passed: true,
        remediated: false,
      },
    });
    expect(of(1)).toMatchObject({
      outcome: { code: 'in-progress' },
      evaluation: { stage: { code: 'mid' }, band: { code: 'B', labelZh: '合格' }, passed: true, remediated: true },
    });
    expect(of(2)).toMatchObject({
      outcome: { code: 'exited', labelZh: '已退出（月度考核未达标）' },
      evaluation: { band: { code: 'B' }, remediated: false },
    });
  });

  it('answers before the award with the competition and no project yet', async () => {
    const office = await createUser(served.db, Role.Office);
    const allocated = await allocatedCompetition(served.app, office.id, [3_000_000]);
    const response = await api().get(`/competitions/${allocated.competition.id}/accountability`).expect(200);
    expect(response.body).toMatchObject({ fundedCount: 0, totalGrantFen: 0, projects: [] });
  });

  it('keeps a draft to itself, and names the field of a malformed id', async () => {
    const office = await createUser(served.db, Role.Office);
    const draft = await createCompetition(served.db, office.id, { state: CompetitionState.Draft });
    const hidden = await api().get(`/competitions/${draft.id}/accountability`).expect(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND', message_zh: expect.any(String) });
    await api().get(`/competitions/${randomUUID()}/accountability`).expect(404);
    const malformed = await api().get('/competitions/not-an-id/accountability').expect(400);
    expect(malformed.body.field).toBe('id');
  });

  it('lists the competitions that published a result, newest notice first, for the public pages', async () => {
    const { fixture } = await readyGrants(served.app, [1_000_000]);
    const office = await createUser(served.db, Role.Office);
    const unpublished = await allocatedCompetition(served.app, office.id, [1_000_000]);
    const response = await api().get('/public/competitions').expect(200);
    const items = response.body.items as { competitionId: string }[];
    expect(items.map((item) => item.competitionId)).not.toContain(unpublished.competition.id);
    expect(items.find((item) => item.competitionId === fixture.competition.id)).toEqual({
      competitionId: fixture.competition.id,
      competitionTitle: fixture.competition.title,
      competitionState: CompetitionState.InProgress,
      noticeEndsAt: expect.any(String),
      grantCount: 1,
    });
  });
});
