import type { Rational } from '../rational';

/** A decimal as a plain-data rule or mark carries it: decimal text ("8.5") or a JavaScript number. */
export type DecimalInput = string | number;

/** 评分细则 one scored criterion; a judge's total is the sum of weight × points over criteria. */
export interface Criterion {
  readonly key: string;
  readonly label?: { readonly zh: string; readonly en: string };
  /** Highest mark a judge may give; the lowest is 0. */
  readonly maxPoints: DecimalInput;
  /** Multiplier of the mark in the judge's total; 1 when absent. */
  readonly weight?: DecimalInput;
}

/** A pass/fail criterion (e.g. 党建引领) reported beside the total, never added to it. */
export interface GateCriterion {
  readonly key: string;
  readonly label?: { readonly zh: string; readonly en: string };
}

export interface Rubric {
  readonly criteria: readonly Criterion[];
  readonly gates?: readonly GateCriterion[];
  /** Most decimal places a judge may enter for one criterion (0 for whole points, 1 for 8.5). */
  readonly markDecimals: number;
}

/** 评委 A judge on the panel; `seat` orders judges where a rule needs an order (equal extremes). */
export interface Judge {
  readonly id: string;
  readonly group?: string;
  readonly seat?: number;
  readonly affiliation?: string;
}

export interface Project {
  readonly id: string;
  /** Values of non-panel components (donations score, online vote, preliminary round…), by key. */
  readonly components?: Readonly<Record<string, DecimalInput | Rational>>;
}

/** One judge's marks for one project, criterion by criterion. */
export interface ScoreSheet {
  readonly projectId: string;
  readonly judgeId: string;
  readonly marks: Readonly<Record<string, DecimalInput>>;
  readonly gates?: Readonly<Record<string, boolean>>;
}

/** 回避 A judge who declared a conflict with a project; any sheet of theirs for it is ignored. */
export interface Recusal {
  readonly projectId: string;
  readonly judgeId: string;
}

export interface AggregationInput {
  readonly rubric: Rubric;
  readonly judges: readonly Judge[];
  readonly projects: readonly Project[];
  readonly sheets: readonly ScoreSheet[];
  readonly recusals?: readonly Recusal[];
}

/** How one panel (or one judge group) turns judges' totals into one number. */
export type CombineMethod =
  | { readonly kind: 'mean' }
  | { readonly kind: 'median' }
  | {
      readonly kind: 'trimmed-mean';
      /** k: how many highest and how many lowest totals are dropped. */
      readonly drop: number;
      /** Trim only while at least this many totals remain after dropping 2k. */
      readonly minRemaining: number;
      /** What to do with fewer judges: average all of them (recorded) or refuse. */
      readonly whenTooFew: 'mean' | 'error';
    };

export type CombineMethodKind = CombineMethod['kind'];

/**
 * Per-judge z-score normalization: z = (total − judge mean) / judge SD, rescaled to the pooled
 * mean and SD of all judges' totals and clamped into the rubric range, so a normalized total still
 * reads as rubric points.
 */
export interface ZScoreNormalization {
  readonly kind: 'z-score';
  readonly sd: 'population' | 'sample';
  /** Judges who scored fewer projects keep their raw totals (recorded). At least 2. */
  readonly minProjectsPerJudge: number;
}

export type Normalization = { readonly kind: 'none' } | ZScoreNormalization;

export interface JudgeGroupWeight {
  readonly group: string;
  readonly weight: DecimalInput;
}

/**
 * A part of the final score: the panel's aggregate or a value supplied per project. A weighted
 * part adds weight × value; an additive bonus (博爱100's fundraising bonus of up to 50) adds its
 * value up to the cap. Exactly one of `weight` and `bonusCap` is given.
 */
export interface ComponentWeight {
  readonly key: string;
  readonly source: 'panel' | 'input';
  readonly weight?: DecimalInput;
  readonly bonusCap?: DecimalInput;
}

