import { Rational } from '../rational';
import { AllocationOutcome, AllocationReason } from './allocation.types';
import { Candidate } from './normalize';

/** Status follows from the amount: nothing, the full request, or something in between. */
export function outcomeOf(
  candidate: Candidate,
  amount: bigint,
  reason: AllocationReason,
  reserved = false,
): AllocationOutcome {
  const status = amount === 0n ? 'not-funded' : amount === candidate.requested ? 'funded' : 'partly-funded';
  return {
    id: candidate.id,
    rank: candidate.rank,
    score: candidate.score,
    requested: candidate.requested,
    cap: candidate.cap,
    amount,
    status,
    reason: status === 'funded' ? 'funded-in-full' : reason,
    reserved,
  };
}

/** Reason for a grant equal to `target`: the request itself, a cap, or a smaller fixed amount. */
export function grantReason(candidate: Candidate, target: bigint): AllocationReason {
  if (target === candidate.requested) return 'funded-in-full';
  return target === candidate.cap ? 'cap-applied' : 'tier-amount';
}

/**
 * Reasons that exclude a project whatever the others do: below the pass score, nothing asked,
 * or a cap that leaves less than the minimum grant.
 */
export function intrinsicExclusion(
  candidate: Candidate,
  passScore: Rational | undefined,
  minGrant: bigint,
): AllocationReason | undefined {
  if (passScore !== undefined && candidate.score.lt(passScore)) return 'below-threshold';
  if (candidate.requested === 0n) return 'nothing-requested';
  if (candidate.cap === 0n) return 'cap-applied';
  if (candidate.cap < minGrant) return 'below-minimum';
  return undefined;
}
