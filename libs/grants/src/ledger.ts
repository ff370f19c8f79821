import { GrantState, GrantsErrors, RefundBasis, RefundState, TrancheCondition, TrancheState } from '@app/domain';
import { addDays, beijingDate, isIsoDate } from './calendar';
import { ConditionEvidence, ConditionFacts, describeCondition, evidenceFromFacts, isOfficeDecided } from './conditions';
import { sumFen } from './fen';
import { ScheduledTranche } from './schedule';

/** The bank account a tranche is paid to, as the grantee entered it (收款账户). */
export interface Payee {
  readonly accountName: string;
  readonly bankName: string;
  readonly accountNumber: string;
}

export interface GrantLedger {
  readonly id: string;
  readonly amountFen: number;
  readonly state: GrantState;
  readonly stateReason: string | null;
}

export interface TrancheLedger {
  readonly id: string;
  readonly sequence: number;
  readonly amountFen: number;
  readonly condition: TrancheCondition;
  readonly state: TrancheState;
  readonly conditionMetAt: Date | null;
  readonly conditionEvidence: ConditionEvidence | null;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  /** The account as it stood when the tranche was approved: what the payment goes to. */
  readonly payee: Payee | null;
  readonly voucherNumber: string | null;
  /** The day the money left, as on the voucher (YYYY-MM-DD). */
  readonly paidOn: string | null;
  readonly paidBy: string | null;
  readonly paidAt: Date | null;
  /** Why it was withheld or cancelled, who decided and when. */
  readonly closedReason: string | null;
  readonly closedBy: string | null;
  readonly closedAt: Date | null;
}

export interface RefundLedger {
  readonly id: string;
  readonly amountFen: number;
  readonly basis: RefundBasis;
  readonly state: RefundState;
  readonly openedAt: Date;
  readonly dueOn: string;
  readonly returnedOn: string | null;
  readonly voucherNumber: string | null;
}

/**
 * The audit names of the ledger's steps. They are a public contract (webhooks will carry them):
 * add names, never rename one.
 */
export const LedgerAction = {
  GrantCreate: 'grant.create',
  GrantPayee: 'grant.payee',
  GrantSuspend: 'grant.suspend',
  GrantResume: 'grant.resume',
  GrantComplete: 'grant.complete',
  GrantTerminate: 'grant.terminate',
  TrancheEligible: 'tranche.eligible',
  TrancheApprove: 'tranche.approve',
  TranchePay: 'tranche.pay',
  TrancheWithhold: 'tranche.withhold',
  TrancheCancel: 'tranche.cancel',
  RefundOpen: 'refund.open',
  RefundReturn: 'refund.return',
  ReportCreate: 'report.create',
  ReportUpdate: 'report.update',
  ReportSubmit: 'report.submit',
  ReportReturn: 'report.return',
  ReportAccept: 'report.accept',
  ReportAttach: 'report.attachment.add',
  ReportDetach: 'report.attachment.remove',
  BudgetChangeRequest: 'budget-change.request',
  BudgetChangeApprove: 'budget-change.approve',
  BudgetChangeRefuse: 'budget-change.refuse',
} as const;
export type LedgerAction = (typeof LedgerAction)[keyof typeof LedgerAction];

