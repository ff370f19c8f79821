import type {
  BundleComponent,
  ComponentSource,
  StoredAggregation,
  StoredCriterion,
  StoredNormalization,
} from '@app/scoring';
import type { EvaluationRules } from './evaluation-vocabulary';
import { AgreementLanguage, TrancheCondition } from './grant-vocabulary';
import { SupervisionRules } from './supervision-vocabulary';
import { JudgeGroup } from './vocabulary';

/**
 * A competition's rules as stored data (docs/product.md "Rules are data, not code"). Decimals are exact
 * decimal strings and money is integer fen, so the stored rules are the published rules.
 */
export type RubricCriterionRule = StoredCriterion;

export interface CategoryRule {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

export interface AggregationRule extends StoredAggregation {
  readonly groupWeights?: Readonly<Partial<Record<JudgeGroup, string>>>;
}

export type NormalizationRule = StoredNormalization;

export type { ComponentSource };
export const COMPONENT_SOURCES: readonly ComponentSource[] = ['roadshow', 'input', 'vote'];

/**
 * 评分构成 A part of the final score, as a result bundle states it: the roadshow's panel aggregate,
 * a value the office enters per project (preliminary round, document review, donations as points)
 * or the public vote as points; weighted (the weights add up to 1) or a capped bonus (博爱100's
 * fundraising bonus up to 50).
 */
export interface ScoreComponentRule extends BundleComponent {
  /** input only: the office enters directed donations in fen, and each `fenPerPoint` is one point. */
  readonly fenPerPoint?: number;
}

export interface TrancheRule {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly percent: number;
  /** What must hold before the tranche is paid; the labels say the same in words for the agreement. */
  readonly condition: TrancheCondition;
}

/** The grants ledger's terms (资助管理), frozen with the rest of the rules from the roadshow on. */
export interface GrantRules {
  /** Languages the agreement is rendered in; Chinese always, and the Chinese text governs. */
  readonly agreementLocales: readonly AgreementLanguage[];
  readonly reports: {
    /** Monthly progress reports, each due by `monthlyDueDay` of the following month. */
    readonly monthly: boolean;
    readonly monthlyDueDay: number;
    readonly midTerm: boolean;
    readonly final: boolean;
    /** The final report is due this many days after the project period ends. */
    readonly finalDueDays: number;
  };
  /** Days the grantee has to return money after a termination (退款). */
  readonly refundDays: number;
}

export interface CompetitionRules {
  readonly categories: readonly CategoryRule[];
  readonly rubric: readonly RubricCriterionRule[];
  readonly aggregation: AggregationRule;
  /** The parts of the final score; absent means the final score is the roadshow's. */
  readonly components?: readonly ScoreComponentRule[];
  /** Tie-breaks in order after the announced score; `id` is always last. */
  readonly tieBreaks: readonly string[];
  /** The allocation policy as the scoring engine reads it (rule, passScore, caps, quotas, ...). */
  readonly allocation: Readonly<Record<string, unknown>>;
  readonly maxRequestFen: number;
  readonly minRequestFen?: number;
  /** e.g. "0.6": a grant is at most 60% of the project's own budget. */
  readonly maxShareOfBudget?: string;
  readonly onePerOrganization: boolean;
  readonly tranches: readonly TrancheRule[];
  readonly grants: GrantRules;
  readonly supervision: SupervisionRules;
  readonly publicityDays: number;
  readonly pitchSeconds: number;
  /** Mid-term and final evaluations; rules saved before evaluations existed have none and read the preset's. */
  readonly evaluation?: EvaluationRules;
}

/**
 * What a grant is held to after it starts: its tranche plan, reports and refunds, supervision. A
 * competition's grants read them from the competition's rules; a direct purchase's grant keeps its
 * own, frozen when the office bought the order.
 */
export type GrantTerms = Pick<CompetitionRules, 'tranches' | 'grants' | 'supervision'>;
