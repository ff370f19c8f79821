import type { AllocationReason, AllocationStatus } from '../allocate';
import type { IccForm } from '../agreement';

/**
 * The result bundle: every input a ranking-and-allocation result depends on, and the result, in
 * one JSON document that anyone can recompute with libs/scoring (`scoring verify`).
 *
 * Conventions, so that the JSON is canonical and a hash of it is stable: decimals (marks, weights,
 * scores, shares) are strings, money is whole fen as JSON integers, no other non-integer number
 * appears, lists have a stated order, and no field depends on a clock or on which run computed it.
 */
export const RESULT_BUNDLE_FORMAT = 'gongyi-chuangtou/result-bundle';
export const RESULT_BUNDLE_VERSION = 2;
/** Versions `scoring verify` reads: 1 has no components, normalization or affiliation bias. */
export const RESULT_BUNDLE_VERSIONS: readonly number[] = [1, 2];

/** 评分细则 one criterion of the rubric, as the competition's rules state it. */
export interface BundleCriterion {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly maxPoints: string;
  readonly weight: string;
  /** Pass/fail (e.g. 党建引领): reported, never added to the total; failing it excludes from funding. */
  readonly gate: boolean;
}

export interface BundleAggregation {
  readonly method: 'mean' | 'median' | 'trimmed-mean';
  /** trimmed-mean: how many highest and how many lowest totals are dropped (default 1). */
  readonly drop?: number;
  /** trimmed-mean: trim only while at least this many totals remain; with fewer, all count. */
  readonly minJudgesAfterTrim?: number;
  /** Decimal places of the published score, rounded half-up once at the end. */
  readonly decimals: number;
  /** Judge group → weight; absent means one panel where every judge counts alike. */
  readonly groupWeights?: Readonly<Record<string, string>>;
  /** Per-judge z-score normalization of the roadshow's totals; absent means none (v2). */
  readonly normalization?: BundleNormalization;
  /** A judge whose affiliation bias exceeds this many points is flagged, never excluded (v2). */
  readonly biasThreshold?: string;
}

export interface BundleNormalization {
  readonly kind: 'z-score';
  readonly sd: 'sample' | 'population';
  readonly minProjectsPerJudge: number;
}

export type ComponentSource = 'roadshow' | 'input' | 'vote';

/**
 * 评分构成 A part of the final score (v2). A weighted part adds weight × value; a bonus adds its
 * value up to `bonusCap`. `roadshow` is the panel's aggregate; `input` and `vote` values are stored
 * per project and listed in the inputs' componentValues.
 */
export interface BundleComponent {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly source: ComponentSource;
  readonly weight?: string;
  readonly bonusCap?: string;
  /** input and vote: the highest value a project may have. */
  readonly maxPoints?: string;
}

/** One project's value of an input or vote component: exact text ("36.5", or "200/3" when it repeats). */
export interface BundleComponentValue {
  readonly projectId: string;
  readonly key: string;
  readonly value: string;
}

/** The part of a competition's rules that decides the result, verbatim. */
export interface BundleRules {
  readonly rubric: readonly BundleCriterion[];
  /** Most decimal places a judge may enter per criterion. */
  readonly markDecimals: number;
  readonly aggregation: BundleAggregation;
  /** After the published score, in order: median, exact-score, criterion:<key>, lower-request, earlier-submission. */
  readonly tieBreaks: readonly string[];
  /** The allocation policy exactly as `scoring allocate` reads it (rule, passScore, caps in fen, quotas…). */
  readonly allocation: Readonly<Record<string, unknown>>;
  /** A grant is at most this share of the project's budget, e.g. "0.8" (applies unless the policy sets its own). */
  readonly maxShareOfBudget?: string;
  /** At most one funded project per organization (applies unless the policy sets its own). */
  readonly onePerOrganization: boolean;
  /** The parts of the final score; absent means the final score is the roadshow's (v2). */
  readonly components?: readonly BundleComponent[];
}

export interface BundleProject {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** Organization id: one-per-organization limits read it. */
  readonly organization: string;
  readonly community: string;
  readonly requestedFen: number;
  /** The project's whole budget (requested + matching funds): share-of-budget caps read it. */
  readonly budgetFen: number;
  /** ISO-8601 UTC with milliseconds, e.g. "2026-03-01T02:00:00.000Z". */
  readonly submittedAt: string;
}