/** One audit row the caller writes in the same transaction as the change it describes. */
export interface LedgerEvent {
  readonly action: LedgerAction;
  readonly subjectType: 'grant' | 'tranche' | 'refund';
  readonly subjectId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

/** A step's new value and the audit rows it owes; a step that moves money always owes one. */
export interface Step<T> {
  readonly value: T;
  readonly events: readonly LedgerEvent[];
}

const OPEN_TRANCHE: readonly TrancheState[] = [TrancheState.Planned, TrancheState.Eligible, TrancheState.Approved];

const GRANT_MOVES: Readonly<Record<GrantState, readonly GrantState[]>> = {
  [GrantState.Active]: [GrantState.Suspended, GrantState.Completed, GrantState.Terminated],
  [GrantState.Suspended]: [GrantState.Active, GrantState.Terminated],
  [GrantState.Completed]: [],
  [GrantState.Terminated]: [],
};

function trancheEvent(
  action: LedgerAction,
  before: TrancheLedger,
  after: TrancheLedger,
  details: Record<string, unknown> = {},
): LedgerEvent {
  return {
    action,
    subjectType: 'tranche',
    subjectId: after.id,
    before: { state: before.state },
    after: { state: after.state, sequence: after.sequence, amountFen: after.amountFen, ...details },
  };
}

function grantEvent(action: LedgerAction, before: GrantLedger, after: GrantLedger, details = {}): LedgerEvent {
  return {
    action,
    subjectType: 'grant',
    subjectId: after.id,
    before: { state: before.state },
    after: { state: after.state, reason: after.stateReason, ...details },
  };
}

/** Money moves only on an active grant: a suspended one waits, a closed one never moves again. */
function assertMoneyMayMove(grant: GrantLedger): void {
  if (grant.state === GrantState.Suspended) throw GrantsErrors.grantSuspended();
  if (grant.state !== GrantState.Active) throw GrantsErrors.grantClosed(grant.state);
}

function assertGrantOpen(grant: GrantLedger): void {
  if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
    throw GrantsErrors.grantClosed(grant.state);
  }
}

function assertTrancheOpen(tranche: TrancheLedger): void {
  if (tranche.state === TrancheState.Paid) throw GrantsErrors.trancheAlreadyPaid(tranche.voucherNumber);
  if (tranche.state === TrancheState.Withheld || tranche.state === TrancheState.Cancelled) {
    throw GrantsErrors.trancheClosed(tranche.state);
  }
}

function eligible(tranche: TrancheLedger, evidence: ConditionEvidence, now: Date): TrancheLedger {
  return { ...tranche, state: TrancheState.Eligible, conditionMetAt: now, conditionEvidence: evidence };
}

function emptyTranche(id: string, scheduled: ScheduledTranche): TrancheLedger {
  return {
    id,
    sequence: scheduled.sequence,
    amountFen: scheduled.amountFen,
    condition: scheduled.condition,
    state: TrancheState.Planned,
    conditionMetAt: null,
    conditionEvidence: null,
    approvedBy: null,
    approvedAt: null,
    payee: null,
    voucherNumber: null,
    paidOn: null,
    paidBy: null,
    paidAt: null,
    closedReason: null,
    closedBy: null,
    closedAt: null,
  };
}

/**
 * Planned tranches whose condition now holds from the ledger's facts become eligible, each with
 * its evidence and audit row. A closed grant's tranches never do.
 */
export function promoteEligible(
  grant: GrantLedger,
  tranches: readonly TrancheLedger[],
  facts: ConditionFacts,
  now: Date,
): Step<TrancheLedger[]> {
  if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
    return { value: [...tranches], events: [] };
  }
  const events: LedgerEvent[] = [];
  const value = tranches.map((tranche) => {
    if (tranche.state !== TrancheState.Planned) return tranche;
    const evidence = evidenceFromFacts(tranche.condition, facts);
    if (!evidence) return tranche;
    const next = eligible(tranche, evidence, now);
    events.push(trancheEvent(LedgerAction.TrancheEligible, tranche, next, { evidence }));
    return next;
  });
  return { value, events };
}

/**
 * 立项签约: the grant of a project whose signed agreement the office accepted, with its tranches
 * from the schedule (ids given by the caller), those whose condition already holds made eligible.
 */
export function createGrant(
  grant: Omit<GrantLedger, 'state' | 'stateReason'>,
  schedule: readonly { readonly id: string; readonly scheduled: ScheduledTranche }[],
  facts: ConditionFacts,
  now: Date,
): Step<{ grant: GrantLedger; tranches: TrancheLedger[] }> {
  const created: GrantLedger = { ...grant, state: GrantState.Active, stateReason: null };
  const planned = schedule.map(({ id, scheduled }) => emptyTranche(id, scheduled));
  const promoted = promoteEligible(created, planned, facts, now);
  return {
    value: { grant: created, tranches: promoted.value },
    events: [
      {
        action: LedgerAction.GrantCreate,
        subjectType: 'grant',
        subjectId: created.id,
        before: null,
        after: {
          state: created.state,
          amountFen: created.amountFen,
          agreementId: facts.agreementId,
          tranches: planned.map((t) => ({
            id: t.id,
            sequence: t.sequence,
            amountFen: t.amountFen,
            condition: t.condition,
          })),
        },
      },
      ...promoted.events,
    ],
  };
}

