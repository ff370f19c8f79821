import { AllocationOutcome, AllocationReason, UnmetQuota } from './allocation.types';
import { ConstraintTracker } from './constraint-tracker';
import { floorToUnit, maxFen, minFen } from './fen';
import { Candidate, NormalizedPolicy, NormalizedTiers, PreparedAllocation } from './normalize';
import { grantReason, intrinsicExclusion, outcomeOf } from './outcome';

export interface RuleOutcome {
  readonly outcomes: readonly AllocationOutcome[];
  readonly unmetQuotas: readonly UnmetQuota[];
}

function tierAmount(tiers: NormalizedTiers, candidate: Candidate): bigint | undefined {
  if (tiers.by === 'rank') {
    return tiers.bands.find((band) => candidate.rank >= band.from && candidate.rank <= band.to)?.amount;
  }
  // Bands are sorted by minScore descending, so the first match is the highest band reached.
  return tiers.bands.find((band) => candidate.score.gte(band.minScore))?.amount;
}

type Offer = { readonly target: bigint } | { readonly excluded: AllocationReason };

/** What the rule would grant this project if pool and limits allowed, or why it is out. */
function offerFor(policy: NormalizedPolicy, candidate: Candidate): Offer {
  const intrinsic = intrinsicExclusion(candidate, policy.passScore, policy.minGrant);
  if (intrinsic !== undefined) return { excluded: intrinsic };
  if (policy.tiers === undefined) return { target: candidate.cap };
  const amount = tierAmount(policy.tiers, candidate);
  if (amount === undefined || amount === 0n) return { excluded: 'outside-tiers' };
  const target = minFen(amount, candidate.cap);
  return target < policy.minGrant ? { excluded: 'below-minimum' } : { target };
}

/**
 * greedy, greedy-no-skip and tiers: walk the rank order once, granting each project its target
 * (capped request, or its tier amount) while the pool and the limits allow.
 *
 * Category minimums are met first: a pass in rank order funds projects of categories still short
 * of their minimum (marked `reserved`), then the main pass decides everyone else.
 */
export function allocateInRankOrder(prepared: PreparedAllocation): RuleOutcome {
  const { policy, candidates } = prepared;
  const stopAtMisfit = policy.rule === 'greedy-no-skip';
  const tracker = new ConstraintTracker(policy);
  const offers = candidates.map((candidate) => offerFor(policy, candidate));
  const decided: (AllocationOutcome | undefined)[] = new Array<AllocationOutcome | undefined>(candidates.length).fill(
    undefined,
  );
  let remaining = prepared.pool;

  const hasMinimums = [...policy.quotas.values()].some((q) => q.minCount !== undefined || q.minAmount !== undefined);
  if (hasMinimums) {
    candidates.forEach((candidate, i) => {
      const offer = offers[i];
      if (!('target' in offer) || !tracker.belowCategoryMinimum(candidate)) return;
      if (offer.target > remaining || tracker.blockedBy(candidate, offer.target) !== undefined) return;
      tracker.record(candidate, offer.target);
      remaining -= offer.target;
      decided[i] = outcomeOf(candidate, offer.target, grantReason(candidate, offer.target), true);
    });
  }

  let stopped = false;
  const partialFloor =
    policy.partialMinimum === undefined ? undefined : maxFen(maxFen(policy.partialMinimum, policy.minGrant), 1n);
  const outcomes = candidates.map((candidate, i): AllocationOutcome => {
    const already = decided[i];
    if (already !== undefined) return already;
    const offer = offers[i];
    if ('excluded' in offer) return outcomeOf(candidate, 0n, offer.excluded);
    if (stopped) return outcomeOf(candidate, 0n, 'stopped-at-first-misfit');
    const blocked = tracker.blockedBy(candidate, offer.target);
    if (blocked !== undefined) return outcomeOf(candidate, 0n, blocked);
    if (offer.target <= remaining) {
      tracker.record(candidate, offer.target);
      remaining -= offer.target;
      return outcomeOf(candidate, offer.target, grantReason(candidate, offer.target));
    }
    const partial = floorToUnit(remaining, policy.unit);
    if (partialFloor !== undefined && partial >= partialFloor) {
      tracker.record(candidate, partial);
      remaining -= partial;
      return outcomeOf(candidate, partial, 'partial-remainder');
    }
    stopped = stopAtMisfit;
    return outcomeOf(candidate, 0n, 'pool-exhausted');
  });
  return { outcomes, unmetQuotas: tracker.unmetQuotas(candidates) };
}
