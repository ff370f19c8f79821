import { ScoringError, ScoringErrorCode } from '../scoring.error';
import {
  AllocationInput,
  AllocationPolicy,
  AllocationProject,
  AllocationReason,
  AllocationResult,
  AllocationRule,
  AllocationStatus,
  CategoryQuota,
  RankBand,
  ScoreBand,
  TierPolicy,
} from './allocation.types';

/**
 * The JSON request the `allocate` CLI command (and any JSON client) sends. Money is in fen as JSON
 * integers; scores and shares are decimal strings so that no float ever touches them.
 */
export interface AllocationRequest {
  readonly input: AllocationInput;
  readonly policy: AllocationPolicy;
}

export interface AllocationJson {
  readonly rule: AllocationRule;
  readonly pool: number;
  readonly total: number;
  readonly remainder: number;
  readonly allocations: readonly {
    readonly id: string;
    readonly rank: number;
    readonly score: string;
    readonly requested: number;
    readonly cap: number;
    readonly amount: number;
    readonly status: AllocationStatus;
    readonly reason: AllocationReason;
    readonly reserved: boolean;
  }[];
  readonly unmetQuotas: readonly {
    readonly category: string;
    readonly minCount?: number;
    readonly minAmount?: number;
    readonly fundedCount: number;
    readonly fundedAmount: number;
  }[];
}

type JsonObject = Readonly<Record<string, unknown>>;

function fail(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidInput, message, field);
}

function object(value: unknown, field: string, allowed: readonly string[]): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('expected a JSON object', field);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw fail(`unknown field "${key}"; allowed: ${allowed.join(', ')}`, field === '' ? key : `${field}.${key}`);
  }
  return value as JsonObject;
}

function array(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw fail('expected a JSON array', field);
  return value;
}

function required(source: JsonObject, key: string, field: string): unknown {
  if (source[key] === undefined) throw fail('missing', field);
  return source[key];
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw fail('expected a string', field);
  return value;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : text(value, field);
}

/** A decimal quantity such as a score: strings only, so "84.50" stays exact. */
function decimalText(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw fail('expected a decimal string such as "84.5" (numbers are refused to keep scores exact)', field);
  return value;
}

function fen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ScoringError(ScoringErrorCode.InvalidAmount, 'expected a non-negative whole number of fen', field);
  }
  return value;
}

function optionalFen(value: unknown, field: string): number | undefined {
  return value === undefined ? undefined : fen(value, field);
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw fail('expected a non-negative whole number', field);
  return value;
}

function optionalCount(value: unknown, field: string): number | undefined {
  return value === undefined ? undefined : count(value, field);
}

function parseTiers(value: unknown): TierPolicy {
  const tiers = object(value, 'policy.tiers', ['by', 'bands']);
  const by = required(tiers, 'by', 'policy.tiers.by');
  const bands = array(required(tiers, 'bands', 'policy.tiers.bands'), 'policy.tiers.bands');
  if (by === 'rank') {
    return {
      by,
      bands: bands.map((item, i): RankBand => {
        const field = `policy.tiers.bands.${i}`;
        const band = object(item, field, ['from', 'to', 'amount']);
        return {
          from: count(required(band, 'from', `${field}.from`), `${field}.from`),
          to: count(required(band, 'to', `${field}.to`), `${field}.to`),
          amount: fen(required(band, 'amount', `${field}.amount`), `${field}.amount`),
        };
      }),
    };
  }
  if (by === 'score') {
    return {
      by,
      bands: bands.map((item, i): ScoreBand => {
        const field = `policy.tiers.bands.${i}`;
        const band = object(item, field, ['minScore', 'amount']);
        return {
          minScore: decimalText(required(band, 'minScore', `${field}.minScore`), `${field}.minScore`),
          amount: fen(required(band, 'amount', `${field}.amount`), `${field}.amount`),
        };
      }),
    };
  }
  throw fail('expected "rank" or "score"', 'policy.tiers.by');
}

function parseQuota(item: unknown, i: number): CategoryQuota {
  const field = `policy.quotas.${i}`;
  const quota = object(item, field, ['category', 'minCount', 'maxCount', 'minAmount', 'maxAmount']);
  return {
    category: text(required(quota, 'category', `${field}.category`), `${field}.category`),
    minCount: optionalCount(quota.minCount, `${field}.minCount`),
    maxCount: optionalCount(quota.maxCount, `${field}.maxCount`),
    minAmount: optionalFen(quota.minAmount, `${field}.minAmount`),
    maxAmount: optionalFen(quota.maxAmount, `${field}.maxAmount`),
  };
}

const POLICY_FIELDS = [
  'rule',
  'passScore',
  'minGrant',
  'maxGrant',
  'maxShareOfBudget',
  'unit',
  'partial',
  'tiers',
  'maxProjects',
  'onePerOrganization',
  'communityLimit',
  'quotas',
  'costUnit',
] as const;