/**
 * The office records that a condition it decides (a passed evaluation, an accepted milestone)
 * holds, with its reason; the tranche becomes eligible.
 */
export function decideCondition(
  grant: GrantLedger,
  tranche: TrancheLedger,
  by: string,
  reason: string,
  now: Date,
): Step<TrancheLedger> {
  assertGrantOpen(grant);
  assertTrancheOpen(tranche);
  if (tranche.state !== TrancheState.Planned) throw GrantsErrors.conditionAlreadyMet();
  if (!isOfficeDecided(tranche.condition)) {
    const words = describeCondition(tranche.condition);
    throw GrantsErrors.conditionNotOfficeDecided(words.zh, words.en);
  }
  const next = eligible(tranche, { kind: 'office-decision', by, reason }, now);
  return {
    value: next,
    events: [trancheEvent(LedgerAction.TrancheEligible, tranche, next, { evidence: next.conditionEvidence })],
  };
}

/**
 * The first of the two finance signatures (maker): the tranche's condition holds, every earlier
 * tranche is settled, the grant is active and the grantee has entered its account, which the
 * approval fixes for the payment. A planned tranche whose condition holds from the facts (a date
 * that has come) is made eligible on the way, with its own audit row.
 */
export function approveTranche(
  grant: GrantLedger,
  tranches: readonly TrancheLedger[],
  trancheId: string,
  by: string,
  payee: Payee | null,
  facts: ConditionFacts,
  now: Date,
): Step<TrancheLedger> {
  const tranche = tranches.find((t) => t.id === trancheId);
  if (!tranche) throw GrantsErrors.trancheNotFound();
  assertMoneyMayMove(grant);
  if (tranche.state === TrancheState.Approved) throw GrantsErrors.trancheAlreadyApproved();
  assertTrancheOpen(tranche);
  const earlier = tranches
    .filter((t) => t.sequence < tranche.sequence && OPEN_TRANCHE.includes(t.state))
    .sort((a, b) => a.sequence - b.sequence)[0];
  if (earlier) throw GrantsErrors.trancheOutOfOrder(earlier.sequence);
  const events: LedgerEvent[] = [];
  let ready = tranche;
  if (tranche.state === TrancheState.Planned) {
    const evidence = evidenceFromFacts(tranche.condition, facts);
    if (!evidence) {
      const words = describeCondition(tranche.condition);
      throw GrantsErrors.trancheNotEligible(words.zh, words.en);
    }
    ready = eligible(tranche, evidence, now);
    events.push(trancheEvent(LedgerAction.TrancheEligible, tranche, ready, { evidence }));
  }
  if (!payee) throw GrantsErrors.payeeMissing();
  const approved: TrancheLedger = {
    ...ready,
    state: TrancheState.Approved,
    approvedBy: by,
    approvedAt: now,
    payee: { ...payee },
  };
  events.push(trancheEvent(LedgerAction.TrancheApprove, ready, approved, { approvedBy: by, payee: approved.payee }));
  return { value: approved, events };
}

/**
 * The second signature (checker): the payment with its voucher, recorded by an account other than
 * the one that approved. The payment date lies between the approval and today (Beijing time).
 * That the voucher is used once is the database's to decide (a unique index), since two clerks
 * may type the same voucher on two tranches at the same moment.
 */
export function payTranche(
  grant: GrantLedger,
  tranche: TrancheLedger,
  by: string,
  voucherNumber: string,
  paidOn: string,
  now: Date,
): Step<TrancheLedger> {
  assertMoneyMayMove(grant);
  assertTrancheOpen(tranche);
  if (tranche.state !== TrancheState.Approved || !tranche.approvedAt)
    throw GrantsErrors.trancheNotApproved(tranche.state);
  if (tranche.approvedBy === by) throw GrantsErrors.sameAccountApproved();
  const earliest = beijingDate(tranche.approvedAt);
  const latest = beijingDate(now);
  if (!isIsoDate(paidOn) || paidOn < earliest || paidOn > latest) {
    throw GrantsErrors.paidDateInvalid(paidOn, earliest, latest);
  }
  const paid: TrancheLedger = { ...tranche, state: TrancheState.Paid, voucherNumber, paidOn, paidBy: by, paidAt: now };
  return {
    value: paid,
    events: [
      trancheEvent(LedgerAction.TranchePay, tranche, paid, {
        voucherNumber,
        paidOn,
        paidBy: by,
        approvedBy: tranche.approvedBy,
      }),
    ],
  };
}

