import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import {
  ALLOCATION_RULES,
  AllocationInput,
  AllocationPolicy,
  AllocationProject,
  AllocationRule,
  CategoryQuota,
  TierPolicy,
} from './allocation.types';
import { minFen, toFen } from './fen';
import { defaultRankOrder } from './rank-order';
import { toRational } from './score-value';

/** `"*"` in a quota applies the limits to every category separately. */
export const EVERY_CATEGORY = '*';

export interface NormalizedQuota {
  readonly category: string;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly minAmount?: bigint;
  readonly maxAmount?: bigint;
}

export type NormalizedTiers =
  | {
      readonly by: 'rank';
      readonly bands: readonly { readonly from: number; readonly to: number; readonly amount: bigint }[];
    }
  | { readonly by: 'score'; readonly bands: readonly { readonly minScore: Rational; readonly amount: bigint }[] };

export interface NormalizedPolicy {
  readonly rule: AllocationRule;
  readonly passScore?: Rational;
  readonly minGrant: bigint;
  readonly maxGrant?: bigint;
  readonly maxShareOfBudget?: Rational;
  readonly unit: bigint;
  readonly partialMinimum?: bigint;
  readonly tiers?: NormalizedTiers;
  readonly maxProjects?: number;
  readonly onePerOrganization: boolean;
  readonly communityLimit?: number;
  readonly quotas: ReadonlyMap<string, NormalizedQuota>;
  readonly costUnit?: bigint;
}

/** A project after validation, in rank order, with its cap worked out. */
export interface Candidate {
  readonly id: string;
  readonly rank: number;
  readonly score: Rational;
  readonly requested: bigint;
  /** min(requested, maxGrant, ⌊budget × maxShareOfBudget⌋). */
  readonly cap: bigint;
  readonly category?: string;
  readonly organization?: string;
  readonly community?: string;
}

export interface PreparedAllocation {
  readonly pool: bigint;
  readonly policy: NormalizedPolicy;
  readonly candidates: readonly Candidate[];
}

/** Checks a runtime value without narrowing its declared type (Array.isArray would widen it to any[]). */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function invalidPolicy(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidPolicy, message, field);
}

function toCount(value: unknown, field: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw invalidPolicy(`expected a whole number ≥ ${minimum}: ${String(value)}`, field);
  }
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new ScoringError(ScoringErrorCode.InvalidInput, 'expected a string', field);
  }
  return value;
}

function normalizeTiers(tiers: TierPolicy): NormalizedTiers {
  if (typeof tiers !== 'object' || tiers === null) {
    throw invalidPolicy('expected an object { by, bands }', 'policy.tiers');
  }
  const bands: readonly unknown[] = Array.isArray(tiers.bands) ? tiers.bands : [];
  if (bands.length === 0) {
    throw invalidPolicy('tiers need at least one band', 'policy.tiers.bands');
  }
  if (tiers.by === 'rank') {
    const parsed = tiers.bands
      .map((band, i) => {
        const field = `policy.tiers.bands.${i}`;
        const from = toCount(band.from, `${field}.from`, 1);
        const to = toCount(band.to, `${field}.to`, 1);
        if (to < from) throw invalidPolicy(`band ends (${to}) before it starts (${from})`, `${field}.to`);
        return { from, to, amount: toFen(band.amount, `${field}.amount`), index: i };
      })
      .sort((a, b) => a.from - b.from);
    if (parsed[0].from !== 1) {
      throw invalidPolicy('rank bands must start at rank 1', `policy.tiers.bands.${parsed[0].index}.from`);
    }
    for (let k = 1; k < parsed.length; k += 1) {
      const field = `policy.tiers.bands.${parsed[k].index}`;
      // A gap would pay nothing to a rank between two paid bands, so scoring lower could pay more.
      if (parsed[k].from !== parsed[k - 1].to + 1) {
        throw invalidPolicy(
          `rank bands must follow on without gaps or overlaps (rank ${parsed[k - 1].to + 1})`,
          `${field}.from`,
        );
      }
      if (parsed[k].amount > parsed[k - 1].amount) {
        throw invalidPolicy('a lower rank band must not pay more than a higher one', `${field}.amount`);
      }
    }
    return { by: 'rank', bands: parsed.map(({ from, to, amount }) => ({ from, to, amount })) };
  }
  if (tiers.by === 'score') {
    const parsed = tiers.bands
      .map((band, i) => {
        const field = `policy.tiers.bands.${i}`;
        return {
          minScore: toRational(band.minScore, `${field}.minScore`),
          amount: toFen(band.amount, `${field}.amount`),
          index: i,
        };
      })
      .sort((a, b) => b.minScore.compare(a.minScore));
    for (let k = 1; k < parsed.length; k += 1) {
      const field = `policy.tiers.bands.${parsed[k].index}`;
      if (parsed[k].minScore.eq(parsed[k - 1].minScore)) {
        throw invalidPolicy('two score bands start at the same score', `${field}.minScore`);
      }
      if (parsed[k].amount > parsed[k - 1].amount) {
        throw invalidPolicy('a lower score band must not pay more than a higher one', `${field}.amount`);
      }
    }
    return { by: 'score', bands: parsed.map(({ minScore, amount }) => ({ minScore, amount })) };
  }
  throw invalidPolicy(
    `tiers.by must be "rank" or "score": ${String((tiers as { by: unknown }).by)}`,
    'policy.tiers.by',
  );
}

