import type { DecimalInput } from '../aggregate';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

function count(value: number, field: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ScoringError(ScoringErrorCode.InvalidInput, `must be a whole number ≥ 0: ${value}`, field);
  }
  return BigInt(value);
}

function positive(value: DecimalInput, field: string): Rational {
  const parsed = Rational.from(value, field);
  if (!parsed.gt(Rational.ZERO)) {
    throw new ScoringError(ScoringErrorCode.InvalidInput, `must be above 0: ${String(value)}`, field);
  }
  return parsed;
}

/**
 * A public vote's tally as a component's points: the project with the most valid votes gets
 * `maxPoints`, every other project maxPoints × its votes / the top's votes; with no vote at all,
 * every project gets 0.
 * Invariants: exact rationals (no rounding; the final score is rounded once, at the end); every
 * value lies in [0, maxPoints]; more votes never give fewer points; the order of the map does not
 * matter.
 */
export function votePointsOf(
  votesByProject: ReadonlyMap<string, number>,
  maxPoints: DecimalInput,
): Map<string, Rational> {
  const max = positive(maxPoints, 'maxPoints');
  let top = 0n;
  const votes = new Map<string, bigint>();
  for (const [projectId, value] of votesByProject) {
    const n = count(value, `votes.${projectId}`);
    votes.set(projectId, n);
    if (n > top) top = n;
  }
  const points = new Map<string, Rational>();
  for (const [projectId, n] of votes) {
    points.set(projectId, top === 0n ? Rational.ZERO : max.mul(Rational.of(n, top)));
  }
  return points;
}

/** 定向捐赠折算 How directed donations become points: linear, one point per `fenPerPoint`, up to `maxPoints`. */
export interface DonationPointsRule {
  readonly fenPerPoint: number;
  readonly maxPoints: DecimalInput;
}

/**
 * Directed donations (integer fen) as a component's points: min(maxPoints, fen / fenPerPoint). A
 * linear rule, unlike the vote's share of the top, so a project knows its points from its own
 * donations alone, before anyone else's are in (东莞 published the amount per point in advance).
 * Invariants: exact rationals; every value lies in [0, maxPoints]; more money never gives fewer
 * points.
 */
export function donationPointsOf(fen: number, rule: DonationPointsRule): Rational {
  const amount = count(fen, 'fen');
  const per = count(rule.fenPerPoint, 'fenPerPoint');
  if (per === 0n) throw new ScoringError(ScoringErrorCode.InvalidInput, 'fenPerPoint must be above 0', 'fenPerPoint');
  return Rational.min(positive(rule.maxPoints, 'maxPoints'), Rational.of(amount, per));
}
