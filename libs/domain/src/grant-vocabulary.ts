/**
 * The grants ledger's persisted values (docs/product.md "Beyond the award"), as the migrations'
 * CHECK constraints spell them: a grant per funded project from its signed agreement, its tranches,
 * the grantee's reports, budget changes and refunds. Spelled out, never renamed without a migration.
 */

export enum GrantState {
  Active = 'active',
  Suspended = 'suspended',
  Completed = 'completed',
  Terminated = 'terminated',
}

/** Where a grant came from: a competition's award (创投大赛) or an office's direct purchase (直接购买). */
export enum GrantSource {
  Competition = 'competition',
  DirectPurchase = 'direct-purchase',
}

export enum TrancheState {
  Planned = 'planned',
  Eligible = 'eligible',
  Approved = 'approved',
  Paid = 'paid',
  Withheld = 'withheld',
  Cancelled = 'cancelled',
}

export enum ReportKind {
  Monthly = 'monthly',
  MidTerm = 'mid-term',
  Final = 'final',
}

export enum ReportState {
  Draft = 'draft',
  Submitted = 'submitted',
  Returned = 'returned',
  Accepted = 'accepted',
}

export enum BudgetChangeState {
  Pending = 'pending',
  Approved = 'approved',
  Refused = 'refused',
}

export enum RefundState {
  Open = 'open',
  Returned = 'returned',
}

/** What a termination claws back: the paid money not covered by accepted spending, or all of it (breach). */
export enum RefundBasis {
  Unspent = 'unspent',
  Breach = 'breach',
}

export const AGREEMENT_LOCALES = ['zh', 'en'] as const;
export type AgreementLanguage = (typeof AGREEMENT_LOCALES)[number];

/**
 * When a tranche may be paid. `evaluation-passed` holds once an evaluation round of that stage
 * (or the re-evaluation after it) is passed, or the office records its decision with a reason, as
 * `milestone-accepted` does; `report-accepted` once the grantee's report of that kind is accepted; `date` from that
 * day on (Beijing time); `on-signing` once the office accepts the signed agreement.
 */
export type TrancheCondition =
  | { readonly kind: 'on-signing' }
  | { readonly kind: 'report-accepted'; readonly report: ReportKind.MidTerm | ReportKind.Final }
  | { readonly kind: 'evaluation-passed'; readonly stage: 'mid' | 'final' }
  | { readonly kind: 'milestone-accepted'; readonly milestone: number }
  | { readonly kind: 'date'; readonly date: string };

export type TrancheConditionKind = TrancheCondition['kind'];

export const TRANCHE_CONDITION_KINDS: readonly TrancheConditionKind[] = [
  'on-signing',
  'report-accepted',
  'evaluation-passed',
  'milestone-accepted',
  'date',
];

/** Conditions that hold on the office's recorded decision rather than on a fact the ledger sees itself. */
export const OFFICE_DECIDED_CONDITIONS: readonly TrancheConditionKind[] = ['evaluation-passed', 'milestone-accepted'];
