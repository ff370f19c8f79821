/** Persisted values of the notice period and the agreements, as the migrations' CHECK constraints spell them. */

export const OBJECTION_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const AGREEMENT_STATUSES = ['generated', 'downloaded', 'signed', 'void'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
