import request from 'supertest';
import { TrancheState } from '@app/domain';
import { addDays, beijingDate } from '@app/grants';
import { AuditEvent, Competition, GrantRefund, GrantTranche, ProjectGrant } from '@app/persistence';
import {
  PAYEE,
  SignedFixture,
  acceptAll,
  binary,
  officeClerk,
  payFirstTranche,
  pdfWords,
  readyGrants,
  signedCompetition,
} from './grants.factory';
import { serveApp } from './test-app';

interface Tranche {
  id: string;
  sequence: number;
  state: string;
  amountFen: number;
}

describe('the grants ledger (资助管理): from the signed agreement to the last fen paid', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const today = () => beijingDate(new Date());

  const auditOf = (subjectId: string, action?: string) =>
    served.db
      .getRepository(AuditEvent)
      .find({ where: { subjectId, ...(action ? { action } : {}) }, order: { id: 'ASC' } });

  const tranchesOf = async (grantId: string, auth: string): Promise<Tranche[]> =>
    (await api().get(`/grants/${grantId}`).set('authorization', auth).expect(200)).body.tranches as Tranche[];

  /** A grant accepted, its account entered by the grantee, the first tranche eligible. */
  const readyGrant = (grants: readonly number[] = [3_000_001]) => readyGrants(served.app, grants);

  async function payFirst(fixture: SignedFixture, grantId: string, voucher: string): Promise<Tranche[]> {
    await payFirstTranche(served.app, fixture, grantId, voucher);
    return tranchesOf(grantId, fixture.clerks[0].auth);
  }

  it('accepts a signed agreement: 50 / 30 / 20 with the remainder fen last, the first tranche eligible, the full budget, the competition in progress', async () => {
    const fixture = await signedCompetition(served.app, [3_000_001]);
    const [project] = fixture.funded;
    const response = await api()
      .post(`/agreements/${project.agreement.id}/grant`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(201);
    const grant = response.body;
    expect(grant).toMatchObject({
      agreementNumber: 'GYCT-2026-0001',
      amountFen: 3_000_001,
      matchingFen: 500_000,
      paidFen: 0,
      state: 'active',
      partyA: { name: '中共佛山市三水区西南街道工作委员会' },
      partyB: { community: project.organization.community },
      periodStart: project.agreement.periodStart,
    });
    expect((grant.tranches as Tranche[]).map((t) => [t.amountFen, t.state])).toEqual([
      [1_500_000, 'eligible'],
      [900_000, 'planned'],
      [600_001, 'planned'],
    ]);
    expect(grant.tranches[0]).toMatchObject({ amountCapital: '壹万伍仟元整', conditionText: { zh: '协议签订后' } });
    const lines = grant.budget.lines as { grantFen: number; matchingFen: number }[];
    expect(lines.reduce((sum, l) => sum + l.grantFen, 0)).toBe(3_000_001);
    expect(lines.reduce((sum, l) => sum + l.matchingFen, 0)).toBe(500_000);
    expect(grant.budget).toMatchObject({ version: 1, history: [{ version: 1 }] });
    expect((await served.db.getRepository(Competition).findOneByOrFail({ id: fixture.competition.id })).state).toBe(
      'in-progress',
    );
    expect((await auditOf(project.agreement.id)).map((e) => e.action)).toEqual(['agreement.accept']);
    expect((await auditOf(grant.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['grant.create', fixture.clerks[0].user.id],
    ]);
    expect((await auditOf(grant.tranches[0].id)).map((e) => e.action)).toEqual(['tranche.eligible']);

    const again = await api()
      .post(`/agreements/${project.agreement.id}/grant`)
      .set('authorization', fixture.clerks[1].auth)
      .expect(409);
    expect(again.body).toMatchObject({
      reason: 'GRANT_ALREADY_EXISTS',
      message_zh: '协议书 GYCT-2026-0001 已确认签约，资助项目已建立',
    });
    await api()
      .post(`/agreements/${project.agreement.id}/grant`)
      .set('authorization', project.applicantAuth)
      .expect(403);
  });

  it('refuses to accept an agreement whose signed scan has not come', async () => {
    const fixture = await signedCompetition(served.app, [1_000_000], { unsigned: true });
    const response = await api()
      .post(`/agreements/${fixture.funded[0].agreement.id}/grant`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT', reason: 'AGREEMENT_NOT_SIGNED' });
    expect(await served.db.getRepository(ProjectGrant).countBy({ competitionId: fixture.competition.id })).toBe(0);
  });

  it('shows a grantee its own grant only; it enters the bank account an approval needs', async () => {
    const fixture = await signedCompetition(served.app, [3_000_001, 2_500_000]);
    const [first, second] = await acceptAll(served.app, fixture);
    const [own, other] = fixture.funded;
    const [tranche] = await tranchesOf(first, fixture.clerks[0].auth);
    const missing = await api()
      .post(`/tranches/${tranche.id}/approve`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(409);
    expect(missing.body).toMatchObject({
      reason: 'PAYEE_MISSING',
      message_zh: '获资助单位尚未填写收款账户，填写后才能审批拨付',
    });

    await api().get(`/grants/${first}`).set('authorization', other.applicantAuth).expect(404);
    await api().put(`/grants/${first}/payee`).set('authorization', other.applicantAuth).send(PAYEE).expect(404);
    const bad = await api()
      .put(`/grants/${first}/payee`)
      .set('authorization', own.applicantAuth)
      .send({ ...PAYEE, accountNumber: '账号见附件' })
      .expect(400);
    expect(bad.body.field).toBe('accountNumber');
    await api().put(`/grants/${first}/payee`).set('authorization', own.applicantAuth).send(PAYEE).expect(200);
    const mine = await api()
      .get(`/grants?competitionId=${fixture.competition.id}`)
      .set('authorization', own.applicantAuth)
      .expect(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: first, paidFen: 0 }] });
    const all = await api()
      .get(`/grants?competitionId=${fixture.competition.id}`)
      .set('authorization', fixture.clerks[1].auth)
      .expect(200);
    expect((all.body.items as { id: string }[]).map((g) => g.id)).toEqual([first, second]);
    expect((await auditOf(first, 'grant.payee'))[0]).toMatchObject({ actorType: 'applicant', after: { payee: PAYEE } });
  });

  it('pays with two signatures: the approver cannot record the payment, another clerk does, once', async () => {
    const { fixture, grantIds } = await readyGrant();
    const [a, b] = fixture.clerks;
    const [tranche] = await tranchesOf(grantIds[0], a.auth);
    const approved = await api().post(`/tranches/${tranche.id}/approve`).set('authorization', a.auth).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: a.user.id, payee: PAYEE });

    const own = await api()
      .post(`/tranches/${tranche.id}/pay`)
      .set('authorization', a.auth)
      .send({ voucherNumber: '记-2027-0001', paidOn: today() })
      .expect(403);
    expect(own.body).toMatchObject({ code: 'FORBIDDEN', reason: 'SAME_ACCOUNT_APPROVED' });
    const future = await api()
      .post(`/tranches/${tranche.id}/pay`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '记-2027-0001', paidOn: addDays(today(), 1) })
      .expect(400);
    expect(future.body).toMatchObject({ reason: 'PAID_DATE_INVALID', field: 'paidOn' });
    const floatAmount = await api()
      .post(`/tranches/${tranche.id}/pay`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '', paidOn: today() })
      .expect(400);
    expect(floatAmount.body.field).toBe('voucherNumber');

    const paid = await api()
      .post(`/tranches/${tranche.id}/pay`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '记-2027-0001', paidOn: today() })
      .expect(200);
    expect(paid.body).toMatchObject({
      state: 'paid',
      voucherNumber: '记-2027-0001',
      paidBy: b.user.id,
      paidOn: today(),
    });
    const twice = await api()
      .post(`/tranches/${tranche.id}/pay`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '记-2027-0002', paidOn: today() })
      .expect(409);
    expect(twice.body).toMatchObject({
      reason: 'TRANCHE_ALREADY_PAID',
      message_zh: '本期资金已拨付（凭证号 记-2027-0001），不能重复付款',
    });

    const grant = (
      await api().get(`/grants/${grantIds[0]}`).set('authorization', fixture.funded[0].applicantAuth).expect(200)
    ).body;
    expect(grant).toMatchObject({
      paidFen: 1_500_000,
      nextTranche: { sequence: 2, state: 'planned', conditionText: { zh: '中期评估合格后' } },
    });
    expect((await auditOf(tranche.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['tranche.eligible', a.user.id],
      ['tranche.approve', a.user.id],
      ['tranche.pay', b.user.id],
    ]);
  });

  it('refuses a voucher another payment carries, whatever its letter case', async () => {
    const { fixture, grantIds } = await readyGrant([1_000_000, 800_000]);
    await payFirst(fixture, grantIds[0], 'JZ-2027-0100');
    const [second] = await tranchesOf(grantIds[1], fixture.clerks[0].auth);
    await api().post(`/tranches/${second.id}/approve`).set('authorization', fixture.clerks[0].auth).expect(200);
    const reused = await api()
      .post(`/tranches/${second.id}/pay`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ voucherNumber: 'jz-2027-0100', paidOn: today() })
      .expect(409);
    expect(reused.body).toMatchObject({ reason: 'VOUCHER_ALREADY_USED', field: 'voucherNumber' });
    expect((await served.db.getRepository(GrantTranche).findOneByOrFail({ id: second.id })).state).toBe('approved');
  });

  it('of two clerks approving one tranche at the same moment, one succeeds and the other is told why', async () => {
    const { fixture, grantIds } = await readyGrant();
    const third = await officeClerk(served.app);
    const [tranche] = await tranchesOf(grantIds[0], fixture.clerks[0].auth);
    const responses = await Promise.all(
      [fixture.clerks[0], third].map((clerk) =>
        api().post(`/tranches/${tranche.id}/approve`).set('authorization', clerk.auth),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)?.body.reason).toBe('TRANCHE_ALREADY_APPROVED');
    expect(await auditOf(tranche.id, 'tranche.approve')).toHaveLength(1);
  });

  it('of two clerks paying one tranche at the same moment, one succeeds and the other gets 409', async () => {
    const { fixture, grantIds } = await readyGrant();
    const third = await officeClerk(served.app);
    const [tranche] = await tranchesOf(grantIds[0], fixture.clerks[0].auth);
    await api().post(`/tranches/${tranche.id}/approve`).set('authorization', fixture.clerks[0].auth).expect(200);
    const responses = await Promise.all(
      [fixture.clerks[1], third].map((clerk, i) =>
        api()
          .post(`/tranches/${tranche.id}/pay`)
          .set('authorization', clerk.auth)
          .send({ voucherNumber: `并发-${tranche.id.slice(0, 8)}-${i}`, paidOn: today() }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)?.body.reason).toBe('TRANCHE_ALREADY_PAID');
    const stored = await served.db.getRepository(GrantTranche).findOneByOrFail({ id: tranche.id });
    expect(stored.voucherNumber).toBe(responses.find((r) => r.status === 200)?.body.voucherNumber);
    expect(await auditOf(tranche.id, 'tranche.pay')).toHaveLength(1);
  });

  it('of two payments typed with one voucher at the same moment, only one is recorded', async () => {
    const { fixture, grantIds } = await readyGrant([1_000_000, 900_000]);
    const firsts = await Promise.all(grantIds.map(async (id) => (await tranchesOf(id, fixture.clerks[0].auth))[0]));
    for (const tranche of firsts) {
      await api().post(`/tranches/${tranche.id}/approve`).set('authorization', fixture.clerks[0].auth).expect(200);
    }
    const voucher = `同号-${grantIds[0].slice(0, 8)}`;
    const responses = await Promise.all(
      firsts.map((tranche) =>
        api()
          .post(`/tranches/${tranche.id}/pay`)
          .set('authorization', fixture.clerks[1].auth)
          .send({ voucherNumber: voucher, paidOn: today() }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)?.body.reason).toBe('VOUCHER_ALREADY_USED');
    expect(await served.db.getRepository(GrantTranche).countBy({ voucherNumber: voucher })).toBe(1);
  });

  it('waits for the mid-term evaluation: the office records its decision with a reason, then the tranche is paid', async () => {
    const { fixture, grantIds } = await readyGrant();
    const [a, b] = fixture.clerks;
    const [, mid, last] = await payFirst(fixture, grantIds[0], `中期-${grantIds[0].slice(0, 8)}-1`);
    const early = await api().post(`/tranches/${mid.id}/approve`).set('authorization', a.auth).expect(409);
    expect(early.body).toMatchObject({
      reason: 'TRANCHE_NOT_ELIGIBLE',
      message_zh: '本期拨付条件尚未满足：中期评估合格后',
    });
    const outOfOrder = await api()
      .post(`/tranches/${last.id}/condition`)
      .set('authorization', a.auth)
      .send({ reason: '结项评估合格' })
      .expect(200);
    expect(outOfOrder.body.state).toBe('eligible');
    const order = await api().post(`/tranches/${last.id}/approve`).set('authorization', a.auth).expect(409);
    expect(order.body.reason).toBe('TRANCHE_OUT_OF_ORDER');

    const decided = await api()
      .post(`/tranches/${mid.id}/condition`)
      .set('authorization', a.auth)
      .send({ reason: '中期评估得分 82 分，评估合格' })
      .expect(200);
    expect(decided.body).toMatchObject({
      state: 'eligible',
      conditionEvidence: { kind: 'office-decision', by: a.user.id, reason: '中期评估得分 82 分，评估合格' },
    });
    const queue = await api()
      .get(`/tranches?competitionId=${fixture.competition.id}`)
      .set('authorization', b.auth)
      .expect(200);
    expect((queue.body.items as Tranche[]).map((t) => t.sequence)).toEqual([2, 3]);
    expect(queue.body.items[0]).toMatchObject({ agreementNumber: 'GYCT-2026-0001', grantPayee: PAYEE });
    await api().get('/tranches').set('authorization', fixture.funded[0].applicantAuth).expect(403);
    await api().post(`/tranches/${mid.id}/approve`).set('authorization', b.auth).expect(200);
    await api()
      .post(`/tranches/${mid.id}/pay`)
      .set('authorization', a.auth)
      .send({ voucherNumber: `中期-${grantIds[0].slice(0, 8)}-2`, paidOn: today() })
      .expect(200);
    const grant = (await api().get(`/grants/${grantIds[0]}`).set('authorization', a.auth).expect(200)).body;
    expect(grant).toMatchObject({ paidFen: 2_400_000, nextTranche: { sequence: 3, state: 'eligible' } });
  });

  it('suspends payments until resumed, and withholds a tranche; a grant completes once every tranche is settled', async () => {
    const { fixture, grantIds } = await readyGrant();
    const [a] = fixture.clerks;
    const id = grantIds[0];
    const [first, mid, last] = await tranchesOf(id, a.auth);
    await api()
      .post(`/grants/${id}/suspend`)
      .set('authorization', a.auth)
      .send({ reason: '账目不清，暂停拨付待整改' })
      .expect(200);
    const refused = await api().post(`/tranches/${first.id}/approve`).set('authorization', a.auth).expect(409);
    expect(refused.body.reason).toBe('GRANT_SUSPENDED');
    await api().post(`/grants/${id}/resume`).set('authorization', a.auth).send({ reason: '整改完毕' }).expect(200);
    await payFirst(fixture, id, `结项-${id.slice(0, 8)}`);

    const unsettled = await api().post(`/grants/${id}/complete`).set('authorization', a.auth).send({}).expect(409);
    expect(unsettled.body).toMatchObject({
      reason: 'GRANT_NOT_SETTLED',
      message_zh: '还有 2 期拨付未了结、0 笔退款未退回，全部了结后才能结项',
    });
    for (const tranche of [mid, last]) {
      await api()
        .post(`/tranches/${tranche.id}/withhold`)
        .set('authorization', a.auth)
        .send({ reason: '中期评估不合格，整改后仍不合格，停止拨付' })
        .expect(200);
    }
    const done = await api()
      .post(`/grants/${id}/complete`)
      .set('authorization', a.auth)
      .send({ reason: '项目结束' })
      .expect(200);
    expect(done.body).toMatchObject({ state: 'completed', paidFen: 1_500_000, nextTranche: null });
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'grant.create',
      'grant.payee',
      'grant.suspend',
      'grant.resume',
      'grant.complete',
    ]);
  });

  it('terminates: the unpaid tranches are cancelled and what was paid is due back within 30 days, until recorded returned', async () => {
    const { fixture, grantIds } = await readyGrant();
    const [a, b] = fixture.clerks;
    const id = grantIds[0];
    const [, mid] = await payFirst(fixture, id, `终止-${id.slice(0, 8)}`);
    const ended = await api()
      .post(`/grants/${id}/terminate`)
      .set('authorization', a.auth)
      .send({ reason: '项目负责人离职，项目无法继续实施', basis: 'unspent' })
      .expect(200);
    expect((ended.body.tranches as Tranche[]).map((t) => t.state)).toEqual(['paid', 'cancelled', 'cancelled']);
    expect(ended.body).toMatchObject({ state: 'terminated', refundDueFen: 1_500_000 });
    const [refund] = ended.body.refunds;
    expect(refund).toMatchObject({
      amountFen: 1_500_000,
      basis: 'unspent',
      state: 'open',
      dueOn: addDays(today(), 30),
      overdue: false,
    });
    expect((await auditOf(refund.id)).map((e) => e.action)).toEqual(['refund.open']);
    expect(await auditOf(mid.id, 'tranche.cancel')).toHaveLength(1);
    const closed = await api().post(`/tranches/${mid.id}/approve`).set('authorization', a.auth).expect(409);
    expect(closed.body.reason).toBe('GRANT_CLOSED');

    const early = await api()
      .post(`/refunds/${refund.id}/return`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '收-2027-0315', returnedOn: addDays(today(), -1) })
      .expect(400);
    expect(early.body).toMatchObject({ reason: 'RETURN_DATE_INVALID', field: 'returnedOn' });
    const returned = await api()
      .post(`/refunds/${refund.id}/return`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '收-2027-0315', returnedOn: today() })
      .expect(200);
    expect(returned.body).toMatchObject({ state: 'returned', voucherNumber: '收-2027-0315' });
    await api()
      .post(`/refunds/${refund.id}/return`)
      .set('authorization', b.auth)
      .send({ voucherNumber: '收-2027-0316', returnedOn: today() })
      .expect(409);
    expect((await served.db.getRepository(GrantRefund).findOneByOrFail({ id: refund.id })).recordedBy).toBe(b.user.id);
  });

  it('prints the payment notice with the amount in 大写 and exports the payments for finance (UTF-8 with BOM)', async () => {
    const { fixture, grantIds } = await readyGrant([1_500_000, 1_284_550]);
    const voucher = `记-${grantIds[0].slice(0, 8)}`;
    const [first, mid] = await payFirst(fixture, grantIds[0], voucher);
    const notice = await api()
      .get(`/tranches/${first.id}/notice.pdf`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(notice.headers['content-type']).toBe('application/pdf');
    const words = pdfWords(notice.body as Buffer);
    expect(words).toContain('资助资金拨付通知');
    expect(words).toContain('本期拨付（大写）：人民币柒仟伍佰元整');
    expect(words).toContain(`付款凭证号：${voucher}`);
    expect(words).toContain('银行账号：44520101040012345');
    const notYet = await api()
      .get(`/tranches/${mid.id}/notice.pdf`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(409);
    expect(notYet.body.reason).toBe('TRANCHE_NOT_APPROVED');
    await api()
      .get(`/tranches/${first.id}/notice.pdf`)
      .set('authorization', fixture.funded[1].applicantAuth)
      .expect(404);

    const csv = await api()
      .get(`/competitions/${fixture.competition.id}/payments.csv`)
      .set('authorization', fixture.clerks[1].auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF协议编号 / Agreement,')).toBe(true);
    const rows = text.trim().split('\r\n');
    expect(rows).toHaveLength(1 + 6);
    expect(rows[1]).toContain(`GYCT-2026-0001,`);
    expect(rows[1]).toContain(
      `,44520101040012345,第 1 期 / 1,协议签订后 / on signing the agreement,7500.00,人民币柒仟伍佰元整,已拨付 / Paid,${today()},${voucher},${today()}`,
    );
    expect(rows[6]).toContain(',2569.10,人民币贰仟伍佰陆拾玖元壹角整,待满足条件 / Planned,,,');
    await api()
      .get(`/competitions/${fixture.competition.id}/payments.csv`)
      .set('authorization', fixture.funded[0].applicantAuth)
      .expect(403);
  });

  it('keeps the ledger’s invariants in the database: the tranches add up, paid never exceeds the grant, two signatures, an audit row per money step', async () => {
    const { fixture, grantIds } = await readyGrant([2_000_003, 1_000_001]);
    for (const id of grantIds) {
      const [, mid] = await payFirst(fixture, id, `审计-${id.slice(0, 8)}`);
      await api()
        .post(`/tranches/${mid.id}/condition`)
        .set('authorization', fixture.clerks[1].auth)
        .send({ reason: '中期评估合格' })
        .expect(200);
      await api().post(`/tranches/${mid.id}/approve`).set('authorization', fixture.clerks[1].auth).expect(200);
      await api()
        .post(`/tranches/${mid.id}/pay`)
        .set('authorization', fixture.clerks[0].auth)
        .send({ voucherNumber: `审计-${id.slice(0, 8)}-2`, paidOn: today() })
        .expect(200);
    }
    for (const id of grantIds) {
      const grant = await served.db.getRepository(ProjectGrant).findOneByOrFail({ id });
      const tranches = await served.db.getRepository(GrantTranche).findBy({ grantId: id });
      expect(tranches.reduce((sum, t) => sum + t.amountFen, 0)).toBe(grant.amountFen);
      const paid = tranches.filter((t) => t.state === TrancheState.Paid);
      expect(paid.reduce((sum, t) => sum + t.amountFen, 0)).toBeLessThanOrEqual(grant.amountFen);
      for (const tranche of paid) {
        expect(tranche.approvedBy).not.toBe(tranche.paidBy);
        expect(tranche.conditionMetAt!.getTime()).toBeLessThanOrEqual(tranche.paidAt!.getTime());
        expect((await auditOf(tranche.id)).map((e) => e.action)).toEqual([
          'tranche.eligible',
          'tranche.approve',
          'tranche.pay',
        ]);
      }
    }
    const [paidTranche] = await served.db.getRepository(GrantTranche).findBy({ grantId: grantIds[0], sequence: 1 });
    await expect(
      served.db.query(`UPDATE grant_tranche SET paid_by = approved_by WHERE id = $1`, [paidTranche.id]),
    ).rejects.toThrow(/grant_tranche_two_signatures/);
    await expect(
      served.db.query(`UPDATE grant_tranche SET amount_fen = -1 WHERE id = $1`, [paidTranche.id]),
    ).rejects.toThrow(/check/);
  });
});
