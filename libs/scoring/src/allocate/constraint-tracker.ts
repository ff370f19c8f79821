import { AllocationReason, UnmetQuota } from './allocation.types';
import { Candidate, EVERY_CATEGORY, NormalizedPolicy, NormalizedQuota } from './normalize';

interface Tally {
  count: number;
  amount: bigint;
}

/**
 * Counts what has been funded so far against the policy's limits. Every limit only tightens as
 * grants are recorded, which is what makes rank-order rules monotone: a project that moves up the
 * ranking meets the limits with fewer grants already counted.
 */
export class ConstraintTracker {
  private funded = 0;
  private readonly organizations = new Set<string>();
  private readonly communities = new Map<string, number>();
  private readonly categories = new Map<string, Tally>();

  constructor(private readonly policy: NormalizedPolicy) {}

  quotaFor(category: string | undefined): NormalizedQuota | undefined {
    if (category === undefined) return undefined;
    return this.policy.quotas.get(category) ?? this.policy.quotas.get(EVERY_CATEGORY);
  }

  private tally(category: string): Tally {
    return this.categories.get(category) ?? { count: 0, amount: 0n };
  }

  /** The first limit that a grant of `amount` to `candidate` would break, if any. */
  blockedBy(candidate: Candidate, amount: bigint): AllocationReason | undefined {
    if (this.policy.maxProjects !== undefined && this.funded >= this.policy.maxProjects) return 'max-projects';
    if (
      this.policy.onePerOrganization &&
      candidate.organization !== undefined &&
      this.organizations.has(candidate.organization)
    ) {
      return 'one-per-organization';
    }
    if (
      this.policy.communityLimit !== undefined &&
      candidate.community !== undefined &&
      (this.communities.get(candidate.community) ?? 0) >= this.policy.communityLimit
    ) {
      return 'community-limit';
    }
    const quota = this.quotaFor(candidate.category);
    if (quota !== undefined && candidate.category !== undefined) {
      const tally = this.tally(candidate.category);
      if (quota.maxCount !== undefined && tally.count >= quota.maxCount) return 'category-quota';
      if (quota.maxAmount !== undefined && tally.amount + amount > quota.maxAmount) return 'category-quota';
    }
    return undefined;
  }

  /** Whether the candidate's category still falls short of a stated minimum. */
  belowCategoryMinimum(candidate: Candidate): boolean {
    const quota = this.quotaFor(candidate.category);
    if (quota === undefined || candidate.category === undefined) return false;
    const tally = this.tally(candidate.category);
    return (
      (quota.minCount !== undefined && tally.count < quota.minCount) ||
      (quota.minAmount !== undefined && tally.amount < quota.minAmount)
    );
  }

  record(candidate: Candidate, amount: bigint): void {
    this.funded += 1;
    if (candidate.organization !== undefined) this.organizations.add(candidate.organization);
    if (candidate.community !== undefined) {
      this.communities.set(candidate.community, (this.communities.get(candidate.community) ?? 0) + 1);
    }
    if (candidate.category !== undefined) {
      const tally = this.tally(candidate.category);
      this.categories.set(candidate.category, { count: tally.count + 1, amount: tally.amount + amount });
    }
  }

  /** Category minimums not met, for every category named in a quota or present among the candidates. */
  unmetQuotas(candidates: readonly Candidate[]): UnmetQuota[] {
    const categories = new Set<string>();
    for (const category of this.policy.quotas.keys()) {
      if (category !== EVERY_CATEGORY) categories.add(category);
    }
    if (this.policy.quotas.has(EVERY_CATEGORY)) {
      for (const candidate of candidates) {
        if (candidate.category !== undefined) categories.add(candidate.category);
      }
    }
    const unmet: UnmetQuota[] = [];
    for (const category of [...categories].sort()) {
      const quota = this.quotaFor(category);
      if (quota === undefined) continue;
      const tally = this.tally(category);
      const countShort = quota.minCount !== undefined && tally.count < quota.minCount;
      const amountShort = quota.minAmount !== undefined && tally.amount < quota.minAmount;
      if (countShort || amountShort) {
        unmet.push({
          category,
          minCount: quota.minCount,
          minAmount: quota.minAmount,
          fundedCount: tally.count,
          fundedAmount: tally.amount,
        });
      }
    }
    return unmet;
  }
}
