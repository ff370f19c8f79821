import { Rational } from '../rational';

/**
 * Money in fen (分). Inputs accept a safe non-negative integer number or a bigint; every amount the
 * engine returns is a bigint so sums over a city-level pool can never lose a fen.
 */
export type FenInput = bigint | number;

/** The allocation rules a competition can choose; the rule is data stored with the result. */
export type AllocationRule = 'greedy' | 'greedy-no-skip' | 'tiers' | 'proportional' | 'optimal';

export const ALLOCATION_RULES: readonly AllocationRule[] = [
  'greedy',
  'greedy-no-skip',
  'tiers',
  'proportional',
  'optimal',
];

export interface AllocationProject {
  readonly id: string;
  /** Final score, exact; a decimal string is parsed with Rational.parse. */
  readonly score: Rational | string;
  /** Amount applied for, in fen; no grant ever exceeds it. */
  readonly requested: FenInput;
  /** Approved project budget in fen; needed only when the policy caps grants as a share of it. */
  readonly budget?: FenInput;
  readonly category?: string;
  readonly organization?: string;
  readonly community?: string;
}

export interface AllocationInput {
  /** The funding pool in fen; the sum of grants never exceeds it. */
  readonly pool: FenInput;
  readonly projects: readonly AllocationProject[];
  /**
   * Project ids best first, as the ranking module decided (a permutation of the project ids).
   * Without it the engine uses {@link defaultRankOrder}.
   */
  readonly rankOrder?: readonly string[];
}

/** A rank band: ranks `from`..`to` (1-based, inclusive) each receive `amount`. */
export interface RankBand {
  readonly from: number;
  readonly to: number;
  readonly amount: FenInput;
}

/** A score band: a score at or above `minScore` (and below the next higher band) receives `amount`. */
export interface ScoreBand {
  readonly minScore: Rational | string;
  readonly amount: FenInput;
}

export type TierPolicy =
  | { readonly by: 'rank'; readonly bands: readonly RankBand[] }
  | { readonly by: 'score'; readonly bands: readonly ScoreBand[] };

/**
 * Limits for one category, or for every category separately when `category` is `"*"`; an entry
 * naming a category replaces the `"*"` entry for that category.
 */
export interface CategoryQuota {
  readonly category: string;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly minAmount?: FenInput;
  readonly maxAmount?: FenInput;
}

export interface PartialFunding {
  /** The smallest remainder of the pool worth granting to the first project that no longer fits. */
  readonly minimum: FenInput;
}

/**
 * Everything that decides who gets how much. Optional fields left out impose no limit.
 */
export interface AllocationPolicy {
  readonly rule: AllocationRule;
  /** Projects scoring below this are not funded (合格分数线). */
  readonly passScore?: Rational | string;
  /** No grant may be smaller; a project whose grant would be smaller gets nothing. */
  readonly minGrant?: FenInput;
  /** No grant may be larger (资助上限). */
  readonly maxGrant?: FenInput;
  /** No grant may exceed this share of the project's approved budget, e.g. "0.6"; rounded down to the fen. */
  readonly maxShareOfBudget?: Rational | string;
  /** Computed amounts (proportional shares, partial grants) are whole multiples of this; default 1 fen. */
  readonly unit?: FenInput;
  /** greedy and greedy-no-skip: grant what is left to the first project that does not fit in full. */
  readonly partial?: PartialFunding;
  /** tiers: the fixed amounts by rank or score band. */
  readonly tiers?: TierPolicy;
  /** At most this many projects are funded (e.g. "up to 28 projects"). */
  readonly maxProjects?: number;
  /** At most one funded project per organization. */
  readonly onePerOrganization?: boolean;
  /** At most this many funded projects per community (一社区一品牌 is 1). */
  readonly communityLimit?: number;
  readonly quotas?: readonly CategoryQuota[];
  /**
   * optimal: count costs in whole multiples of this unit (rounded up, so the pool still holds) to
   * keep the exact search small; default: the greatest common divisor of the costs, i.e. exact.
   */
  readonly costUnit?: FenInput;
}

export type AllocationStatus = 'funded' | 'partly-funded' | 'not-funded';

/**
 * Why a project got what it got. `funded` always has `funded-in-full`; `partly-funded` names what
 * held the grant below the request; `not-funded` names what excluded the project.
 */
export type AllocationReason =
  | 'funded-in-full'
  | 'cap-applied'
  | 'partial-remainder'
  | 'tier-amount'
  | 'proportional-share'
  | 'below-threshold'
  | 'nothing-requested'
  | 'below-minimum'
  | 'outside-tiers'
  | 'max-projects'
  | 'one-per-organization'
  | 'community-limit'
  | 'category-quota'
  | 'pool-exhausted'
  | 'stopped-at-first-misfit'
  | 'not-selected-optimal'
  | 'zero-share';

export const ALLOCATION_REASONS: readonly AllocationReason[] = [
  'funded-in-full',
  'cap-applied',
  'partial-remainder',
  'tier-amount',
  'proportional-share',
  'below-threshold',
  'nothing-requested',
  'below-minimum',
  'outside-tiers',
  'max-projects',
  'one-per-organization',
  'community-limit',
  'category-quota',
  'pool-exhausted',
  'stopped-at-first-misfit',
  'not-selected-optimal',
  'zero-share',
];

export interface AllocationOutcome {
  readonly id: string;
  /** 1-based position in the rank order. */
  readonly rank: number;
  readonly score: Rational;
  readonly requested: bigint;
  /** The most this project could get under the policy's caps: min(requested, maxGrant, share of budget). */
  readonly cap: bigint;
  readonly amount: bigint;
  readonly status: AllocationStatus;
  readonly reason: AllocationReason;
  /** True when the project was funded ahead of its rank to meet a category minimum. */
  readonly reserved: boolean;
}

export interface UnmetQuota {
  readonly category: string;
  readonly minCount?: number;
  readonly minAmount?: bigint;
  readonly fundedCount: number;
  readonly fundedAmount: bigint;
}

export interface AllocationResult {
  readonly rule: AllocationRule;
  readonly pool: bigint;
  /** Sum of all amounts; never above the pool. */
  readonly total: bigint;
  /** pool − total. */
  readonly remainder: bigint;
  /** One outcome per project, in rank order. */
  readonly outcomes: readonly AllocationOutcome[];
  /** Category minimums the eligible projects could not meet. */
  readonly unmetQuotas: readonly UnmetQuota[];
}
