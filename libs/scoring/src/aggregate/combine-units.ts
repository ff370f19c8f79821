import { ScoringError, ScoringErrorCode } from '../scoring.error';
import type { CombineMethod, CombineMethodKind } from './aggregation.types';
import { assertSafeSum } from './decimal-units';

/** value = numerator / (divisor × 10^places): one exact division, done by the caller. */
export interface CombinedUnits {
  readonly numerator: number;
  readonly divisor: number;
  readonly method: CombineMethodKind;
  readonly fellBackToMean: boolean;
  /** How many marks were dropped at each end of the sorted order. */
  readonly dropped: number;
}

/**
 * Sorts `index[0..count)` so that `units[index[i]]` ascends and equal marks keep seat order
 * (`order[index[i]]` ascending). Trimming drops from the two ends of this one order, so among equal
 * lowest marks the earliest seats go and among equal highest marks the latest seats go — the order
 * the 2026 Olympic halfpipe judges' exclusions follow. Insertion sort: panels have 3–30 judges.
 */
export function sortByUnitsThenSeat(
  index: Int32Array | number[],
  count: number,
  units: ArrayLike<number>,
  order: ArrayLike<number>,
): void {
  for (let i = 1; i < count; i += 1) {
    const current = index[i];
    const u = units[current];
    const o = order[current];
    let j = i - 1;
    while (j >= 0) {
      const other = index[j];
      const uo = units[other];
      if (uo < u || (uo === u && order[other] <= o)) break;
      index[j + 1] = other;
      j -= 1;
    }
    index[j + 1] = current;
  }
}

function sum(units: ArrayLike<number>, index: ArrayLike<number>, from: number, to: number, field: string): number {
  let total = 0;
  for (let i = from; i < to; i += 1) total += units[index[i]];
  return assertSafeSum(total, field);
}

/** Median of sorted marks as numerator / divisor (divisor 1 or 2). */
export function medianOfSorted(
  units: ArrayLike<number>,
  index: ArrayLike<number>,
  count: number,
  field: string,
): { numerator: number; divisor: number } {
  if (count === 0) {
    throw new ScoringError(ScoringErrorCode.NotEnoughJudges, 'no scores to take the median of', field);
  }
  const mid = count >> 1;
  return count % 2 === 1
    ? { numerator: units[index[mid]], divisor: 1 }
    : { numerator: assertSafeSum(units[index[mid - 1]] + units[index[mid]], field), divisor: 2 };
}

/**
 * Combines `count` marks, `units[index[0..count)]`, already sorted by {@link sortByUnitsThenSeat}.
 * Invariants: the value lies between the lowest and highest mark; exactly k lowest and k highest
 * marks are dropped when trimming applies, whatever the ties; the result depends only on the
 * multiset of (mark, seat), not on input order.
 */
export function combineSorted(
  units: ArrayLike<number>,
  index: ArrayLike<number>,
  count: number,
  method: CombineMethod,
  field: string,
): CombinedUnits {
  if (count === 0) {
    throw new ScoringError(ScoringErrorCode.NotEnoughJudges, 'no judge scored this', field);
  }
  switch (method.kind) {
    case 'mean':
      return {
        numerator: sum(units, index, 0, count, field),
        divisor: count,
        method: 'mean',
        fellBackToMean: false,
        dropped: 0,
      };
    case 'median':
      return { ...medianOfSorted(units, index, count, field), method: 'median', fellBackToMean: false, dropped: 0 };
    case 'trimmed-mean': {
      const k = method.drop;
      if (count - 2 * k < method.minRemaining) {
        if (method.whenTooFew === 'error') {
          throw new ScoringError(
            ScoringErrorCode.NotEnoughJudges,
            `dropping ${k} highest and ${k} lowest of ${count} scores leaves fewer than ${method.minRemaining}`,
            field,
          );
        }
        return {
          numerator: sum(units, index, 0, count, field),
          divisor: count,
          method: 'mean',
          fellBackToMean: true,
          dropped: 0,
        };
      }
      return {
        numerator: sum(units, index, k, count - k, field),
        divisor: count - 2 * k,
        method: 'trimmed-mean',
        fellBackToMean: false,
        dropped: k,
      };
    }
  }
}
