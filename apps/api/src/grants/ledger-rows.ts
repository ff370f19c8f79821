import { ConditionEvidence, GrantLedger, LedgerEvent, RefundLedger, TrancheLedger } from '@app/grants';
import { AuditRepository, GrantRefund, GrantTranche, ProjectGrant } from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';

// Between the stored rows and libs/grants' plain ledger values: the library decides, the rows keep.

export function grantLedger(grant: ProjectGrant): GrantLedger {
  return { id: grant.id, amountFen: grant.amountFen, state: grant.state, stateReason: grant.stateReason };
}

export function trancheLedger(t: GrantTranche): TrancheLedger {
  return {
    id: t.id,
    sequence: t.sequence,
    amountFen: t.amountFen,
    condition: t.condition,
    state: t.state,
    conditionMetAt: t.conditionMetAt,
    conditionEvidence: t.conditionEvidence as ConditionEvidence | null,
    approvedBy: t.approvedBy,
    approvedAt: t.approvedAt,
    payee: t.payee,
    voucherNumber: t.voucherNumber,
    paidOn: t.paidOn,
    paidBy: t.paidBy,
    paidAt: t.paidAt,
    closedReason: t.closedReason,
    closedBy: t.closedBy,
    closedAt: t.closedAt,
  };
}

/** The stored tranche with the ledger's decision written onto it; its labels and percent stay. */
export function trancheRow(
  stored: Pick<GrantTranche, 'grantId' | 'labelZh' | 'labelEn' | 'percent'>,
  t: TrancheLedger,
): GrantTranche {
  return {
    id: t.id,
    grantId: stored.grantId,
    sequence: t.sequence,
    labelZh: stored.labelZh,
    labelEn: stored.labelEn,
    percent: stored.percent,
    amountFen: t.amountFen,
    condition: t.condition,
    state: t.state,
    conditionMetAt: t.conditionMetAt,
    conditionEvidence: t.conditionEvidence,
    approvedBy: t.approvedBy,
    approvedAt: t.approvedAt,
    payee: t.payee,
    voucherNumber: t.voucherNumber,
    paidOn: t.paidOn,
    paidBy: t.paidBy,
    paidAt: t.paidAt,
    closedReason: t.closedReason,
    closedBy: t.closedBy,
    closedAt: t.closedAt,
  };
}

/** The rows among `next` that differ from what is stored, mapped back onto their stored rows. */
export function changedTranches(stored: readonly GrantTranche[], next: readonly TrancheLedger[]): GrantTranche[] {
  return next.flatMap((t) => {
    const row = stored.find((s) => s.id === t.id);
    if (!row) return [];
    const updated = trancheRow(row, t);
    return JSON.stringify(updated) === JSON.stringify(row) ? [] : [updated];
  });
}

export function refundLedger(r: GrantRefund): RefundLedger {
  return {
    id: r.id,
    amountFen: r.amountFen,
    basis: r.basis,
    state: r.state,
    openedAt: r.openedAt,
    dueOn: r.dueOn,
    returnedOn: r.returnedOn,
    voucherNumber: r.voucherNumber,
  };
}

/** Every audit row the ledger's step owes, in the step's transaction, as the acting person. */
export async function recordEvents(
  audit: AuditRepository,
  manager: EntityManager,
  actor: Actor,
  events: readonly LedgerEvent[],
): Promise<void> {
  for (const event of events) {
    await audit.record(
      {
        ...auditActor(actor),
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        before: event.before,
        after: event.after,
      },
      manager,
    );
  }
}
