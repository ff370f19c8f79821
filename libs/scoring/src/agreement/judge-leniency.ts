import type { DecimalInput } from '../aggregate';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { panelOffsets, type Rating } from './ratings';
import { toStatNumber } from './stat-number';

/**
 * When a judge's leniency is flagged:
 * - 'modified-z': |0.6745 · (offset − median offset) / MAD| > threshold (Iglewicz & Hoaglin; 3.5 is
 *   their recommendation). With MAD = 0 the mean absolute deviation × 1.2533 stands in for MAD/0.6745;
 *   when that is 0 too, every judge has the same offset and none is flagged.
 * - 'absolute-offset': |offset| > limit points, a rule an office can state in advance.
 */
export type OutlierRule =
  | { readonly kind: 'modified-z'; readonly threshold: number }
  | { readonly kind: 'absolute-offset'; readonly limit: DecimalInput };

export const DEFAULT_OUTLIER_RULE: OutlierRule = { kind: 'modified-z', threshold: 3.5 };

export interface JudgeLeniency {
  readonly judgeId: string;
  /** Items this judge scored together with at least one other judge. */
  readonly itemCount: number;
  /** Mean of (score − mean of the other judges on the same item); positive = lenient. */
  readonly meanOffset: Rational | null;
  readonly meanOffsetValue: number | null;
  /** The modified z-score under the 'modified-z' rule. */
  readonly modifiedZ: number | null;
  readonly outlier: boolean;
}

export interface LeniencyReport {
  readonly rule: OutlierRule;
  /** Judges in code-unit order of id. */
  readonly judges: readonly JudgeLeniency[];
  readonly medianOffset: Rational | null;
}

function median(values: readonly Rational[]): Rational {
  const sorted = [...values].sort((a, b) => a.compare(b));
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].add(sorted[mid]).div(Rational.of(2));
}

/**
 * Per-judge leniency: the mean offset of the judge's scores from the other judges' mean on the
 * same items, and an outlier flag under a stated rule. Works on incomplete panels.
 * Invariants: offsets are exact; permuting ratings changes nothing; a judge with no shared item
 * has a null offset and is never flagged.
 */
export function judgeLeniency(ratings: readonly Rating[], rule: OutlierRule = DEFAULT_OUTLIER_RULE): LeniencyReport {
  if (rule.kind === 'modified-z' && !(rule.threshold > 0)) {
    throw new ScoringError(ScoringErrorCode.InvalidPolicy, 'threshold must be positive', 'rule.threshold');
  }
  const limit = rule.kind === 'absolute-offset' ? Rational.from(rule.limit, 'rule.limit') : undefined;
  const sums = new Map<string, { sum: Rational; count: number }>();
  for (const rating of ratings) if (!sums.has(rating.judge)) sums.set(rating.judge, { sum: Rational.ZERO, count: 0 });
  for (const { judge, offset } of panelOffsets(ratings)) {
    const entry = sums.get(judge) ?? { sum: Rational.ZERO, count: 0 };
    sums.set(judge, { sum: entry.sum.add(offset), count: entry.count + 1 });
  }
  const ids = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const means = ids.map((id) => {
    const entry = sums.get(id) ?? { sum: Rational.ZERO, count: 0 };
    return { id, count: entry.count, mean: entry.count === 0 ? null : entry.sum.div(Rational.of(entry.count)) };
  });
  const present = means.flatMap((m) => (m.mean === null ? [] : [m.mean]));
  const centre = present.length === 0 ? null : median(present);
  let spread = 0;
  if (centre !== null) {
    const deviations = present.map((value) => value.sub(centre).abs());
    const mad = toStatNumber(median(deviations));
    spread = mad > 0 ? mad / 0.6745 : (1.2533 * toStatNumber(Rational.sum(deviations))) / deviations.length;
  }
  const judges: JudgeLeniency[] = means.map(({ id, count, mean }) => {
    if (mean === null || centre === null) {
      return {
        judgeId: id,
        itemCount: count,
        meanOffset: null,
        meanOffsetValue: null,
        modifiedZ: null,
        outlier: false,
      };
    }
    const modifiedZ = spread > 0 ? toStatNumber(mean.sub(centre)) / spread : 0;
    const outlier = limit ? mean.abs().gt(limit) : rule.kind === 'modified-z' && Math.abs(modifiedZ) > rule.threshold;
    return {
      judgeId: id,
      itemCount: count,
      meanOffset: mean,
      meanOffsetValue: toStatNumber(mean),
      modifiedZ: rule.kind === 'modified-z' ? modifiedZ : null,
      outlier,
    };
  });
  return { rule, judges, medianOffset: centre };
}
