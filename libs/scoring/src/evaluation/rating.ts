import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/** 评估等次 one band: a score at or above `minScore` (0–100) reaches it unless a higher band does. */
export interface BandRule {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly minScore: string;
}

/** 星级 one star level (3, 4 or 5 stars) reached at `minScore` (0–100). */
export interface StarRule {
  readonly stars: number;
  readonly minScore: string;
}

/**
 * A criterion the stars depend on (辛店: 党建 first): the panel's mean mark on it must reach
 * `minShare` of its maximum, or the stars drop one level (`one-fewer`) or are withheld (`none`).
 */
export interface StarGateRule {
  readonly criterion: string;
  readonly minShare: string;
  readonly effect: 'one-fewer' | 'none';
}

export interface StarGateOutcome {
  readonly criterion: string;
  /** The panel's mean mark over the criterion's maximum, exact decimal text or "n/d". */
  readonly share: string;
  readonly passed: boolean;
}

function descending<T extends { readonly minScore: string }>(rules: readonly T[], field: string): T[] {
  return rules
    .map((rule, i) => ({ rule, min: Rational.parse(rule.minScore, `${field}.${i}.minScore`) }))
    .sort((a, b) => b.min.compare(a.min))
    .map((entry) => entry.rule);
}

/**
 * The score out of 100: `points` of a rubric whose maximum is `maxPoints`, rounded half-up once to
 * `decimals`. Invariants: 0 ↦ 0, max ↦ 100, non-decreasing in `points`.
 */
export function scoreOutOf100(points: Rational, maxPoints: Rational, decimals: number): Rational {
  if (!maxPoints.gt(Rational.ZERO)) {
    throw new ScoringError(ScoringErrorCode.InvalidRubric, 'the rubric maximum must be positive', 'rules.rubric');
  }
  return points.mul(Rational.of(100)).div(maxPoints).round(decimals);
}

/**
 * The band a score reaches: the one with the highest `minScore` at or below it. Invariants: the
 * bands must include one from 0, so every score 0–100 has a band; a higher score never reaches a
 * lower band.
 */
export function bandOf(score: Rational, bands: readonly BandRule[]): BandRule {
  const band = descending(bands, 'rules.bands').find((rule) => score.gte(Rational.parse(rule.minScore)));
  if (!band) {
    throw new ScoringError(
      ScoringErrorCode.InvalidPolicy,
      `no band covers the score ${score.toString()}`,
      'rules.bands',
    );
  }
  return band;
}

/** Whether each star gate holds, from the panel's mean mark and the maximum of its criterion. */
export function starGateOutcomes(
  gates: readonly StarGateRule[],
  means: Readonly<Record<string, Rational>>,
  maxPoints: Readonly<Record<string, Rational>>,
): StarGateOutcome[] {
  return gates.map((gate, i) => {
    const mean = means[gate.criterion];
    const max = maxPoints[gate.criterion];
    if (mean === undefined || max === undefined) {
      throw new ScoringError(
        ScoringErrorCode.UnknownCriterion,
        `star gate names "${gate.criterion}", which is not a scored criterion`,
        `rules.starGates.${i}.criterion`,
      );
    }
    const share = mean.div(max);
    const text = share.terminatingPlaces() === undefined ? share.toString() : share.toDecimalString();
    return { criterion: gate.criterion, share: text, passed: share.gte(Rational.parse(gate.minShare)) };
  });
}

/**
 * The stars a score earns: the highest level whose `minScore` it reaches, then each failed gate
 * applies its effect (`none` withholds the stars, `one-fewer` drops to the next lower level, or
 * none below the lowest). null means no stars. Invariants: with the same gate outcomes, a higher
 * score never earns fewer stars; a failed gate never adds stars.
 */
export function starsOf(
  score: Rational,
  levels: readonly StarRule[],
  gates: readonly StarGateRule[],
  outcomes: readonly StarGateOutcome[],
): number | null {
  const ordered = descending(levels, 'rules.stars');
  let index = ordered.findIndex((level) => score.gte(Rational.parse(level.minScore)));
  if (index < 0) return null;
  for (const gate of gates) {
    if (outcomes.find((outcome) => outcome.criterion === gate.criterion)?.passed !== false) continue;
    if (gate.effect === 'none') return null;
    index += 1;
  }
  return index < ordered.length ? ordered[index].stars : null;
}
