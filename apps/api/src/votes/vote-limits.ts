import { BilingualMessage, DomainError, VOTE_GUARDS, VoteErrors, VoteFlag, VoteRoundPhase } from '@app/domain';

/** A round's window and limits, as a vote is checked against them. */
export interface VoteLimits {
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly votesPerDay: number | null;
  readonly votesTotal: number;
  readonly perProject: number;
  readonly perCategory: number | null;
}

/** What a voter has already cast, read after their row is locked, so no concurrent vote is missing. */
export interface CastSoFar {
  readonly total: number;
  /** On the Beijing calendar day of the new vote. */
  readonly today: number;
  readonly forProject: number;
  readonly inCategory: number;
  readonly lastCastAt: Date | null;
}

/** Where the round is at `now`: open from opensAt (inclusive) to closesAt (exclusive). */
export function phaseAt(window: Pick<VoteLimits, 'opensAt' | 'closesAt'>, now: Date): VoteRoundPhase {
  if (now.getTime() < window.opensAt.getTime()) return VoteRoundPhase.Upcoming;
  return now.getTime() < window.closesAt.getTime() ? VoteRoundPhase.Open : VoteRoundPhase.Closed;
}

/** The refusal of a vote outside the window, or null inside it. */
export function windowRefusal(limits: VoteLimits, now: Date): DomainError | null {
  switch (phaseAt(limits, now)) {
    case VoteRoundPhase.Upcoming:
      return VoteErrors.roundNotYetOpen(limits.opensAt);
    case VoteRoundPhase.Closed:
      return VoteErrors.roundClosed(limits.closesAt);
    case VoteRoundPhase.Open:
      return null;
  }
}

/**
 * The first limit one more vote would break, or null when it may be cast. The order is what the
 * voter can do about it: a project already voted for (choose another), a full category, today's
 * votes gone (come back tomorrow), every vote gone. The category's name is looked up only for its refusal.
 */
export async function limitRefusal(
  limits: VoteLimits,
  cast: CastSoFar,
  category: () => Promise<BilingualMessage>,
): Promise<DomainError | null> {
  if (cast.forProject >= limits.perProject) return VoteErrors.projectLimitReached(limits.perProject);
  if (limits.perCategory !== null && cast.inCategory >= limits.perCategory) {
    return VoteErrors.categoryLimitReached(limits.perCategory, await category());
  }
  if (cast.total >= limits.votesTotal) return VoteErrors.totalLimitReached(limits.votesTotal);
  if (limits.votesPerDay !== null && cast.today >= limits.votesPerDay) {
    return VoteErrors.dailyLimitReached(limits.votesPerDay);
  }
  return null;
}

/** Votes the voter has left after `cast`: today's (null without a daily limit) and in all. */
export function remainingAfter(
  limits: Pick<VoteLimits, 'votesPerDay' | 'votesTotal'>,
  cast: Pick<CastSoFar, 'total' | 'today'>,
): { today: number | null; total: number } {
  const total = Math.max(0, limits.votesTotal - cast.total);
  return {
    total,
    today: limits.votesPerDay === null ? null : Math.min(total, Math.max(0, limits.votesPerDay - cast.today)),
  };
}

/** An act within a second of the same person's last: faster than a person reads and taps. */
export function fasterThanAPerson(lastAt: Date | null, now: Date): boolean {
  return lastAt !== null && now.getTime() - lastAt.getTime() < VOTE_GUARDS.velocitySeconds * 1000;
}

/** A vote cast within a second of the voter's last. */
export function velocityFlag(cast: Pick<CastSoFar, 'lastCastAt'>, now: Date): VoteFlag | null {
  return fasterThanAPerson(cast.lastCastAt, now) ? VoteFlag.Velocity : null;
}
