import { Rational } from '../rational';
import { AllocationOutcome, AllocationReason } from './allocation.types';
import { ConstraintTracker } from './constraint-tracker';
import { Candidate, PreparedAllocation } from './normalize';
import { intrinsicExclusion, outcomeOf } from './outcome';
import { RuleOutcome } from './rank-order-rules';

export interface Share {
  readonly cap: bigint;
  /** The score scaled by the scores' common denominator, so that weights are integers. */
  readonly weight: bigint;
}

/**
 * Exact water-filling with largest-remainder rounding, in integers only.
 *
 * Ideal amounts: each project gets pool × weight / Σweights, except that no one gets more than
 * its cap and the surplus of capped projects is shared among the others in the same way. Projects
 * are capped in ascending order of cap/weight: once the remaining pool per unit of weight is below
 * a project's cap/weight it stays below for every later project, so one pass after sorting suffices.
 *
 * Rounding: a capped project keeps its exact cap (a stated amount, not a computed one); every other
 * ideal amount L·w/W is rounded down to whole units, and the units left over go one each to the
 * largest remainders (ties to the earlier entry, i.e. the better rank) as long as no cap is passed.
 */
export function shareProportionally(pool: bigint, entries: readonly Share[], unit: bigint): bigint[] {
  const amounts = new Array<bigint>(entries.length).fill(0n);
  // Doubles order the entries whenever they differ clearly; bigint cross-products settle the rest.
  const approx = entries.map((entry) => Number(entry.cap) / Number(entry.weight));
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => {
      const x = approx[a];
      const y = approx[b];
      if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x < y ? -1 : 1;
      const left = entries[a].cap * entries[b].weight;
      const right = entries[b].cap * entries[a].weight;
      return left < right ? -1 : left > right ? 1 : a - b;
    });
  let remaining = pool;
  let weight = entries.reduce((sum, entry) => sum + entry.weight, 0n);
  let k = 0;
  for (; k < order.length; k += 1) {
    const entry = entries[order[k]];
    if (remaining * entry.weight < weight * entry.cap) break;
    amounts[order[k]] = entry.cap;
    remaining -= entry.cap;
    weight -= entry.weight;
  }
  if (k === order.length || weight === 0n) return amounts;
  const uncapped = order.slice(k).sort((a, b) => a - b);
  const remainders = new Map<number, bigint>();
  let handedOut = 0n;
  for (const i of uncapped) {
    const scaled = remaining * entries[i].weight;
    const rounded = (scaled / weight / unit) * unit;
    amounts[i] = rounded;
    handedOut += rounded;
    // (ideal − rounded) × W, exact: every ideal amount here shares the denominator W.
    remainders.set(i, scaled - rounded * weight);
  }
  let spare = (remaining - handedOut) / unit;
  const byRemainder = uncapped
    .filter((i) => amounts[i] + unit <= entries[i].cap)
    .sort((a, b) => {
      const x = remainders.get(a) as bigint;
      const y = remainders.get(b) as bigint;
      return x > y ? -1 : x < y ? 1 : a - b;
    });
  for (const i of byRemainder) {
    if (spare <= 0n) break;
    amounts[i] += unit;
    spare -= 1n;
  }
  return amounts;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Scores as integer weights over their least common denominator. */
function integerWeights(scores: readonly Rational[]): bigint[] {
  const scale = scores.reduce((acc, score) => (acc / gcd(acc, score.den)) * score.den, 1n);
  return scores.map((score) => (score.num * scale) / score.den);
}

/**
 * proportional: every eligible project (pass score, limits applied in rank order, positive score)
 * shares the pool in proportion to its score, capped, rounded to the policy unit. A project whose
 * share falls below the minimum grant (or rounds to nothing) is dropped, lowest rank first, and the
 * rest share again.
 *
 * Invariants: Σ amounts ≤ pool; amount ≤ cap; amounts not at their cap are multiples of the unit;
 * the pool is used up to less than one unit per uncapped project unless every project is capped.
 * Cost O(n log n) exact operations per round, one round plus one per dropped project.
 */
export function allocateProportionally(prepared: PreparedAllocation): RuleOutcome {
  const { policy, candidates } = prepared;
  const excluded = new Map<number, AllocationReason>();
  candidates.forEach((candidate, i) => {
    const intrinsic = intrinsicExclusion(candidate, policy.passScore, policy.minGrant);
    if (intrinsic !== undefined) excluded.set(i, intrinsic);
    else if (!candidate.score.gt(Rational.ZERO)) excluded.set(i, 'zero-share');
  });

  for (;;) {
    const tracker = new ConstraintTracker(policy);
    const selected: number[] = [];
    const blocked = new Map<number, AllocationReason>();
    candidates.forEach((candidate, i) => {
      if (excluded.has(i)) return;
      const reason = tracker.blockedBy(candidate, 0n);
      if (reason !== undefined) {
        blocked.set(i, reason);
        return;
      }
      tracker.record(candidate, 0n);
      selected.push(i);
    });
    const weights = integerWeights(selected.map((i) => candidates[i].score));
    const amounts = shareProportionally(
      prepared.pool,
      selected.map((i, k) => ({ cap: candidates[i].cap, weight: weights[k] })),
      policy.unit,
    );
    // A selected project that ends up with nothing would still hold a slot under the count limits.
    const tooSmall = selected.filter((_, k) => amounts[k] === 0n || amounts[k] < policy.minGrant);
    if (tooSmall.length > 0) {
      excluded.set(tooSmall[tooSmall.length - 1], policy.minGrant > 0n ? 'below-minimum' : 'zero-share');
      continue;
    }
    const amountByIndex = new Map<number, bigint>(selected.map((i, k) => [i, amounts[k]]));
    const outcomes = candidates.map((candidate: Candidate, i): AllocationOutcome => {
      const reason = excluded.get(i) ?? blocked.get(i);
      if (reason !== undefined) return outcomeOf(candidate, 0n, reason);
      const amount = amountByIndex.get(i) ?? 0n;
      return outcomeOf(candidate, amount, amount === candidate.cap ? 'cap-applied' : 'proportional-share');
    });
    return { outcomes, unmetQuotas: [] };
  }
}
