import { GrantState, GrantsRefusal, RefundBasis, RefundState, ReportKind, TrancheState } from '@app/domain';
import { PAYEE, SIGNED_AT, factsOn, refusalOf, signedGrant } from '../test/ledger.factory';
import { trancheStateToday } from './conditions';
import {
  LedgerAction,
  approveTranche,
  completeGrant,
  decideCondition,
  ledgerViolations,
  payTranche,
  promoteEligible,
  refundDue,
  resumeGrant,
  returnRefund,
  suspendGrant,
  terminateGrant,
  withholdTranche,
} from './ledger';

const LATER = new Date('2027-01-06T03:00:00Z');

describe('the grants ledger', () => {
  it('makes the on-signing tranche eligible when the grant is created, with the signing as evidence', () => {
    const { grant, tranches } = signedGrant();
    expect(grant.state).toBe(GrantState.Active);
    expect(tranches.map((t) => t.state)).toEqual(['eligible', 'planned', 'planned']);
    expect(tranches[0]).toMatchObject({ conditionMetAt: SIGNED_AT, conditionEvidence: { kind: 'signing' } });
  });

  it('pays a tranche with two signatures: one account approves, another records the voucher', () => {
    const { grant, tranches } = signedGrant();
    const approved = approveTranche(grant, tranches, 't1', 'clerk-a', PAYEE, factsOn('2027-01-06'), LATER);
    expect(approved.value).toMatchObject({ state: 'approved', approvedBy: 'clerk-a', payee: PAYEE });
    expect(approved.events.map((e) => e.action)).toEqual([LedgerAction.TrancheApprove]);
    const paid = payTranche(grant, approved.value, 'clerk-b', 'JZ-2027-0001', '2027-01-06', LATER);
    expect(paid.value).toMatchObject({ state: 'paid', voucherNumber: 'JZ-2027-0001', paidBy: 'clerk-b' });
    expect(paid.events[0]).toMatchObject({ action: 'tranche.pay', subjectId: 't1', before: { state: 'approved' } });
  });

  it('refuses the approver recording the payment, and a second approval or payment of the same tranche', () => {
    const { grant, tranches } = signedGrant();
    const approved = approveTranche(grant, tranches, 't1', 'clerk-a', PAYEE, factsOn('2027-01-06'), LATER).value;
    expect(refusalOf(() => payTranche(grant, approved, 'clerk-a', 'JZ-1', '2027-01-06', LATER))).toMatchObject({
      reason: GrantsRefusal.SameAccountApproved,
      code: 'FORBIDDEN',
    });
    const after = tranches.map((t) => (t.id === 't1' ? approved : t));
    expect(
      refusalOf(() => approveTranche(grant, after, 't1', 'clerk-c', PAYEE, factsOn('2027-01-06'), LATER)).reason,
    ).toBe(GrantsRefusal.TrancheAlreadyApproved);
    const paid = payTranche(grant, approved, 'clerk-b', 'JZ-1', '2027-01-06', LATER).value;
    expect(refusalOf(() => payTranche(grant, paid, 'clerk-c', 'JZ-2', '2027-01-06', LATER))).toMatchObject({
      reason: GrantsRefusal.TrancheAlreadyPaid,
      messageZh: '本期资金已拨付（凭证号 JZ-1），不能重复付款',
    });
  });

  it('refuses a payment before the approval, and a payment date before the approval or in the future', () => {
    const { grant, tranches } = signedGrant();
    expect(refusalOf(() => payTranche(grant, tranches[0], 'clerk-b', 'JZ-1', '2027-01-06', LATER)).reason).toBe(
      GrantsRefusal.TrancheNotApproved,
    );
    const approved = approveTranche(grant, tranches, 't1', 'clerk-a', PAYEE, factsOn('2027-01-06'), LATER).value;
    for (const day of ['2027-01-05', '2027-01-07', '2027-02-30']) {
      expect(refusalOf(() => payTranche(grant, approved, 'clerk-b', 'JZ-1', day, LATER))).toMatchObject({
        reason: GrantsRefusal.PaidDateInvalid,
        field: 'paidOn',
      });
    }
  });

  it('refuses a tranche whose condition does not hold, naming the condition', () => {
    const { grant, tranches } = signedGrant();
    const paidFirst = tranches.map((t) => (t.id === 't1' ? { ...t, state: TrancheState.Paid } : t));
    expect(
      refusalOf(() => approveTranche(grant, paidFirst, 't2', 'clerk-a', PAYEE, factsOn('2027-06-01'), LATER)),
    ).toMatchObject({
      reason: GrantsRefusal.TrancheNotEligible,
      messageZh: '本期拨付条件尚未满足：中期评估合格后',
    });
  });

  it('pays in order: the mid-term tranche waits for the first', () => {
    const { grant, tranches } = signedGrant();
    const decided = decideCondition(grant, tranches[1], 'clerk-a', '中期评估合格（82 分）', LATER).value;
    const next = [tranches[0], decided, tranches[2]];
    expect(
      refusalOf(() => approveTranche(grant, next, 't2', 'clerk-a', PAYEE, factsOn('2027-06-01'), LATER)),
    ).toMatchObject({
      reason: GrantsRefusal.TrancheOutOfOrder,
      messageZh: '第 1 期尚未拨付或了结，各期须按顺序拨付',
    });
  });

  it('makes an office-decided condition eligible with the decision as evidence, and refuses deciding a factual one', () => {
    const { grant, tranches } = signedGrant();
    const decided = decideCondition(grant, tranches[1], 'clerk-a', '中期评估合格', LATER);
    expect(decided.value).toMatchObject({
      state: 'eligible',
      conditionEvidence: { kind: 'office-decision', by: 'clerk-a', reason: '中期评估合格' },
    });
    expect(decided.events[0].action).toBe('tranche.eligible');
    expect(refusalOf(() => decideCondition(grant, tranches[0], 'clerk-a', 'x', LATER)).reason).toBe(
      GrantsRefusal.ConditionAlreadyMet,
    );
    const byReport = signedGrant(1_000_000, [
      { labelZh: '首期', labelEn: 'First', percent: 60, condition: { kind: 'on-signing' } },
      {
        labelZh: '尾款',
        labelEn: 'Final',
        percent: 40,
        condition: { kind: 'report-accepted', report: ReportKind.Final },
      },
    ]);
    expect(refusalOf(() => decideCondition(byReport.grant, byReport.tranches[1], 'clerk-a', 'x', LATER))).toMatchObject(
      {
        reason: GrantsRefusal.ConditionNotOfficeDecided,
        messageZh: '本期条件「结项报告审核通过后」由系统依据事实判定，不能人工确认',
      },
    );
  });

  it('makes the tranche waiting on an evaluation eligible once that stage is passed, with the result as evidence', () => {
    const { grant, tranches } = signedGrant();
    const passedFinal = [{ roundId: 'round-final', stage: 'final' as const, score: '88.50', band: 'A' }];
    const early = promoteEligible(grant, tranches, factsOn('2027-06-01', [], passedFinal), LATER);
    expect(early.value.map((t) => t.state)).toEqual(['eligible', 'planned', 'eligible']);
    const passedMid = [{ roundId: 'round-mid', stage: 'mid' as const, score: '72.00', band: 'B' }];
    const promoted = promoteEligible(grant, tranches, factsOn('2027-06-01', [], passedMid), LATER);
    expect(promoted.value[1]).toMatchObject({
      state: 'eligible',
      conditionEvidence: { kind: 'evaluation', roundId: 'round-mid', stage: 'mid', score: '72.00', band: 'B' },
    });
    expect(promoted.value[2].state).toBe('planned');
    expect(promoted.events.map((event) => event.action)).toEqual(['tranche.eligible']);
  });

  it('makes report and date conditions eligible from the facts', () => {
    const { grant, tranches } = signedGrant(1_000_000, [
      { labelZh: '首期', labelEn: 'First', percent: 40, condition: { kind: 'on-signing' } },
      {
        labelZh: '二期',
        labelEn: 'Second',
        percent: 30,
        condition: { kind: 'report-accepted', report: ReportKind.MidTerm },
      },
      { labelZh: '尾款', labelEn: 'Final', percent: 30, condition: { kind: 'date', date: '2027-12-01' } },
    ]);
    const promoted = promoteEligible(
      grant,
      tranches,
      factsOn('2027-12-01', [{ id: 'r1', kind: ReportKind.MidTerm }]),
      LATER,
    );
    expect(promoted.value.map((t) => t.conditionEvidence?.kind)).toEqual(['signing', 'report', 'date']);
    expect(promoted.events.map((e) => e.subjectId)).toEqual(['t2', 't3']);
  });

  it('suspends payments and resumes them; a closed grant moves no money', () => {
    const { grant, tranches } = signedGrant();
    const suspended = suspendGrant(grant, '中期检查发现账目不清').value;
    expect(
      refusalOf(() => approveTranche(suspended, tranches, 't1', 'a', PAYEE, factsOn('2027-01-06'), LATER)).reason,
    ).toBe(GrantsRefusal.GrantSuspended);
    expect(resumeGrant(suspended, '整改完毕').value.state).toBe(GrantState.Active);
    expect(refusalOf(() => resumeGrant(grant, 'x'))).toMatchObject({ reason: GrantsRefusal.GrantMoveNotAllowed });
  });

  it('refuses approval until the grantee has entered its bank account', () => {
    const { grant, tranches } = signedGrant();
    expect(refusalOf(() => approveTranche(grant, tranches, 't1', 'a', null, factsOn('2027-01-06'), LATER)).reason).toBe(
      GrantsRefusal.PayeeMissing,
    );
  });

  it('terminates: cancels the unpaid tranches and opens a refund of what accepted spending does not cover', () => {
    const { grant, tranches } = signedGrant(3_000_000);
    const approved = approveTranche(grant, tranches, 't1', 'a', PAYEE, factsOn('2027-01-06'), LATER).value;
    const paid = payTranche(grant, approved, 'b', 'JZ-1', '2027-01-06', LATER).value;
    const terminated = terminateGrant(grant, [paid, tranches[1], tranches[2]], {
      refundId: 'refund-1',
      basis: RefundBasis.Unspent,
      acceptedGrantSpendingFen: 400_000,
      refundDays: 30,
      reason: '项目负责人离职，项目无法继续',
      by: 'a',
      now: new Date('2027-03-01T02:00:00Z'),
    });
    expect(terminated.value.tranches.map((t) => t.state)).toEqual(['paid', 'cancelled', 'cancelled']);
    expect(terminated.value.refund).toMatchObject({
      amountFen: 1_100_000,
      dueOn: '2027-03-31',
      state: RefundState.Open,
    });
    expect(terminated.events.map((e) => e.action)).toEqual([
      'grant.terminate',
      'tranche.cancel',
      'tranche.cancel',
      'refund.open',
    ]);
    const returned = returnRefund(
      terminated.value.refund!,
      'SK-2027-0007',
      '2027-03-20',
      new Date('2027-03-21T02:00:00Z'),
    );
    expect(returned.value.state).toBe(RefundState.Returned);
    expect(refusalOf(() => returnRefund(returned.value, 'SK-2', '2027-03-20', LATER)).reason).toBe(
      GrantsRefusal.RefundAlreadyReturned,
    );
  });

  it('asks back everything paid on a breach, nothing beyond it, and no refund when spending covers it', () => {
    expect(refundDue(1_500_000, 400_000, RefundBasis.Breach)).toBe(1_500_000);
    expect(refundDue(1_500_000, 2_000_000, RefundBasis.Unspent)).toBe(0);
    expect(refundDue(1_500_000, 1_499_999, RefundBasis.Unspent)).toBe(1);
  });

  it('completes only a settled grant', () => {
    const { grant, tranches } = signedGrant();
    expect(refusalOf(() => completeGrant(grant, tranches, [], null))).toMatchObject({
      reason: GrantsRefusal.GrantNotSettled,
      messageZh: '还有 3 期拨付未了结、0 笔退款未退回，全部了结后才能结项',
    });
    const settled = tranches.map((t) => withholdTranche(grant, t, 'a', '结项评估不合格', LATER).value);
    expect(completeGrant(grant, settled, [], '项目结束').value.state).toBe(GrantState.Completed);
  });

  it('names the broken invariants of a corrupted ledger', () => {
    const { grant, tranches } = signedGrant(3_000_000);
    const paidEarly = tranches.map((t, i) =>
      i === 1 ? { ...t, state: TrancheState.Paid, paidAt: LATER, approvedBy: 'a', paidBy: 'a', voucherNumber: 'x' } : t,
    );
    expect(ledgerViolations({ ...grant, amountFen: 2_999_999 }, paidEarly, [])).toEqual([
      'tranches add up to 3000000, the grant is 2999999',
      'tranche 2 was paid before its condition held',
      'tranche 2 lacks a second signature',
    ]);
  });
});

describe('trancheStateToday', () => {
  it('reads a planned tranche whose date has come as eligible, and leaves every other as stored', () => {
    const dated = { state: TrancheState.Planned, condition: { kind: 'date' as const, date: '2027-12-01' } };
    expect(trancheStateToday(dated, '2027-11-30')).toBe('planned');
    expect(trancheStateToday(dated, '2027-12-01')).toBe('eligible');
    const mid = {
      state: TrancheState.Planned,
      condition: { kind: 'evaluation-passed' as const, stage: 'mid' as const },
    };
    expect(trancheStateToday(mid, '2030-01-01')).toBe('planned');
  });
});