function normalizeQuotas(quotas: readonly CategoryQuota[] | undefined): Map<string, NormalizedQuota> {
  const result = new Map<string, NormalizedQuota>();
  if (quotas === undefined) return result;
  if (!isList(quotas)) throw invalidPolicy('expected an array', 'policy.quotas');
  quotas.forEach((quota, i) => {
    const field = `policy.quotas.${i}`;
    if (typeof quota.category !== 'string' || quota.category === '') {
      throw invalidPolicy('expected a category name, or "*" for every category', `${field}.category`);
    }
    if (result.has(quota.category)) {
      throw invalidPolicy(`category "${quota.category}" has two quotas`, `${field}.category`);
    }
    const normalized: NormalizedQuota = {
      category: quota.category,
      minCount: quota.minCount === undefined ? undefined : toCount(quota.minCount, `${field}.minCount`, 0),
      maxCount: quota.maxCount === undefined ? undefined : toCount(quota.maxCount, `${field}.maxCount`, 0),
      minAmount: quota.minAmount === undefined ? undefined : toFen(quota.minAmount, `${field}.minAmount`),
      maxAmount: quota.maxAmount === undefined ? undefined : toFen(quota.maxAmount, `${field}.maxAmount`),
    };
    if (
      normalized.minCount !== undefined &&
      normalized.maxCount !== undefined &&
      normalized.minCount > normalized.maxCount
    ) {
      throw invalidPolicy('minCount is above maxCount', `${field}.minCount`);
    }
    if (
      normalized.minAmount !== undefined &&
      normalized.maxAmount !== undefined &&
      normalized.minAmount > normalized.maxAmount
    ) {
      throw invalidPolicy('minAmount is above maxAmount', `${field}.minAmount`);
    }
    result.set(quota.category, normalized);
  });
  return result;
}

/** Which optional policy features each rule honours; anything else is refused rather than ignored. */
const UNSUPPORTED: Readonly<Record<AllocationRule, readonly (keyof AllocationPolicy)[]>> = {
  greedy: ['tiers', 'costUnit'],
  'greedy-no-skip': ['tiers', 'costUnit'],
  tiers: ['costUnit'],
  proportional: ['tiers', 'partial', 'costUnit'],
  optimal: ['tiers', 'partial', 'quotas', 'communityLimit', 'maxProjects', 'unit'],
};

export function normalizePolicy(policy: AllocationPolicy): NormalizedPolicy {
  if (typeof policy !== 'object' || policy === null) {
    throw invalidPolicy('expected a policy object', 'policy');
  }
  if (!ALLOCATION_RULES.includes(policy.rule)) {
    throw invalidPolicy(
      `unknown rule "${String(policy.rule)}"; expected one of ${ALLOCATION_RULES.join(', ')}`,
      'policy.rule',
    );
  }
  for (const key of UNSUPPORTED[policy.rule]) {
    if (policy[key] !== undefined) {
      throw invalidPolicy(`rule "${policy.rule}" does not support ${key}`, `policy.${key}`);
    }
  }
  if (policy.rule === 'tiers' && policy.tiers === undefined) {
    throw invalidPolicy('rule "tiers" needs tiers { by, bands }', 'policy.tiers');
  }
  const minGrant = policy.minGrant === undefined ? 0n : toFen(policy.minGrant, 'policy.minGrant');
  const maxGrant = policy.maxGrant === undefined ? undefined : toFen(policy.maxGrant, 'policy.maxGrant');
  if (maxGrant !== undefined && minGrant > maxGrant) {
    throw invalidPolicy('minGrant is above maxGrant', 'policy.minGrant');
  }
  let maxShareOfBudget: Rational | undefined;
  if (policy.maxShareOfBudget !== undefined) {
    maxShareOfBudget = toRational(policy.maxShareOfBudget, 'policy.maxShareOfBudget');
    if (maxShareOfBudget.isNegative() || maxShareOfBudget.gt(Rational.ONE)) {
      throw invalidPolicy('maxShareOfBudget must be between 0 and 1', 'policy.maxShareOfBudget');
    }
  }
  const unit = policy.unit === undefined ? 1n : toFen(policy.unit, 'policy.unit');
  if (unit === 0n) throw invalidPolicy('unit must be at least 1 fen', 'policy.unit');
  const costUnit = policy.costUnit === undefined ? undefined : toFen(policy.costUnit, 'policy.costUnit');
  if (costUnit === 0n) throw invalidPolicy('costUnit must be at least 1 fen', 'policy.costUnit');
  if (policy.onePerOrganization !== undefined && typeof policy.onePerOrganization !== 'boolean') {
    throw invalidPolicy('expected true or false', 'policy.onePerOrganization');
  }
  if (policy.partial !== undefined && (typeof policy.partial !== 'object' || policy.partial === null)) {
    throw invalidPolicy('expected { minimum }', 'policy.partial');
  }
  const quotas = normalizeQuotas(policy.quotas);
  if (policy.rule === 'proportional') {
    for (const [category, quota] of quotas) {
      if (quota.minCount !== undefined || quota.minAmount !== undefined || quota.maxAmount !== undefined) {
        throw invalidPolicy(`proportional supports only maxCount quotas (category "${category}")`, 'policy.quotas');
      }
    }
  }
  return {
    rule: policy.rule,
    passScore: policy.passScore === undefined ? undefined : toRational(policy.passScore, 'policy.passScore'),
    minGrant,
    maxGrant,
    maxShareOfBudget,
    unit,
    partialMinimum: policy.partial === undefined ? undefined : toFen(policy.partial.minimum, 'policy.partial.minimum'),
    tiers: policy.tiers === undefined ? undefined : normalizeTiers(policy.tiers),
    maxProjects: policy.maxProjects === undefined ? undefined : toCount(policy.maxProjects, 'policy.maxProjects', 0),
    onePerOrganization: policy.onePerOrganization === true,
    communityLimit:
      policy.communityLimit === undefined ? undefined : toCount(policy.communityLimit, 'policy.communityLimit', 1),
    quotas,
    costUnit,
  };
}

