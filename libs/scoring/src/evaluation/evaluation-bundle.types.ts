import type {
  BundleAggregation,
  BundleCriterion,
  BundleJudge,
  BundleRecusal,
  BundleSheet,
  ScoreBreakdown,
} from '../bundle/bundle.types';
import type { BandRule, StarGateOutcome, StarGateRule, StarRule } from './rating';

/**
 * The evaluation bundle: every input an evaluation round's results depend on, and the results, in
 * one JSON document `scoring verify` recomputes. Same conventions as the result bundle: decimals
 * as strings, lists in a stated order, nothing from a clock.
 */
export const EVALUATION_BUNDLE_FORMAT = 'gongyi-chuangtou/evaluation-bundle';
export const EVALUATION_BUNDLE_VERSION = 1;

/** The part of a competition's evaluation rules that decides a result, verbatim. */
export interface EvaluationBundleRules {
  readonly rubric: readonly BundleCriterion[];
  readonly markDecimals: number;
  readonly aggregation: BundleAggregation;
  /** Any order; the engine reads them from the highest minimum down. */
  readonly bands: readonly BandRule[];
  readonly stars: readonly StarRule[];
  readonly starGates: readonly StarGateRule[];
}

/** A funded project under evaluation; `id` is its grant. */
export interface EvaluationBundleProject {
  readonly id: string;
  readonly title: string;
  readonly organization: string;
  readonly community: string;
}

export interface EvaluationBundleInputs {
  readonly round: {
    readonly id: string;
    readonly competitionId: string;
    /** 'mid' | 'final' | 're-evaluation' */
    readonly stage: string;
    readonly rulesVersion: number;
  };
  readonly rules: EvaluationBundleRules;
  /** Ordered by id. */
  readonly projects: readonly EvaluationBundleProject[];
  /** The panel, ordered by seat; `group` is expert, department, media or resident. */
  readonly judges: readonly BundleJudge[];
  /** Ordered by project id, then seat. */
  readonly sheets: readonly BundleSheet[];
  /** Ordered by project id, then seat. */
  readonly recusals: readonly BundleRecusal[];
}

export interface EvaluationProjectResult {
  readonly projectId: string;
  /** Out of 100 with exactly the aggregation's decimals, e.g. "86.50". */
  readonly score: string;
  readonly band: string;
  /** 3, 4 or 5 as the rules list them; null when no level is reached or a gate withholds them. */
  readonly stars: number | null;
  readonly starGates: readonly StarGateOutcome[];
  /** In rubric points, as the engine aggregated the panel (groups, dropped marks, criterion means). */
  readonly breakdown: ScoreBreakdown;
}

export interface EvaluationResult {
  /** sha256 of the canonical JSON of the inputs. */
  readonly inputHash: string;
  /** Ordered by project id. */
  readonly projects: readonly EvaluationProjectResult[];
}

export interface EvaluationBundle {
  readonly format: typeof EVALUATION_BUNDLE_FORMAT;
  readonly version: typeof EVALUATION_BUNDLE_VERSION;
  readonly inputs: EvaluationBundleInputs;
  readonly result: EvaluationResult;
}
