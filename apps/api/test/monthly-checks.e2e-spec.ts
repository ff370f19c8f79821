import request from 'supertest';
import { addDays, beijingDate, monthOf, monthsOf, nextMonth } from '@app/grants';
import { AuditEvent, MonthlyCheck, TerminationProposal } from '@app/persistence';
import { SignedFixture, acceptAll, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

/** Marks of 辛店's checklist (plan 2, summary 2, presence 3, upkeep 3) adding up to `score`. */
function marks(score: number): { key: string; points: number }[] {
  const presence = Math.min(3, score);
  const upkeep = Math.min(3, score - presence);
  const plan = Math.min(2, score - presence - upkeep);
  return [
    { key: 'plan', points: plan },
    { key: 'summary', points: score - presence - upkeep - plan },
    { key: 'presence', points: presence },
    { key: 'upkeep', points: upkeep },
  ];
}

describe('monthly checks (辛店 月度考核) and the exit rule', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const today = () => beijingDate(new Date());

  /** A grant whose project period began four months ago: months to check. */
  async function runningGrant(): Promise<{ fixture: SignedFixture; grantId: string; months: string[] }> {
    const fixture = await signedCompetition(served.app, [3_000_000], { startedDaysAgo: 125 });
    const [grantId] = await acceptAll(served.app, fixture);
    return { fixture, grantId, months: monthsOf(addDays(today(), -125), today()) };
  }

  const check = (fixture: SignedFixture, grantId: string, month: string, score: number, extra: object = {}) =>
    api()
      .post(`/grants/${grantId}/monthly-checks`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ month, items: marks(score), note: `${month} 现场查看服务站并核对台账`, ...extra });

  const seenByGrantee = async (fixture: SignedFixture, grantId: string) =>
    (
      await api()
        .get(`/grants/${grantId}/monthly-checks`)
        .set('authorization', fixture.funded[0].applicantAuth)
        .expect(200)
    ).body as { warning: boolean; monthsBelow: string[]; exitProposed: boolean; months: { score: number }[] };

  const openProposals = (fixture: SignedFixture, grantId: string) =>
    api()
      .get(`/termination-proposals?state=open&grantId=${grantId}`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(200);

  it('three months in a row below 6 propose exit; the organization is warned after the first and the second', async () => {
    const { fixture, grantId, months } = await runningGrant();
    const [first, second, third] = months;
    await check(fixture, grantId, first, 5.5).expect(201);
    expect(await seenByGrantee(fixture, grantId)).toMatchObject({
      warning: true,
      monthsBelow: [first],
      exitProposed: false,
    });
    await check(fixture, grantId, second, 5).expect(201);
    expect(await seenByGrantee(fixture, grantId)).toMatchObject({ warning: true, monthsBelow: [first, second] });
    expect((await openProposals(fixture, grantId)).body.items).toEqual([]);

    const exit = await check(fixture, grantId, third, 4).expect(201);
    expect(exit.body).toMatchObject({ exitProposed: true, warning: false, monthsBelow: [first, second, third] });
    const [proposal] = (await openProposals(fixture, grantId)).body.items;
    expect(proposal).toMatchObject({ cause: 'monthly-checks', state: 'open', grantState: 'active' });
    expect(proposal.detail).toContain(
      `${first}、${second}、${third} 月度考核分别为 5.5、5、4 分，连续 3 个月低于 6 分`,
    );

    const confirmed = await api()
      .post(`/termination-proposals/${proposal.id}/confirm`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ reason: '连续三个月考核不达标，按协议退出' })
      .expect(200);
    expect(confirmed.body).toMatchObject({
      grantState: 'terminated',
      sanction: { cause: 'monthly-checks', active: true },
    });
    const grant = await api().get(`/grants/${grantId}`).set('authorization', fixture.clerks[0].auth).expect(200);
    expect(grant.body.state).toBe('terminated');
    const refused = await check(fixture, grantId, months[3], 8).expect(409);
    expect(refused.body.reason).toBe('GRANT_CLOSED');
  });

  it('a month at 6 breaks the run; the office can override an exit proposal and the grant goes on', async () => {
    const { fixture, grantId, months } = await runningGrant();
    await check(fixture, grantId, months[0], 5).expect(201);
    await check(fixture, grantId, months[1], 6).expect(201);
    await check(fixture, grantId, months[2], 5).expect(201);
    expect(await seenByGrantee(fixture, grantId)).toMatchObject({ warning: true, monthsBelow: [months[2]] });
    await check(fixture, grantId, months[3], 5).expect(201);
    const exit = await check(fixture, grantId, months[4], 3.5).expect(201);
    expect(exit.body.exitProposed).toBe(true);
    const [proposal] = (await openProposals(fixture, grantId)).body.items;
    const overridden = await api()
      .post(`/termination-proposals/${proposal.id}/override`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '负责人病假，已安排替岗，街道同意继续执行' })
      .expect(200);
    expect(overridden.body).toMatchObject({ state: 'overridden', grantState: 'active', sanction: null });
    expect((await openProposals(fixture, grantId)).body.items).toEqual([]);
  });

  it('recording a month again is a correction: a new revision, audited, refused when it corrects a stale one', async () => {
    const { fixture, grantId, months } = await runningGrant();
    await check(fixture, grantId, months[0], 5).expect(201);
    const corrected = await check(fixture, grantId, months[0], 7.5, { expectedRevision: 1 }).expect(201);
    expect(corrected.body.months).toMatchObject([{ month: months[0], revision: 2, score: 7.5, below: false }]);
    expect(corrected.body.warning).toBe(false);
    const stale = await check(fixture, grantId, months[0], 6, { expectedRevision: 1 }).expect(409);
    expect(stale.body.reason).toBe('CHECK_REVISION_STALE');
    expect(await served.db.getRepository(MonthlyCheck).countBy({ grantId })).toBe(2);
    const actions = (await served.db.getRepository(AuditEvent).findBy({ subjectId: grantId })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['monthly-check.record', 'monthly-check.correct']));
  });

  it('refuses a month outside the period or not begun, and marks off the checklist, naming the field; nothing is written', async () => {
    const { fixture, grantId, months } = await runningGrant();
    const before = monthOf(addDays(today(), -400));
    expect((await check(fixture, grantId, before, 8).expect(400)).body).toMatchObject({
      reason: 'CHECK_MONTH_INVALID',
      field: 'month',
    });
    expect((await check(fixture, grantId, nextMonth(monthOf(today())), 8).expect(400)).body).toMatchObject({
      reason: 'CHECK_MONTH_NOT_STARTED',
      field: 'month',
    });
    const tooMany = marks(8).map((m) => (m.key === 'presence' ? { ...m, points: 3.5 } : m));
    expect((await check(fixture, grantId, months[0], 8, { items: tooMany }).expect(400)).body).toMatchObject({
      reason: 'CHECK_POINTS_OUT_OF_RANGE',
      field: 'items.2.points',
    });
    expect((await check(fixture, grantId, months[0], 8, { items: marks(8).slice(1) }).expect(400)).body).toMatchObject({
      reason: 'CHECK_ITEMS_MISMATCH',
      field: 'items',
    });
    expect((await check(fixture, grantId, months[0], 8, { note: ' ' }).expect(400)).body.field).toBe('note');
    expect((await check(fixture, grantId, '2027-13', 8).expect(400)).body.field).toBe('month');
    expect(await served.db.getRepository(MonthlyCheck).countBy({ grantId })).toBe(0);
    expect(await served.db.getRepository(TerminationProposal).countBy({ grantId })).toBe(0);
  });

  it('an organization reads only its own grants’ checks', async () => {
    const { grantId } = await runningGrant();
    const other = await signedCompetition(served.app, [1_000_000]);
    const refused = await api()
      .get(`/grants/${grantId}/monthly-checks`)
      .set('authorization', other.funded[0].applicantAuth)
      .expect(404);
    expect(refused.body.reason).toBe('GRANT_NOT_FOUND');
  });
});
