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

/** A monthly check's score is out of this many points; the checklist's items add up to it. */
export const MONTHLY_CHECK_TOTAL = 10;

/** One item of the monthly checklist (月度考核细则), e.g. 在岗 presence, 3 points. */
export interface MonthlyCheckItem {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly points: number;
}

/** 退出规则: `consecutive` calendar months in a row scored below `below` propose the grant's exit. */
export interface ExitRule {
  readonly below: number;
  readonly consecutive: number;
}

export interface MonthlyCheckRules {
  readonly checklist: readonly MonthlyCheckItem[];
  readonly exit: ExitRule;
}

/**
 * 申报资格: what an organization must meet to create or submit a submission. Each rule is one
 * field; a competition's rules switch each on or give its limit.
 */
export interface EligibilityRules {
  readonly noActiveSanction: boolean;
  readonly noOverdueReport: boolean;
  /** At most this many grants still running (active or suspended); null: no limit. */
  readonly maxActiveGrants: number | null;
  /**
   * No failing band (不合格, C by default) among the organization's last this many evaluation
   * results (侯家塘: evaluations decide who may take projects); null: evaluations do not bar.
   */
  readonly noFailedEvaluationInLast: number | null;
}

/** The supervision terms of a competition's rules (项目监管), frozen with the rest from the roadshow on. */
export interface SupervisionRules {
  /** Years a confirmed breach bars the organization from new submissions (限制申报). */
  readonly sanctionYears: number;
  /** null: the competition's grants have no monthly checks. */
  readonly monthlyChecks: MonthlyCheckRules | null;
  readonly eligibility: EligibilityRules;
}

/** 辛店's monthly checklist: plan, summary, presence and upkeep of the service site, out of 10; exit after 3 months below 6. */
export const XINDIAN_MONTHLY_CHECKS: MonthlyCheckRules = {
  checklist: [
    { key: 'plan', labelZh: '月度计划', labelEn: 'Monthly plan', points: 2 },
    { key: 'summary', labelZh: '月度总结', labelEn: 'Monthly summary', points: 2 },
    { key: 'presence', labelZh: '人员在岗', labelEn: 'Staff present', points: 3 },
    { key: 'upkeep', labelZh: '阵地维护', labelEn: 'Upkeep of the service site', points: 3 },
  ],
  exit: { below: 6, consecutive: 3 },
};

/** The usual terms: a three-year bar, 辛店's monthly checks, and no new project while barred or late with a report. */
export const USUAL_SUPERVISION: SupervisionRules = {
  sanctionYears: DEFAULT_SANCTION_YEARS,
  monthlyChecks: XINDIAN_MONTHLY_CHECKS,
  eligibility: { noActiveSanction: true, noOverdueReport: true, maxActiveGrants: null, noFailedEvaluationInLast: 2 },
};
