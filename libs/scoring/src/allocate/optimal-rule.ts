import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { AllocationOutcome, AllocationReason } from './allocation.types';
import { Candidate, PreparedAllocation } from './normalize';
import { grantReason, intrinsicExclusion, outcomeOf } from './outcome';
import { RuleOutcome } from './rank-order-rules';

/**
 * Above this many table cells (projects × capacity units) the search would pass about a second
 * (2.5e8 cells measured at ~0.8 s); the caller is asked for a coarser costUnit instead.
 */
export const OPTIMAL_MAX_CELLS = 250_000_000;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

interface Item {
  readonly index: number;
  readonly cost: number;
  readonly profit: number;
}

/**
 * optimal: the set of projects, each funded at its cap, with the largest total score whose total
 * cost fits the pool; with onePerOrganization at most one project per organization (a
 * multiple-choice knapsack).
 *
 * Exact: costs are counted in units of g, the greatest common divisor of the costs (or of the costs
 * rounded up to a stated costUnit, which keeps the pool safe and is the only approximation), and
 * scores are scaled to integers by the least common denominator, so the table holds exact integers
 * below 2^53. Among several optimal sets the one that includes the better-ranked project at the
 * first difference wins, so the result is unique.
 *
 * Complexity: O(n · C) time and n · C bits of memory, C = min(pool, Σ costs) / g; refused above
 * {@link OPTIMAL_MAX_CELLS} cells. 1,000 projects asking ¥10k–¥200k in whole ¥1,000 with a pool
 * of ¥26M is 2.6e7 cells (~50–90 ms); in whole ¥100 it is 2.5e8 cells (~0.8 s).
 *
 * Invariants: Σ amounts ≤ pool; every grant is its project's full cap; no other feasible set has a
 * larger total score.
 */
export function allocateOptimally(prepared: PreparedAllocation): RuleOutcome {
  const { policy, candidates, pool } = prepared;
  const excluded = new Map<number, AllocationReason>();
  const eligible: number[] = [];
  candidates.forEach((candidate, i) => {
    const intrinsic = intrinsicExclusion(candidate, policy.passScore, policy.minGrant);
    if (intrinsic !== undefined) excluded.set(i, intrinsic);
    else if (!candidate.score.isNegative() && !candidate.score.isZero() && candidate.cap <= pool) eligible.push(i);
    else excluded.set(i, 'not-selected-optimal');
  });

  const selected = new Set<number>(selectOptimal(prepared, eligible));
  const fundedOrganizations = new Set<string>();
  for (const i of selected) {
    const organization = candidates[i].organization;
    if (organization !== undefined) fundedOrganizations.add(organization);
  }
  const outcomes = candidates.map((candidate: Candidate, i): AllocationOutcome => {
    if (selected.has(i)) return outcomeOf(candidate, candidate.cap, grantReason(candidate, candidate.cap));
    const reason = excluded.get(i);
    if (reason !== undefined) return outcomeOf(candidate, 0n, reason);
    const sibling =
      policy.onePerOrganization &&
      candidate.organization !== undefined &&
      fundedOrganizations.has(candidate.organization);
    return outcomeOf(candidate, 0n, sibling ? 'one-per-organization' : 'not-selected-optimal');
  });
  return { outcomes, unmetQuotas: [] };
}

