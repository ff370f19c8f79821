import { AllocationInput, AllocationPolicy, AllocationResult } from './allocation.types';
import { prepareAllocation } from './normalize';
import { allocateOptimally } from './optimal-rule';
import { allocateProportionally } from './proportional-rule';
import { allocateInRankOrder, RuleOutcome } from './rank-order-rules';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/**
 * Allocates the pool among the projects under the policy.
 *
 * Preconditions (each throws a ScoringError naming the field): the pool and every amount are
 * non-negative whole fen; project ids are unique; scores are exact decimals; the rank order, when
 * given, is a permutation of the ids; the policy is consistent and uses only what its rule supports.
 *
 * Invariants:
 * - every project gets exactly one outcome, listed in rank order;
 * - Σ amounts = total ≤ pool and remainder = pool − total;
 * - 0 ≤ amount ≤ cap ≤ requested, and cap respects maxGrant and maxShareOfBudget;
 * - a funded amount is ≥ minGrant; a project below passScore gets nothing;
 * - the result depends only on the inputs (no clock, no randomness) and not on the order of
 *   `projects` when the rank order is the same;
 * - greedy, greedy-no-skip and tiers are monotone: raising one project's score never lowers its grant;
 * - quotas, onePerOrganization, communityLimit and maxProjects hold among funded projects.
 */
export function allocate(input: AllocationInput, policy: AllocationPolicy): AllocationResult {
  const prepared = prepareAllocation(input, policy);
  const result = runRule(prepared);
  const total = result.outcomes.reduce((sum, outcome) => sum + outcome.amount, 0n);
  if (total > prepared.pool) {
    // Unreachable by construction; refusing is better than publishing an over-committed pool.
    throw new ScoringError(
      ScoringErrorCode.InvalidPolicy,
      `allocation ${total} exceeds the pool ${prepared.pool}`,
      'pool',
    );
  }
  return {
    rule: prepared.policy.rule,
    pool: prepared.pool,
    total,
    remainder: prepared.pool - total,
    outcomes: result.outcomes,
    unmetQuotas: result.unmetQuotas,
  };
}

function runRule(prepared: ReturnType<typeof prepareAllocation>): RuleOutcome {
  switch (prepared.policy.rule) {
    case 'greedy':
    case 'greedy-no-skip':
    case 'tiers':
      return allocateInRankOrder(prepared);
    case 'proportional':
      return allocateProportionally(prepared);
    case 'optimal':
      return allocateOptimally(prepared);
  }
}
