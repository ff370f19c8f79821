import request from 'supertest';
import { beijingDate } from '@app/grants';
import { AuditEvent, OrganizationSanction, ProjectGrant, TerminationProposal } from '@app/persistence';
import { PAYEE, SignedFixture, acceptAll, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

interface Tranche {
  id: string;
  state: string;
}

describe('termination proposals (终止建议) and sanctions (限制申报)', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const today = () => beijingDate(new Date());
  const yearsOn = (years: number) => `${Number(today().slice(0, 4)) + years}${today().slice(4)}`;

  const actionsOn = async (subjectId: string) =>
    (await served.db.getRepository(AuditEvent).find({ where: { subjectId }, order: { id: 'ASC' } })).map(
      (e) => e.action,
    );

  /** One grant accepted, its first tranche paid (¥15,000 of ¥30,000). */
  async function paidGrant(sanctionYears?: number): Promise<{ fixture: SignedFixture; grantId: string }> {
    const fixture = await signedCompetition(served.app, [3_000_000], {
      rules: (rules) => (sanctionYears ? { ...rules, supervision: { ...rules.supervision, sanctionYears } } : rules),
    });
    const [grantId] = await acceptAll(served.app, fixture);
    const [a, b] = fixture.clerks;
    await api().put(`/grants/${grantId}/payee`).set('authorization', fixture.funded[0].applicantAuth).send(PAYEE);
    const detail = await api().get(`/grants/${grantId}`).set('authorization', a.auth).expect(200);
    const [first] = detail.body.tranches as Tranche[];
    await api().post(`/tranches/${first.id}/approve`).set('authorization', a.auth).expect(200);
    await api()
      .post(`/tranches/${first.id}/pay`)
      .set('authorization', b.auth)
      .send({ voucherNumber: `记-${grantId.slice(0, 8)}`, paidOn: today() })
      .expect(200);
    return { fixture, grantId };
  }

  const propose = (fixture: SignedFixture, grantId: string, body: object = DIVERSION) =>
    api().post(`/grants/${grantId}/termination-proposals`).set('authorization', fixture.clerks[0].auth).send(body);

  const DIVERSION = { cause: 'diversion', detail: '审计发现将 8,000 元资助资金用于社区办公开支' };

  it('the office proposes on a breach clause; proposing again, even at once, gives the one open proposal', async () => {
    const { fixture, grantId } = await paidGrant();
    const [first, second] = await Promise.all([
      propose(fixture, grantId).expect(200),
      propose(fixture, grantId, { cause: 'false-claims', detail: '活动签到表与照片不符' }).expect(200),
    ]);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({
      grantId,
      state: 'open',
      grantState: 'active',
      organizationName: fixture.funded[0].organization.name,
      agreementNumber: 'GYCT-2026-0001',
      sanction: null,
    });
    const queue = await api()
      .get(`/termination-proposals?state=open&grantId=${grantId}`)
      .set('authorization', fixture.clerks[1].auth)
      .expect(200);
    expect((queue.body.items as { id: string }[]).map((p) => p.id)).toEqual([first.body.id]);
    expect(await actionsOn(grantId)).toContain('termination-proposal.open');
    expect((await actionsOn(grantId)).filter((a) => a === 'termination-proposal.open')).toHaveLength(1);
  });

  it('confirming terminates on a breach: unpaid tranches cancelled, everything paid due back, the organization barred for 3 years', async () => {
    const { fixture, grantId } = await paidGrant();
    const proposal = (await propose(fixture, grantId).expect(200)).body;
    const confirmed = await api()
      .post(`/termination-proposals/${proposal.id}/confirm`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ reason: '经街道党工委会议研究，确认终止资助' })
      .expect(200);
    expect(confirmed.body).toMatchObject({
      state: 'confirmed',
      grantState: 'terminated',
      decisionReason: '经街道党工委会议研究，确认终止资助',
      sanction: { cause: 'diversion', startsOn: today(), endsOn: yearsOn(3), active: true },
    });
    const grant = await api().get(`/grants/${grantId}`).set('authorization', fixture.clerks[0].auth).expect(200);
    expect((grant.body.tranches as Tranche[]).map((t) => t.state)).toEqual(['paid', 'cancelled', 'cancelled']);
    expect(grant.body.refunds).toMatchObject([{ amountFen: 1_500_000, basis: 'breach', state: 'open' }]);

    const own = await api().get('/sanctions').set('authorization', fixture.funded[0].applicantAuth).expect(200);
    expect(own.body.items).toMatchObject([{ grantId, endsOn: yearsOn(3), active: true, cause: 'diversion' }]);
    const other = await signedCompetition(served.app, [1_000_000]);
    const theirs = await api().get('/sanctions').set('authorization', other.funded[0].applicantAuth).expect(200);
    expect(theirs.body.items).toEqual([]);

    const again = await api()
      .post(`/termination-proposals/${proposal.id}/override`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '撤回' })
      .expect(409);
    expect(again.body.reason).toBe('TERMINATION_PROPOSAL_DECIDED');
    expect(await actionsOn(grantId)).toEqual(
      expect.arrayContaining(['termination-proposal.open', 'grant.terminate', 'termination-proposal.confirm']),
    );
    expect(await actionsOn(fixture.funded[0].organization.id)).toContain('sanction.record');
    const later = await propose(fixture, grantId).expect(409);
    expect(later.body.reason).toBe('GRANT_CLOSED');
  });

  it('the bar lasts the years the competition’s rules state', async () => {
    const { fixture, grantId } = await paidGrant(5);
    const proposal = (await propose(fixture, grantId).expect(200)).body;
    const confirmed = await api()
      .post(`/termination-proposals/${proposal.id}/confirm`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '确认' })
      .expect(200);
    expect(confirmed.body.sanction).toMatchObject({ endsOn: yearsOn(5) });
  });

  it('an override keeps the grant going with the reason, and a later proposal can be opened', async () => {
    const { fixture, grantId } = await paidGrant();
    const proposal = (await propose(fixture, grantId).expect(200)).body;
    const overridden = await api()
      .post(`/termination-proposals/${proposal.id}/override`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '经核实为财务记账错误，已更正' })
      .expect(200);
    expect(overridden.body).toMatchObject({
      state: 'overridden',
      grantState: 'active',
      decisionReason: '经核实为财务记账错误，已更正',
      sanction: null,
    });
    expect(await served.db.getRepository(OrganizationSanction).countBy({ grantId })).toBe(0);
    const next = await propose(fixture, grantId, { cause: 'unapproved-changes', detail: '擅自更换服务对象' });
    expect(next.status).toBe(200);
    expect(next.body.id).not.toBe(proposal.id);
  });

  it('terminating directly on a breach bars the organization; on unspent money it does not', async () => {
    const breach = await paidGrant();
    const ended = await api()
      .post(`/grants/${breach.grantId}/terminate`)
      .set('authorization', breach.fixture.clerks[0].auth)
      .send({ reason: '虚报活动人数，违反协议第八条', basis: 'breach' })
      .expect(200);
    expect(ended.body.state).toBe('terminated');
    expect(
      await served.db.getRepository(OrganizationSanction).findOneByOrFail({ grantId: breach.grantId }),
    ).toMatchObject({
      cause: 'agreement-breach',
      endsOn: yearsOn(3),
    });

    const unspent = await paidGrant();
    await api()
      .post(`/grants/${unspent.grantId}/terminate`)
      .set('authorization', unspent.fixture.clerks[0].auth)
      .send({ reason: '项目负责人离职，项目无法继续实施', basis: 'unspent' })
      .expect(200);
    expect(await served.db.getRepository(OrganizationSanction).countBy({ grantId: unspent.grantId })).toBe(0);
  });

  it('a proposal on a grant that was terminated meanwhile cannot be confirmed, and stays open with nothing written', async () => {
    const { fixture, grantId } = await paidGrant();
    const proposal = (await propose(fixture, grantId).expect(200)).body;
    await api()
      .post(`/grants/${grantId}/terminate`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '项目无法继续实施', basis: 'unspent' })
      .expect(200);
    const refused = await api()
      .post(`/termination-proposals/${proposal.id}/confirm`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '确认' })
      .expect(409);
    expect(refused.body.reason).toBe('GRANT_MOVE_NOT_ALLOWED');
    expect(await served.db.getRepository(TerminationProposal).findOneByOrFail({ id: proposal.id })).toMatchObject({
      state: 'open',
    });
    expect(await served.db.getRepository(OrganizationSanction).countBy({ grantId })).toBe(0);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { fixture, grantId } = await paidGrant();
    const ruleOnly = await propose(fixture, grantId, { cause: 'monthly-checks', detail: '连续三个月低于 6 分' }).expect(
      400,
    );
    expect(ruleOnly.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cause' });
    const empty = await propose(fixture, grantId, { cause: 'diversion', detail: '' }).expect(400);
    expect(empty.body.field).toBe('detail');
    expect(await served.db.getRepository(TerminationProposal).countBy({ grantId })).toBe(0);
    const missing = await api()
      .post('/termination-proposals/00000000-0000-4000-8000-000000000000/confirm')
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '确认' })
      .expect(404);
    expect(missing.body.reason).toBe('TERMINATION_PROPOSAL_NOT_FOUND');
    const noReason = await api()
      .post('/termination-proposals/00000000-0000-4000-8000-000000000000/override')
      .set('authorization', fixture.clerks[0].auth)
      .send({})
      .expect(400);
    expect(noReason.body.field).toBe('reason');
    expect(await served.db.getRepository(ProjectGrant).findOneByOrFail({ id: grantId })).toMatchObject({
      state: 'active',
    });
  });
});