function selectOptimal(prepared: PreparedAllocation, eligible: readonly number[]): number[] {
  const { policy, candidates, pool } = prepared;
  const totalCost = eligible.reduce((sum, i) => sum + candidates[i].cap, 0n);
  const groups = groupsOf(prepared, eligible);
  if (totalCost <= pool && groups.every((group) => group.length === 1)) return [...eligible];

  const costUnit = policy.costUnit ?? 1n;
  const unitCosts = eligible.map((i) => ceilDiv(candidates[i].cap, costUnit));
  const g = unitCosts.reduce((acc, cost) => gcd(acc, cost), 0n) || 1n;
  const sumUnits = unitCosts.reduce((sum, cost) => sum + cost / g, 0n);
  const capacityUnits = pool / costUnit / g;
  const capacity = capacityUnits < sumUnits ? capacityUnits : sumUnits;
  const cells = BigInt(eligible.length) * (capacity + 1n);
  if (cells > BigInt(OPTIMAL_MAX_CELLS)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidPolicy,
      `optimal would need ${cells} table cells (limit ${OPTIMAL_MAX_CELLS}); state a coarser costUnit, e.g. 10000 fen (¥100)`,
      'policy.costUnit',
    );
  }
  const scale = eligible.reduce((acc, i) => {
    const den = candidates[i].score.den;
    return (acc / gcd(acc, den)) * den;
  }, 1n);
  const profits = eligible.map((i) => (candidates[i].score.num * scale) / candidates[i].score.den);
  if (profits.reduce((sum, p) => sum + p, 0n) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidInput,
      'scores have too fine a common denominator for an exact optimal search; round them to stated decimals first',
      'projects',
    );
  }
  const itemByIndex = new Map<number, Item>();
  eligible.forEach((index, k) => {
    itemByIndex.set(index, { index, cost: Number(unitCosts[k] / g), profit: Number(profits[k]) });
  });
  return knapsack(
    groups.map((group) => group.map((index) => itemByIndex.get(index) as Item)),
    Number(capacity),
  );
}

/** Groups best-ranked first, members in rank order; a group funds at most one member. */
function groupsOf(prepared: PreparedAllocation, eligible: readonly number[]): number[][] {
  if (!prepared.policy.onePerOrganization) return eligible.map((i) => [i]);
  const byOrganization = new Map<string, number[]>();
  const groups: number[][] = [];
  for (const i of eligible) {
    const organization = prepared.candidates[i].organization;
    if (organization === undefined) {
      groups.push([i]);
      continue;
    }
    const group = byOrganization.get(organization);
    if (group) {
      group.push(i);
    } else {
      const created = [i];
      byOrganization.set(organization, created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * Multiple-choice 0/1 knapsack over suffixes of the group list, so that reconstruction can walk
 * the groups best-ranked first and take a member whenever an optimal completion exists.
 * dp[c] beyond the suffix's largest possible cost W is constant, so each group only scans c ≤ W.
 */
function knapsack(groups: readonly (readonly Item[])[], capacity: number): number[] {
  const words = (capacity >>> 5) + 1;
  const memberCount = groups.reduce((sum, group) => sum + group.length, 0);
  const bits = new Uint32Array(memberCount * words);
  const dp = new Float64Array(capacity + 1);
  const rowOf: number[][] = [];
  const reach: number[] = new Array<number>(groups.length);
  let row = memberCount;
  let suffixMax = 0;
  for (let g = groups.length - 1; g >= 0; g -= 1) {
    const group = groups[g];
    const rows = group.map(() => (row -= 1));
    rowOf[g] = rows;
    const previousReach = Math.min(suffixMax, capacity);
    suffixMax += Math.max(...group.map((item) => item.cost));
    const hi = Math.min(suffixMax, capacity);
    reach[g] = hi;
    const flat = dp[previousReach];
    for (let c = previousReach + 1; c <= hi; c += 1) dp[c] = flat;
    if (group.length === 1) {
      const { cost, profit } = group[0];
      const base = rows[0] * words;
      for (let c = hi; c >= cost; c -= 1) {
        const value = dp[c - cost] + profit;
        if (value >= dp[c]) {
          dp[c] = value;
          bits[base + (c >>> 5)] |= 1 << (c & 31);
        }
      }
      continue;
    }
    for (let c = hi; c >= 0; c -= 1) {
      let best = dp[c];
      let chosen = -1;
      for (let m = 0; m < group.length; m += 1) {
        const { cost, profit } = group[m];
        if (cost > c) continue;
        const value = dp[c - cost] + profit;
        if (value > best || (value === best && chosen < 0)) {
          best = value;
          chosen = m;
        }
      }
      if (chosen >= 0) {
        dp[c] = best;
        bits[rows[chosen] * words + (c >>> 5)] |= 1 << (c & 31);
      }
    }
  }
  const chosenIndexes: number[] = [];
  let left = capacity;
  groups.forEach((group, g) => {
    const c = Math.min(left, reach[g]);
    const m = group.findIndex((_, k) => (bits[rowOf[g][k] * words + (c >>> 5)] & (1 << (c & 31))) !== 0);
    if (m >= 0) {
      chosenIndexes.push(group[m].index);
      left -= group[m].cost;
    }
  });
  return chosenIndexes;
}