/** 停止拨付: the office decides a tranche will not be paid (a failed evaluation), with its reason. */
export function withholdTranche(
  grant: GrantLedger,
  tranche: TrancheLedger,
  by: string,
  reason: string,
  now: Date,
): Step<TrancheLedger> {
  assertGrantOpen(grant);
  assertTrancheOpen(tranche);
  const withheld: TrancheLedger = {
    ...tranche,
    state: TrancheState.Withheld,
    closedReason: reason,
    closedBy: by,
    closedAt: now,
  };
  return { value: withheld, events: [trancheEvent(LedgerAction.TrancheWithhold, tranche, withheld, { reason })] };
}

function moveGrant(grant: GrantLedger, to: GrantState, reason: string | null): GrantLedger {
  if (!GRANT_MOVES[grant.state].includes(to)) throw GrantsErrors.grantMoveNotAllowed(grant.state, to);
  return { ...grant, state: to, stateReason: reason };
}

/** 暂停拨付: no tranche is approved or paid until the grant is resumed. */
export function suspendGrant(grant: GrantLedger, reason: string): Step<GrantLedger> {
  const next = moveGrant(grant, GrantState.Suspended, reason);
  return { value: next, events: [grantEvent(LedgerAction.GrantSuspend, grant, next)] };
}

export function resumeGrant(grant: GrantLedger, reason: string): Step<GrantLedger> {
  const next = moveGrant(grant, GrantState.Active, reason);
  return { value: next, events: [grantEvent(LedgerAction.GrantResume, grant, next)] };
}

/** 结项: every tranche settled (paid, withheld or cancelled) and every refund returned. */
export function completeGrant(
  grant: GrantLedger,
  tranches: readonly TrancheLedger[],
  refunds: readonly RefundLedger[],
  reason: string | null,
): Step<GrantLedger> {
  const next = moveGrant(grant, GrantState.Completed, reason);
  const openTranches = tranches.filter((t) => OPEN_TRANCHE.includes(t.state)).length;
  const openRefunds = refunds.filter((r) => r.state === RefundState.Open).length;
  if (openTranches > 0 || openRefunds > 0) throw GrantsErrors.grantNotSettled(openTranches, openRefunds);
  return { value: next, events: [grantEvent(LedgerAction.GrantComplete, grant, next, { paidFen: paidFen(tranches) })] };
}

export function paidFen(tranches: readonly Pick<TrancheLedger, 'amountFen' | 'state'>[]): number {
  return sumFen(tranches.filter((t) => t.state === TrancheState.Paid).map((t) => t.amountFen));
}

/**
 * What a termination claws back: everything paid on a breach (虚报冒领、挪用…), otherwise what was
 * paid beyond the grant spending that accepted reports show. Never negative, never above what was paid.
 */
export function refundDue(paid: number, acceptedGrantSpendingFen: number, basis: RefundBasis): number {
  if (basis === RefundBasis.Breach) return paid;
  return Math.max(0, paid - Math.min(paid, acceptedGrantSpendingFen));
}

export interface TerminationTerms {
  readonly refundId: string;
  readonly basis: RefundBasis;
  readonly acceptedGrantSpendingFen: number;
  /** From the rules: days the grantee has to return the money. */
  readonly refundDays: number;
  readonly reason: string;
  readonly by: string;
  readonly now: Date;
}

/**
 * 终止: the grant ends, every unpaid tranche is cancelled and, where money is to come back, a
 * refund is opened, due within the rules' days. Each change has its audit row.
 */