export interface BundleJudge {
  readonly id: string;
  /** 1-based order of appointment: decides which of equal extreme totals is dropped. */
  readonly seat: number;
  readonly group: string;
  /** Personal weight; only "1" is accepted (groups, not persons, are weighted). */
  readonly weight: string;
  /** The community the judge belongs to, compared with projects' communities for affiliation bias (v2). */
  readonly affiliation?: string;
}

export interface BundleSheet {
  readonly projectId: string;
  readonly judgeId: string;
  /** Criterion key → mark as decimal text. */
  readonly marks: Readonly<Record<string, string>>;
  /** Gate key → pass/fail. */
  readonly gates: Readonly<Record<string, boolean>>;
}

/** 回避 the judge's sheet for the project, if any, never counts. */
export interface BundleRecusal {
  readonly projectId: string;
  readonly judgeId: string;
}

export interface BundleInputs {
  readonly competition: { readonly id: string; readonly title: string; readonly rulesVersion: number };
  readonly poolFen: number;
  readonly rules: BundleRules;
  /** Ordered by id. */
  readonly projects: readonly BundleProject[];
  /** Ordered by seat. */
  readonly judges: readonly BundleJudge[];
  /** Ordered by project id, then judge seat. */
  readonly sheets: readonly BundleSheet[];
  /** Ordered by project id, then judge seat. */
  readonly recusals: readonly BundleRecusal[];
  /** Values of the input and vote components, ordered by project id, then the rules' component order (v2). */
  readonly componentValues?: readonly BundleComponentValue[];
}

export type DropMark = 'high' | 'low' | null;

export interface ScoreBreakdown {
  /** The unrounded final score: exact decimal text, or "numerator/denominator" when it repeats. */
  readonly exact: string;
  readonly median: string;
  readonly decimals: number;
  /** 'mean' | 'median' | 'trimmed-mean' for one panel, 'weighted-groups' otherwise. */
  readonly method: string;
  readonly fellBackToMean: boolean;
  /** Non-recused sheets that counted (before trimming). */
  readonly judgeCount: number;
  /** Counted judges in seat order with their totals and whether trimming dropped them. */
  readonly judges: readonly { readonly judgeId: string; readonly total: string; readonly dropped: DropMark }[];
  /** Judges whose sheets were ignored because of a recusal, in seat order. */
  readonly recused: readonly string[];
  readonly groups: readonly {
    readonly group: string;
    readonly weight: string;
    readonly value: string;
    readonly method: string;
    readonly fellBackToMean: boolean;
    readonly judgeCount: number;
  }[];
  /** Weighted groups with no scoring judge on this project (their weight was shared out). */
  readonly missingGroups: readonly string[];
  /** Mean mark per scored criterion over counted judges; criterion tie-breaks read it. */
  readonly criterionMeans: Readonly<Record<string, string>>;
  readonly gates: readonly {
    readonly key: string;
    readonly passCount: number;
    readonly judgeCount: number;
    readonly passed: boolean;
  }[];
  readonly gatesPassed: boolean;
  /**
   * With components (v2), each part in the rules' order: its value (the roadshow's is the panel's
   * aggregate, normalized where the rules say so) and what it adds to the exact score.
   */
  readonly components?: readonly {
    readonly key: string;
    readonly kind: 'weighted' | 'bonus';
    readonly weight: string;
    readonly value: string;
    readonly points: string;
  }[];
}

export interface GrantBreakdown {
  readonly requestedFen: number;
  /** The most the policy's caps allowed: min(requested, maxGrant, share of budget); 0 when excluded by a gate. */
  readonly capFen: number;
  /** Funded ahead of its rank to meet a category minimum. */
  readonly reserved: boolean;
}

/** What separates a project from the one placed just below it. */
export type BundleDecision =
  | { readonly kind: 'score' }
  | {
      readonly kind: 'tie-break';
      /** 1-based index into rules.tieBreaks. */
      readonly step: number;
      /** The rules' name of the tie-break, e.g. "median" or "criterion:need". */
      readonly key: string;
      readonly labelZh: string;
      readonly labelEn: string;
    }
  | { readonly kind: 'id' }
  | { readonly kind: 'last' };

/** Why a project got what it got: the engine's reasons, plus a failed gate criterion. */
export type BundleReason = AllocationReason | 'gate-failed';

export interface BundleProjectResult {
  readonly projectId: string;
  /** 1..n, no ties. */
  readonly position: number;
  /** Competition rank: 1, 2, 2, 4. */
  readonly displayRank: number;
  /** The published score with exactly `decimals` places, e.g. "87.35". */
  readonly score: string;
  readonly breakdown: { readonly score: ScoreBreakdown; readonly grant: GrantBreakdown };
  readonly decidedBy: BundleDecision;
  readonly grantFen: number;
  readonly status: AllocationStatus;
  readonly reason: BundleReason;
}

