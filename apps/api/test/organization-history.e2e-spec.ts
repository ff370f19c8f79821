import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SubmissionState } from '@app/domain';
import { addDays, beijingDate, monthsOf } from '@app/grants';
import { AuditEvent } from '@app/persistence';
import { createSubmission } from './factories';
import { acceptAll, payFirstTranche, readyGrants, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

/** 辛店's checklist (plan 2, summary 2, presence 3, upkeep 3) in full, and with plan and summary missing. */
const XINDIAN_FULL = [
  { key: 'plan', points: 2 },
  { key: 'summary', points: 2 },
  { key: 'presence', points: 3 },
  { key: 'upkeep', points: 3 },
];
const XINDIAN_FIVE = [
  { key: 'plan', points: 0 },
  { key: 'summary', points: 0 },
  { key: 'presence', points: 3 },
  { key: 'upkeep', points: 2 },
];

describe("the office's organization history (组织档案) and its export", () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  /** An organization funded once and paid its first tranche, with a later draft of its own. */
  async function fundedOrganization() {
    const { fixture, grantIds } = await readyGrants(served.app, [3_000_000]);
    await payFirstTranche(served.app, fixture, grantIds[0], `档案-${grantIds[0].slice(0, 8)}`);
    const [project] = fixture.funded;
    await createSubmission(served.db, fixture.competition.id, project.organization.id, project.applicant.id, {
      title: '尚未提交的草稿',
      state: SubmissionState.Draft,
      submittedAt: null,
    });
    return { fixture, project, grantId: grantIds[0], office: fixture.clerks[0] };
  }

  it('shows the competitions entered, the result of each submission and the grant with what was paid', async () => {
    const { fixture, project, grantId, office } = await fundedOrganization();
    const response = await api()
      .get(`/organizations/${project.organization.id}/history`)
      .set('authorization', office.auth)
      .expect(200);
    expect(response.body.organization).toMatchObject({ id: project.organization.id, name: project.organization.name });
    expect(response.body.summary).toEqual({
      competitionsEntered: 1,
      submissions: 1,
      grants: 1,
      grantsTerminated: 0,
      grantedFen: 3_000_000,
      paidFen: 1_500_000,
      activeSanctions: 0,
    });
    expect(response.body.sanctions).toEqual([]);
    expect(response.body.submissions).toEqual([
      {
        submissionId: project.submission.id,
        competitionId: fixture.competition.id,
        competitionTitle: fixture.competition.title,
        competitionState: { code: 'in-progress', labelZh: '项目执行中', labelEn: 'In progress' },
        title: project.submission.title,
        state: { code: 'submitted', labelZh: expect.any(String), labelEn: expect.any(String) },
        screening: { code: 'passed', labelZh: expect.any(String), labelEn: expect.any(String) },
        submittedAt: expect.any(String),
        result: {
          displayRank: 1,
          score: project.result.score,
          status: { code: 'funded', labelZh: '资助', labelEn: 'funded' },
          grantFen: 3_000_000,
          reason: { zh: '全额资助', en: 'funded in full' },
        },
      },
    ]);
    expect(response.body.grants).toEqual([
      expect.objectContaining({
        grantId,
        competitionTitle: fixture.competition.title,
        projectTitle: project.submission.title,
        progress: expect.objectContaining({ amountFen: 3_000_000, paidFen: 1_500_000, paidPercent: 50 }),
        refundDueFen: 0,
        state: { code: 'active', labelZh: '执行中', labelEn: 'Active' },
        outcome: { code: 'in-progress', labelZh: '实施中', labelEn: 'In progress' },
      }),
    ]);
  });

  it('exports the history as a CSV the office’s spreadsheet opens, and audits the export', async () => {
    const { project, office } = await fundedOrganization();
    const response = await api()
      .get(`/organizations/${project.organization.id}/history.csv`)
      .set('authorization', office.auth)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`organization-${project.organization.id}.csv`);
    const lines = response.text.split('\r\n');
    expect(lines[0].startsWith('\uFEFF大赛 / Competition,项目名称 / Project,')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1].split(',')).toEqual([
      expect.stringContaining('党建项目创投大赛'),
      project.submission.title,
      expect.stringContaining('/'),
      expect.stringContaining('/'),
      '1',
      project.result.score,
      '资助 / funded',
      '30000.00',
      project.agreement.number,
      '15000.00',
      '50%',
      '0',
      '0.00',
      '执行中 / Active',
      '实施中 / In progress',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(lines[2]).toBe('');
    const audit = await served.db
      .getRepository(AuditEvent)
      .findBy({ subjectId: project.organization.id, action: 'organization-history.export' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: office.user.id, after: { submissions: 1, grants: 1, sanctions: 0 } });
  });

  it('shows the sanction a breach brought, active until its end, in the page and the export', async () => {
    const { project, grantId, office } = await fundedOrganization();
    await api()
      .post(`/grants/${grantId}/terminate`)
      .set('authorization', office.auth)
      .send({ reason: '虚报活动人数，挪用资助资金', basis: 'breach' })
      .expect(200);
    const response = await api()
      .get(`/organizations/${project.organization.id}/history`)
      .set('authorization', office.auth)
      .expect(200);
    expect(response.body.summary).toMatchObject({ grants: 1, grantsTerminated: 1, activeSanctions: 1 });
    expect(response.body.grants[0]).toMatchObject({
      refundDueFen: 1_500_000,
      outcome: { code: 'terminated' },
      stateReason: '虚报活动人数，挪用资助资金',
    });
    const [sanction] = response.body.sanctions as {
      grantId: string;
      active: boolean;
      startsOn: string;
      endsOn: string;
    }[];
    expect(sanction).toMatchObject({ grantId, active: true, reason: '虚报活动人数，挪用资助资金' });
    expect(Number(sanction.endsOn.slice(0, 4)) - Number(sanction.startsOn.slice(0, 4))).toBe(3);

    const csv = await api()
      .get(`/organizations/${project.organization.id}/history.csv`)
      .set('authorization', office.auth)
      .expect(200);
    const row = csv.text.split('\r\n')[1].split(',');
    expect(row.slice(-8)).toEqual([
      '15000.00',
      '已终止 / Terminated',
      '已终止 / Terminated',
      '',
      '',
      '虚报活动人数，挪用资助资金',
      '',
      `${sanction.startsOn} — ${sanction.endsOn}`,
    ]);
  });

  it('shows each month’s check score against the exit line, and the months below in a row', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 100 });
    const [grantId] = await acceptAll(served.app, fixture);
    const [project] = fixture.funded;
    const office = fixture.clerks[0];
    const [first, second, third] = monthsOf(addDays(beijingDate(new Date()), -100), beijingDate(new Date()));
    for (const [month, items] of [
      [first, XINDIAN_FULL],
      [second, XINDIAN_FIVE],
      [third, XINDIAN_FIVE],
    ] as const) {
      await api()
        .post(`/grants/${grantId}/monthly-checks`)
        .set('authorization', office.auth)
        .send({ month, items, note: `${month} 现场查看服务站并核对台账` })
        .expect(201);
    }
    const response = await api()
      .get(`/organizations/${project.organization.id}/history`)
      .set('authorization', office.auth)
      .expect(200);
    expect(response.body.grants[0]).toMatchObject({
      monthlyChecks: [
        { month: first, score: 10, below: false },
        { month: second, score: 5, below: true },
        { month: third, score: 5, below: true },
      ],
      monthsBelowInRow: 2,
    });
    const csv = await api()
      .get(`/organizations/${project.organization.id}/history.csv`)
      .set('authorization', office.auth)
      .expect(200);
    expect(csv.text).toContain(`${first}: 10; ${second}: 5（低于线 / below）; ${third}: 5（低于线 / below）`);
  });

  it('answers 404 for an organization that does not exist, naming the field', async () => {
    const { office } = await fundedOrganization();
    const missing = await api()
      .get(`/organizations/${randomUUID()}/history`)
      .set('authorization', office.auth)
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', field: 'id', message_en: 'organization not found' });
  });

  it('keeps the history from the organization itself: an applicant is refused', async () => {
    const { project } = await fundedOrganization();
    await api()
      .get(`/organizations/${project.organization.id}/history`)
      .set('authorization', project.applicantAuth)
      .expect(403);
  });
});