export function terminateGrant(
  grant: GrantLedger,
  tranches: readonly TrancheLedger[],
  terms: TerminationTerms,
): Step<{ grant: GrantLedger; tranches: TrancheLedger[]; refund: RefundLedger | null }> {
  const next = moveGrant(grant, GrantState.Terminated, terms.reason);
  const events: LedgerEvent[] = [];
  const value = tranches.map((tranche) => {
    if (!OPEN_TRANCHE.includes(tranche.state)) return tranche;
    const cancelled: TrancheLedger = {
      ...tranche,
      state: TrancheState.Cancelled,
      closedReason: terms.reason,
      closedBy: terms.by,
      closedAt: terms.now,
    };
    events.push(trancheEvent(LedgerAction.TrancheCancel, tranche, cancelled, { reason: terms.reason }));
    return cancelled;
  });
  const paid = paidFen(value);
  const amount = refundDue(paid, terms.acceptedGrantSpendingFen, terms.basis);
  const refund: RefundLedger | null =
    amount > 0
      ? {
          id: terms.refundId,
          amountFen: amount,
          basis: terms.basis,
          state: RefundState.Open,
          openedAt: terms.now,
          dueOn: addDays(beijingDate(terms.now), terms.refundDays),
          returnedOn: null,
          voucherNumber: null,
        }
      : null;
  events.unshift(
    grantEvent(LedgerAction.GrantTerminate, grant, next, {
      basis: terms.basis,
      paidFen: paid,
      acceptedGrantSpendingFen: terms.acceptedGrantSpendingFen,
      refundFen: amount,
    }),
  );
  if (refund) {
    events.push({
      action: LedgerAction.RefundOpen,
      subjectType: 'refund',
      subjectId: refund.id,
      before: null,
      after: {
        grantId: grant.id,
        state: refund.state,
        amountFen: refund.amountFen,
        basis: refund.basis,
        dueOn: refund.dueOn,
      },
    });
  }
  return { value: { grant: next, tranches: value, refund }, events };
}

/** The grantee's money is back: recorded with the receipt's number and the day it arrived. */
export function returnRefund(
  refund: RefundLedger,
  voucherNumber: string,
  returnedOn: string,
  now: Date,
): Step<RefundLedger> {
  if (refund.state === RefundState.Returned) throw GrantsErrors.refundAlreadyReturned();
  const earliest = beijingDate(refund.openedAt);
  const latest = beijingDate(now);
  if (!isIsoDate(returnedOn) || returnedOn < earliest || returnedOn > latest) {
    throw GrantsErrors.returnDateInvalid(returnedOn, earliest, latest);
  }
  const returned: RefundLedger = { ...refund, state: RefundState.Returned, returnedOn, voucherNumber };
  return {
    value: returned,
    events: [
      {
        action: LedgerAction.RefundReturn,
        subjectType: 'refund',
        subjectId: refund.id,
        before: { state: refund.state },
        after: { state: returned.state, amountFen: refund.amountFen, voucherNumber, returnedOn },
      },
    ],
  };
}

/**
 * The ledger's invariants, as an auditor would check them: the tranches add up to the grant,
 * no more is paid than granted, no tranche is paid before its condition held or by the account
 * that approved it, and no refund asks back more than was paid. Empty when all hold.
 */
export function ledgerViolations(
  grant: GrantLedger,
  tranches: readonly TrancheLedger[],
  refunds: readonly RefundLedger[],
): string[] {
  const problems: string[] = [];
  const total = sumFen(tranches.map((t) => t.amountFen));
  if (total !== grant.amountFen) problems.push(`tranches add up to ${total}, the grant is ${grant.amountFen}`);
  const paid = paidFen(tranches);
  if (paid > grant.amountFen) problems.push(`paid ${paid} exceeds the grant ${grant.amountFen}`);
  for (const t of tranches) {
    if (t.amountFen < 0) problems.push(`tranche ${t.sequence} is negative`);
    if (t.state !== TrancheState.Paid) continue;
    if (!t.conditionMetAt || !t.paidAt || t.conditionMetAt > t.paidAt) {
      problems.push(`tranche ${t.sequence} was paid before its condition held`);
    }
    if (!t.approvedBy || t.approvedBy === t.paidBy) problems.push(`tranche ${t.sequence} lacks a second signature`);
    if (!t.voucherNumber) problems.push(`tranche ${t.sequence} was paid without a voucher`);
  }
  const refunded = sumFen(refunds.map((r) => r.amountFen));
  if (refunded > paid) problems.push(`refunds ${refunded} exceed what was paid, ${paid}`);
  return problems;
}
