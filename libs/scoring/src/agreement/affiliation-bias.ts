import { Rational } from '../rational';
import { panelOffsets, type Rating } from './ratings';
import { toStatNumber } from './stat-number';

export interface Affiliations {
  /** Judge id → affiliation (country, organization, community). */
  readonly judges: Readonly<Record<string, string>>;
  /** Item id → affiliation of the project or competitor scored. */
  readonly items: Readonly<Record<string, string>>;
}

export interface JudgeAffiliationBias {
  readonly judgeId: string;
  readonly affiliation: string | null;
  /** Items sharing the judge's affiliation, and the rest, that the judge scored with others. */
  readonly sameCount: number;
  readonly otherCount: number;
  /** Mean offset from the other judges' mean on same-affiliation items, and on the rest. */
  readonly sameMeanOffset: Rational | null;
  readonly otherMeanOffset: Rational | null;
  /** sameMeanOffset − otherMeanOffset: how much more the judge favours their own. */
  readonly bias: Rational | null;
  readonly biasValue: number | null;
  /** Welch t statistic of the difference (null with fewer than 2 items on either side). */
  readonly welchT: number | null;
}

export interface AffiliationBiasReport {
  /** Judges in code-unit order of id. */
  readonly judges: readonly JudgeAffiliationBias[];
  /** All judges pooled: same-affiliation offsets against all other offsets. */
  readonly pooled: Omit<JudgeAffiliationBias, 'judgeId' | 'affiliation'>;
}

interface Side {
  sum: Rational;
  values: number[];
}

function mean(side: Side): Rational | null {
  return side.values.length === 0 ? null : side.sum.div(Rational.of(side.values.length));
}

function welch(same: Side, other: Side): number | null {
  if (same.values.length < 2 || other.values.length < 2) return null;
  const stats = (values: readonly number[]): { mean: number; variance: number } => {
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const v = values.reduce((a, b) => a + (b - m) * (b - m), 0) / (values.length - 1);
    return { mean: m, variance: v };
  };
  const a = stats(same.values);
  const b = stats(other.values);
  const se = Math.sqrt(a.variance / same.values.length + b.variance / other.values.length);
  return se === 0 ? null : (a.mean - b.mean) / se;
}

function summarize(same: Side, other: Side): Omit<JudgeAffiliationBias, 'judgeId' | 'affiliation'> {
  const sameMean = mean(same);
  const otherMean = mean(other);
  const bias = sameMean && otherMean ? sameMean.sub(otherMean) : null;
  return {
    sameCount: same.values.length,
    otherCount: other.values.length,
    sameMeanOffset: sameMean,
    otherMeanOffset: otherMean,
    bias,
    biasValue: bias ? toStatNumber(bias) : null,
    welchT: welch(same, other),
  };
}

/**
 * Affiliation ("national") bias in the sense of Emerson, Seltzer & Lin (2009): for each judge,
 * the mean offset from the other judges on items sharing the judge's affiliation minus the mean
 * offset on all other items. Positive means the judge scores their own side higher than the rest
 * of the panel does, beyond the judge's general leniency.
 * Invariants: offsets and biases are exact; permuting ratings changes nothing; items with a single
 * judge, and judges without an affiliation, contribute no comparison.
 */
export function affiliationBias(ratings: readonly Rating[], affiliations: Affiliations): AffiliationBiasReport {
  const sides = new Map<string, { same: Side; other: Side }>();
  const pooledSame: Side = { sum: Rational.ZERO, values: [] };
  const pooledOther: Side = { sum: Rational.ZERO, values: [] };
  const judgeIds = new Set(ratings.map((r) => r.judge));
  for (const id of judgeIds) {
    sides.set(id, { same: { sum: Rational.ZERO, values: [] }, other: { sum: Rational.ZERO, values: [] } });
  }
  for (const { item, judge, offset } of panelOffsets(ratings)) {
    const judgeAffiliation = affiliations.judges[judge];
    if (judgeAffiliation === undefined) continue;
    const entry = sides.get(judge);
    if (!entry) continue;
    const matches = affiliations.items[item] === judgeAffiliation;
    const side = matches ? entry.same : entry.other;
    const pooled = matches ? pooledSame : pooledOther;
    const value = toStatNumber(offset);
    side.sum = side.sum.add(offset);
    side.values.push(value);
    pooled.sum = pooled.sum.add(offset);
    pooled.values.push(value);
  }
  const judges = [...judgeIds]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((judgeId) => {
      const entry = sides.get(judgeId) ?? {
        same: { sum: Rational.ZERO, values: [] },
        other: { sum: Rational.ZERO, values: [] },
      };
      return { judgeId, affiliation: affiliations.judges[judgeId] ?? null, ...summarize(entry.same, entry.other) };
    });
  return { judges, pooled: summarize(pooledSame, pooledOther) };
}