export interface AggregationPolicy {
  readonly method: CombineMethod;
  readonly normalization?: Normalization;
  /** Judge groups and their weights; absent means one panel where every judge counts alike. */
  readonly groups?: readonly JudgeGroupWeight[];
  /** A weighted group with no scoring judge on a project: share its weight out, or refuse. */
  readonly missingGroup?: 'renormalize' | 'error';
  /** final = Σ weight × component + Σ capped bonuses; absent means the final score is the panel aggregate. */
  readonly components?: readonly ComponentWeight[];
  /** Decimal places of the published score; rounding is half-up, once, at the end. */
  readonly decimals: number;
  /** How judges' pass/fail marks decide a gate: 'majority' (more than half pass, the default) or all. */
  readonly gateRule?: 'unanimous' | 'majority';
  /** Fewer non-recused sheets than this on a project is an error. Defaults to 1. */
  readonly minJudgesPerProject?: number;
}

/** A score a trimmed mean left out, as combined (normalized where normalization applied). */
export interface DroppedScore {
  readonly judgeId: string;
  readonly score: string;
}

export interface GroupAggregate {
  readonly group: string;
  readonly weight: Rational;
  readonly value: Rational;
  /** The method actually applied (a trimmed mean that fell back reports 'mean'). */
  readonly method: CombineMethodKind;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
  /** Lowest first, in the order they were dropped (equal marks: earliest seat first). */
  readonly droppedLow: readonly DroppedScore[];
  /** Highest first (equal marks: latest seat first). */
  readonly droppedHigh: readonly DroppedScore[];
}

export interface ComponentValue {
  readonly key: string;
  readonly kind: 'weighted' | 'bonus';
  /** The weight of a weighted part; 1 for a bonus. */
  readonly weight: Rational;
  /** The component's value as entered (the panel's aggregate for the panel). */
  readonly value: Rational;
  /** What it adds to the final score: weight × value, or a bonus's value up to its cap. */
  readonly points: Rational;
}

export interface GateOutcome {
  readonly key: string;
  readonly passCount: number;
  readonly judgeCount: number;
  readonly passed: boolean;
}

export interface ProjectAggregate {
  readonly projectId: string;
  /** Exact final score before the one rounding. */
  readonly exact: Rational;
  /** Final score rounded half-up to the policy's decimals: the published number. */
  readonly rounded: Rational;
  /** `rounded` with exactly the policy's decimals, e.g. "86.50". */
  readonly display: string;
  readonly panel: Rational;
  readonly groups: readonly GroupAggregate[];
  /** Weighted groups that had no scoring judge on this project (their weight was shared out). */
  readonly missingGroups: readonly string[];
  readonly components: readonly ComponentValue[];
  /** Median of the non-recused judges' totals (normalized where normalization applied). */
  readonly median: Rational;
  /** The rubric's criterion keys, in rubric order (one array shared by every project). */
  readonly criterionKeys: readonly string[];
  /**
   * Per criterion (same order), the sum of the marks of every non-recused judge, in points. The
   * sum is taken in integer units and divided once, so String() of each number is the exact
   * decimal; divide by judgeCount for the criterion's mean.
   */
  readonly criterionSums: readonly number[];
  readonly gates: readonly GateOutcome[];
  readonly gatesPassed: boolean;
  /** Non-recused score sheets that counted (before any trimming). */
  readonly judgeCount: number;
  /** Judges whose sheets were ignored because they declared a conflict, in seat order. */
  readonly recused: readonly string[];
}

export interface JudgeNormalization {
  readonly judgeId: string;
  readonly projectCount: number;
  readonly mean: Rational;
  /** Standard deviation of the judge's raw totals (display only). */
  readonly sd: number;
  readonly applied: boolean;
  readonly reason: 'applied' | 'too-few-projects' | 'no-spread';
  /** sqrt(pooled variance / judge variance) as used, decimal text to 12 places; absent when not applied. */
  readonly ratio?: string;
}

export interface NormalizationReport {
  readonly kind: 'z-score';
  readonly sd: 'population' | 'sample';
  readonly pooledMean: Rational;
  readonly pooledSd: number;
  readonly judges: readonly JudgeNormalization[];
}

export interface AggregationResult {
  /** One entry per project, ordered by project id (code-unit order). */
  readonly projects: readonly ProjectAggregate[];
  readonly normalization?: NormalizationReport;
  readonly decimals: number;
}