export interface AllocationStatistics {
  readonly rule: string;
  readonly poolFen: number;
  readonly totalFen: number;
  readonly remainderFen: number;
  readonly fundedCount: number;
  readonly partlyFundedCount: number;
  readonly notFundedCount: number;
  readonly unmetQuotas: readonly {
    readonly category: string;
    readonly minCount?: number;
    readonly minAmountFen?: number;
    readonly fundedCount: number;
    readonly fundedAmountFen: number;
  }[];
}

export interface BilingualNote {
  readonly zh: string;
  readonly en: string;
}

/**
 * Judge-agreement statistics over the judges' totals of counted sheets. Values are decimal text:
 * exact ones to 6 places, p-values and modified z-scores to 6 significant digits.
 */
export interface AgreementStatistics {
  readonly judgeCount: number;
  readonly projectCount: number;
  readonly sheetCount: number;
  readonly recusalCount: number;
  /** The complete projects × judges table ICC and Kendall's W need: projects every judge scored. */
  readonly table: { readonly projects: number; readonly judges: number; readonly excludedProjects: number };
  readonly icc: {
    readonly forms: Readonly<Record<IccForm, string | null>>;
    readonly oneWayF: string | null;
    readonly oneWayP: string | null;
    readonly twoWayF: string | null;
    readonly twoWayP: string | null;
  } | null;
  readonly kendallW: {
    readonly W: string;
    readonly uncorrected: string;
    readonly chiSquare: string;
    readonly df: number;
    readonly pValue: string | null;
  } | null;
  readonly leniency: {
    /** Modified z-score of each judge's mean offset, flagged above 3.5 (Iglewicz & Hoaglin). */
    readonly threshold: string;
    readonly medianOffset: string | null;
    readonly judges: readonly {
      readonly judgeId: string;
      readonly itemCount: number;
      readonly meanOffset: string | null;
      readonly modifiedZ: string | null;
      readonly outlier: boolean;
    }[];
  };
  /** Why a statistic is missing or what it left out. */
  readonly notes: readonly BilingualNote[];
  /** Does a judge favour projects of their own community? Computed in every run (v2). */
  readonly affiliationBias?: AffiliationBiasStatistics;
}

/** One side of the affiliation-bias comparison: mean offsets from the rest of the panel, exact to 6 places. */
export interface AffiliationBiasFigures {
  /** Own-community projects the judge scored with others, and the rest. */
  readonly sameCount: number;
  readonly otherCount: number;
  readonly sameMeanOffset: string | null;
  readonly otherMeanOffset: string | null;
  /** sameMeanOffset − otherMeanOffset: how many points more the judge gives their own side. */
  readonly bias: string | null;
  /** Welch's t of the difference, 6 significant digits; null with fewer than 2 on either side. */
  readonly welchT: string | null;
}

/**
 * Affiliation bias (Emerson, Seltzer & Lin 2009) of each judge with a community, in seat order. A
 * judge whose bias exceeds the rules' threshold is flagged for the office; the flag changes no
 * score.
 */
export interface AffiliationBiasStatistics {
  /** The rules' aggregation.biasThreshold; null when the rules set none (nobody is flagged). */
  readonly threshold: string | null;
  readonly judges: readonly (AffiliationBiasFigures & {
    readonly judgeId: string;
    readonly affiliation: string | null;
    readonly flagged: boolean;
  })[];
  readonly pooled: AffiliationBiasFigures;
  readonly flaggedCount: number;
}

export interface BundleStatistics {
  readonly allocation: AllocationStatistics;
  readonly agreement: AgreementStatistics;
}

export interface BundleResult {
  /** sha256 (hex) of the canonical JSON of `inputs`. */
  readonly inputHash: string;
  readonly totalFen: number;
  /** Ordered by position. */
  readonly projects: readonly BundleProjectResult[];
  readonly statistics: BundleStatistics;
}

/** Who computed the published result and when: informative, not covered by verification. */
export interface BundleRunInfo {
  readonly id: string;
  readonly competitionId: string;
  readonly trigger: string;
  readonly rulesVersion: number | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface ResultBundle {
  readonly format: typeof RESULT_BUNDLE_FORMAT;
  /** 1 or 2; a result computed now is written as 2. */
  readonly version: number;
  readonly run?: BundleRunInfo;
  readonly inputs: BundleInputs;
  readonly result: BundleResult;
}
