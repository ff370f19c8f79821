import { ReportsError, ReportsErrorCode } from '../reports.error';
import { Fen, toFen } from './fen';

/**
 * Splits `total` units among `weights` in proportion, in whole units, by the largest-remainder
 * method. Invariants: the parts add up to `total` exactly; each part is the floor or the ceiling
 * of its exact share; equal remainders go to the earlier position, so the result depends on the
 * inputs only.
 */
export function distributeByLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  if (weights.length === 0 || weights.some((w) => w < 0n) || weightSum === 0n) {
    throw new ReportsError(
      ReportsErrorCode.InvalidShares,
      'weights must be non-negative with a positive sum',
      'weights',
    );
  }
  const parts = weights.map((w) => (total * w) / weightSum);
  let left = total - parts.reduce((sum, p) => sum + p, 0n);
  const byRemainder = weights
    .map((w, index) => ({ index, remainder: (total * w) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) {
      break;
    }
    parts[index] += 1n;
    left -= 1n;
  }
  return parts;
}

const PERCENT_SCALE = 100;

/** Percent with at most two decimals as basis points; anything finer is a caller's mistake. */
function toBasisPoints(percent: number, field: string): bigint {
  const bp = Math.round(percent * PERCENT_SCALE);
  if (!Number.isFinite(percent) || percent < 0 || Math.abs(bp - percent * PERCENT_SCALE) > 1e-6) {
    throw new ReportsError(
      ReportsErrorCode.InvalidShares,
      `${field} must be a percentage with at most two decimals, got ${percent}`,
      field,
    );
  }
  return BigInt(bp);
}

/** Rounding unit of each part: whole fen, or whole yuan with the sub-yuan rest on the last part. */
export type SplitUnit = 'fen' | 'yuan';

/**
 * Splits a grant by percentages that add up to exactly 100 (two decimals at most), by the
 * largest-remainder method in whole fen or whole yuan. Invariants: the parts add up to the
 * grant exactly; ties go to the earlier part; in 'yuan' mode every part is whole yuan except
 * the last, which also takes the grant's own fen (a grant of ¥100.50 cannot split into whole
 * yuan, and the final tranche is where such a rest is conventionally settled).
 */
export function splitByPercent(grant: Fen, percents: readonly number[], unit: SplitUnit = 'fen'): bigint[] {
  const grantFen = toFen(grant, 'grantFen');
  const basisPoints = percents.map((p, i) => toBasisPoints(p, `percents.${i}`));
  const sum = basisPoints.reduce((a, b) => a + b, 0n);
  if (percents.length === 0 || sum !== 100n * BigInt(PERCENT_SCALE)) {
    throw new ReportsError(
      ReportsErrorCode.InvalidShares,
      `percentages must add up to 100, got ${Number(sum) / PERCENT_SCALE}`,
      'percents',
    );
  }
  if (unit === 'fen') {
    return distributeByLargestRemainder(grantFen, basisPoints);
  }
  const parts = distributeByLargestRemainder(grantFen / 100n, basisPoints).map((yuan) => yuan * 100n);
  parts[parts.length - 1] += grantFen % 100n;
  return parts;
}