function parsePolicy(value: unknown): AllocationPolicy {
  const policy = object(value, 'policy', POLICY_FIELDS);
  const rule = text(required(policy, 'rule', 'policy.rule'), 'policy.rule');
  if (policy.onePerOrganization !== undefined && typeof policy.onePerOrganization !== 'boolean') {
    throw fail('expected true or false', 'policy.onePerOrganization');
  }
  return {
    rule: rule as AllocationRule,
    passScore: policy.passScore === undefined ? undefined : decimalText(policy.passScore, 'policy.passScore'),
    minGrant: optionalFen(policy.minGrant, 'policy.minGrant'),
    maxGrant: optionalFen(policy.maxGrant, 'policy.maxGrant'),
    maxShareOfBudget:
      policy.maxShareOfBudget === undefined
        ? undefined
        : decimalText(policy.maxShareOfBudget, 'policy.maxShareOfBudget'),
    unit: optionalFen(policy.unit, 'policy.unit'),
    partial:
      policy.partial === undefined
        ? undefined
        : {
            minimum: fen(
              required(object(policy.partial, 'policy.partial', ['minimum']), 'minimum', 'policy.partial.minimum'),
              'policy.partial.minimum',
            ),
          },
    tiers: policy.tiers === undefined ? undefined : parseTiers(policy.tiers),
    maxProjects: optionalCount(policy.maxProjects, 'policy.maxProjects'),
    onePerOrganization: policy.onePerOrganization,
    communityLimit: optionalCount(policy.communityLimit, 'policy.communityLimit'),
    quotas: policy.quotas === undefined ? undefined : array(policy.quotas, 'policy.quotas').map(parseQuota),
    costUnit: optionalFen(policy.costUnit, 'policy.costUnit'),
  };
}

function parseProject(item: unknown, i: number): AllocationProject {
  const field = `projects.${i}`;
  const project = object(item, field, ['id', 'score', 'requested', 'budget', 'category', 'organization', 'community']);
  return {
    id: text(required(project, 'id', `${field}.id`), `${field}.id`),
    score: decimalText(required(project, 'score', `${field}.score`), `${field}.score`),
    requested: fen(required(project, 'requested', `${field}.requested`), `${field}.requested`),
    budget: optionalFen(project.budget, `${field}.budget`),
    category: optionalText(project.category, `${field}.category`),
    organization: optionalText(project.organization, `${field}.organization`),
    community: optionalText(project.community, `${field}.community`),
  };
}

/**
 * Checks the shape of a parsed JSON request (types, required fields, no unknown fields) and turns
 * it into typed input; value rules (ranges, consistency) are checked by {@link allocate}.
 * Every error names the field as a dotted path, e.g. `projects.3.requested`.
 */
export function parseAllocationRequest(value: unknown): AllocationRequest {
  const request = object(value, '', ['pool', 'policy', 'projects', 'rankOrder']);
  const rankOrder =
    request.rankOrder === undefined
      ? undefined
      : array(request.rankOrder, 'rankOrder').map((id, i) => text(id, `rankOrder.${i}`));
  return {
    input: {
      pool: fen(required(request, 'pool', 'pool'), 'pool'),
      projects: array(required(request, 'projects', 'projects'), 'projects').map(parseProject),
      rankOrder,
    },
    policy: parsePolicy(required(request, 'policy', 'policy')),
  };
}

function safe(amount: bigint, field: string): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidAmount,
      `${amount} fen cannot be written as an exact JSON number`,
      field,
    );
  }
  return Number(amount);
}

/** The result as plain JSON: fen as integers, scores as exact decimal strings. */
export function allocationResultToJson(result: AllocationResult): AllocationJson {
  return {
    rule: result.rule,
    pool: safe(result.pool, 'pool'),
    total: safe(result.total, 'total'),
    remainder: safe(result.remainder, 'remainder'),
    allocations: result.outcomes.map((outcome, i) => ({
      id: outcome.id,
      rank: outcome.rank,
      score: outcome.score.toJSON(),
      requested: safe(outcome.requested, `allocations.${i}.requested`),
      cap: safe(outcome.cap, `allocations.${i}.cap`),
      amount: safe(outcome.amount, `allocations.${i}.amount`),
      status: outcome.status,
      reason: outcome.reason,
      reserved: outcome.reserved,
    })),
    unmetQuotas: result.unmetQuotas.map((quota) => ({
      category: quota.category,
      minCount: quota.minCount,
      minAmount: quota.minAmount === undefined ? undefined : safe(quota.minAmount, 'unmetQuotas.minAmount'),
      fundedCount: quota.fundedCount,
      fundedAmount: safe(quota.fundedAmount, 'unmetQuotas.fundedAmount'),
    })),
  };
}
