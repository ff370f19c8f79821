import type { Bilingual } from './labels';

/**
 * Supervision after the award (项目监管): termination proposals and the sanctions a breach brings.
 * Persisted values, spelled out as the migrations' CHECK constraints list them.
 */

/** Why a grant is proposed for termination: what the system saw, or a breach of the agreement's clauses. */
export enum TerminationCause {
  /** The monthly checks' exit rule (辛店: three consecutive months below 6). */
  MonthlyChecks = 'monthly-checks',
  /** A second 不合格 (C) evaluation. */
  FailedEvaluation = 'failed-evaluation',
  FalseClaims = 'false-claims',
  Diversion = 'diversion',
  UnapprovedChanges = 'unapproved-changes',
  FailedRemediation = 'failed-remediation',
  /** The office terminated the grant directly on a breach without naming a clause. */
  AgreementBreach = 'agreement-breach',
}

/** The causes the office itself proposes, from the agreement's breach clauses. */
export const OFFICE_TERMINATION_CAUSES: readonly TerminationCause[] = [
  TerminationCause.FalseClaims,
  TerminationCause.Diversion,
  TerminationCause.UnapprovedChanges,
  TerminationCause.FailedRemediation,
];

export enum TerminationProposalState {
  Open = 'open',
  Confirmed = 'confirmed',
  Overridden = 'overridden',
}

/** How long a breach bars the organization from new projects unless the rules say otherwise. */
export const DEFAULT_SANCTION_YEARS = 3;

export const TERMINATION_CAUSE_LABELS: Readonly<Record<TerminationCause, Bilingual>> = {
  [TerminationCause.MonthlyChecks]: {
    zh: '月度考核连续不达标',
    en: 'Monthly checks below the line',
  },
  [TerminationCause.FailedEvaluation]: { zh: '评估两次不合格', en: 'Failed evaluation twice' },
  [TerminationCause.FalseClaims]: { zh: '虚报冒领', en: 'False claims' },
  [TerminationCause.Diversion]: { zh: '挪用资金', en: 'Diversion of funds' },
  [TerminationCause.UnapprovedChanges]: { zh: '擅自变更', en: 'Unapproved changes' },
  [TerminationCause.FailedRemediation]: { zh: '整改不合格', en: 'Failed remediation' },
  [TerminationCause.AgreementBreach]: { zh: '违反协议约定', en: 'Breach of the agreement' },
};

export const TERMINATION_PROPOSAL_STATE_LABELS: Readonly<Record<TerminationProposalState, Bilingual>> = {
  [TerminationProposalState.Open]: { zh: '待决定', en: 'Awaiting decision' },
  [TerminationProposalState.Confirmed]: { zh: '已确认终止', en: 'Termination confirmed' },
  [TerminationProposalState.Overridden]: { zh: '未采纳', en: 'Overridden' },
};

/** The supervision terms of a competition's rules (项目监管), frozen with the rest from the roadshow on. */
export interface SupervisionRules {
  /** Years a confirmed breach bars the organization from new submissions (限制申报). */
  readonly sanctionYears: number;
}
