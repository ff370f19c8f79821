import { GrantLedger, LedgerEvent, RefundLedger, TrancheLedger } from '@app/grants';
import { AuditRepository, GrantRefund, GrantTranche, ProjectGrant } from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';

// Between the stored rows and libs/grants' plain ledger values: the library decides, the rows keep.

/** The agreement the grant started from: the competition's signed one, or the direct purchase's (the CHECK sets one). */
export function signedAgreementOf(grant: Pick<ProjectGrant, 'agreementId' | 'purchaseAgreementId'>): string {
  return grant.agreementId ?? grant.purchaseAgreementId ?? '';
}

export function grantLedger(grant: ProjectGrant): GrantLedger {
  return { id: grant.id, amountFen: grant.amountFen, state: grant.state, stateReason: grant.stateReason };
}

/** What the ledger decides about a tranche; its labels, percent and grant stay as stored. */
const TRANCHE_LEDGER_FIELDS = [
  'id',
  'sequence',
  'amountFen',
  'condition',
  'state',
  'conditionMetAt',
  'conditionEvidence',
  'approvedBy',
  'approvedAt',
  'payee',
  'voucherNumber',
  'paidOn',
  'paidBy',
  'paidAt',
  'closedReason',
  'closedBy',
  'closedAt',
] as const satisfies readonly (keyof TrancheLedger & keyof GrantTranche)[];

function ledgerFields(source: TrancheLedger | GrantTranche): TrancheLedger {
  return Object.fromEntries(TRANCHE_LEDGER_FIELDS.map((key) => [key, source[key]])) as unknown as TrancheLedger;
}

export function trancheLedger(t: GrantTranche): TrancheLedger {
  return ledgerFields(t);
}

/** The stored tranche with the ledger's decision written onto it; its labels and percent stay. */
export function trancheRow(
  stored: Pick<GrantTranche, 'grantId' | 'labelZh' | 'labelEn' | 'percent'>,
  t: TrancheLedger,
): GrantTranche {
  return { ...stored, ...ledgerFields(t) };
}

/** The rows among `next` whose ledger fields differ from what is stored, mapped back onto their stored rows. */
export function changedTranches(stored: readonly GrantTranche[], next: readonly TrancheLedger[]): GrantTranche[] {
  return next.flatMap((t) => {
    const row = stored.find((s) => s.id === t.id);
    if (!row) return [];
    const changed = TRANCHE_LEDGER_FIELDS.some((key) => JSON.stringify(row[key]) !== JSON.stringify(t[key]));
    return changed ? [trancheRow(row, t)] : [];
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