function resolveOrder(
  projects: readonly AllocationProject[],
  rankOrder: readonly string[] | undefined,
): readonly number[] {
  const indexById = new Map<string, number>();
  projects.forEach((project, i) => indexById.set(project.id, i));
  const order = rankOrder ?? defaultRankOrder(projects);
  if (!isList(order)) {
    throw new ScoringError(ScoringErrorCode.InvalidRanking, 'expected an array of project ids', 'rankOrder');
  }
  if (order.length !== projects.length) {
    throw new ScoringError(
      ScoringErrorCode.InvalidRanking,
      `rank order lists ${order.length} ids for ${projects.length} projects`,
      'rankOrder',
    );
  }
  const seen = new Set<string>();
  return order.map((id, position) => {
    const index = indexById.get(id);
    if (index === undefined) {
      throw new ScoringError(
        ScoringErrorCode.InvalidRanking,
        `rank order names an unknown project "${String(id)}"`,
        `rankOrder.${position}`,
      );
    }
    if (seen.has(id)) {
      throw new ScoringError(
        ScoringErrorCode.InvalidRanking,
        `rank order lists "${id}" twice`,
        `rankOrder.${position}`,
      );
    }
    seen.add(id);
    return index;
  });
}

function validateIds(projects: readonly AllocationProject[]): void {
  const seen = new Set<string>();
  projects.forEach((project, i) => {
    if (typeof project !== 'object' || project === null) {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'expected a project object', `projects.${i}`);
    }
    if (typeof project.id !== 'string' || project.id === '') {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'expected a non-empty id', `projects.${i}.id`);
    }
    if (seen.has(project.id)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `project id "${project.id}" appears twice`,
        `projects.${i}.id`,
      );
    }
    seen.add(project.id);
  });
}

/** Validates everything, applies the rank order and works out each project's cap. */
export function prepareAllocation(input: AllocationInput, policyInput: AllocationPolicy): PreparedAllocation {
  if (typeof input !== 'object' || input === null || !isList(input.projects)) {
    throw new ScoringError(ScoringErrorCode.InvalidInput, 'expected { pool, projects }', 'projects');
  }
  const pool = toFen(input.pool, 'pool');
  const policy = normalizePolicy(policyInput);
  const { projects } = input;
  validateIds(projects);
  const order = resolveOrder(projects, input.rankOrder);
  const candidates = order.map((index, position): Candidate => {
    const project = projects[index];
    const field = `projects.${index}`;
    const score = toRational(project.score, `${field}.score`);
    const requested = toFen(project.requested, `${field}.requested`);
    let cap = requested;
    if (policy.maxGrant !== undefined) cap = minFen(cap, policy.maxGrant);
    if (policy.maxShareOfBudget !== undefined) {
      if (project.budget === undefined) {
        throw new ScoringError(
          ScoringErrorCode.InvalidInput,
          'maxShareOfBudget needs the project budget',
          `${field}.budget`,
        );
      }
      const budget = toFen(project.budget, `${field}.budget`);
      cap = minFen(cap, (budget * policy.maxShareOfBudget.num) / policy.maxShareOfBudget.den);
    } else if (project.budget !== undefined) {
      toFen(project.budget, `${field}.budget`);
    }
    return {
      id: project.id,
      rank: position + 1,
      score,
      requested,
      cap,
      category: optionalString(project.category, `${field}.category`),
      organization: optionalString(project.organization, `${field}.organization`),
      community: optionalString(project.community, `${field}.community`),
    };
  });
  return { pool, policy, candidates };
}
