import { Rational } from '../rational';
import type { JudgeNormalization, NormalizationReport, ZScoreNormalization } from './aggregation.types';
import { pow10 } from './decimal-units';
import { MAX_TOTAL_DECIMALS } from './rubric';

/** The ratio sqrt(pooled variance / judge variance) is taken to this many places (floor). */
export const RATIO_DECIMALS = 12;
/** Normalized totals are carried at this many places, rounded half away from zero. */
export const NORMALIZED_DECIMALS = MAX_TOTAL_DECIMALS;

const RATIO_SCALE = 10n ** BigInt(RATIO_DECIMALS);
const NORMALIZED_SCALE = 10n ** BigInt(NORMALIZED_DECIMALS);

export interface JudgeTotals {
  readonly judgeId: string;
  /** Raw totals in units of 10^-totalDecimals, one per non-recused project the judge scored. */
  readonly totals: readonly number[];
}

export interface ZScoreOutcome {
  /** normalized[j][i]: judge j's i-th total in units of 10^-NORMALIZED_DECIMALS points. */
  readonly normalized: readonly (readonly number[])[];
  readonly applied: readonly boolean[];
  readonly report: NormalizationReport;
}

/** Floor of the square root of a non-negative bigint. */
export function isqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = BigInt(Math.floor(Math.sqrt(Number(value))));
  // Newton from a float guess: a couple of steps settle it exactly even when the guess is off.
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x) break;
    x = next;
  }
  while (x * x > value) x -= 1n;
  while ((x + 1n) * (x + 1n) <= value) x += 1n;
  return x;
}

function sums(values: readonly number[]): { n: bigint; sum: bigint; squares: bigint } {
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
  }
  if (Number.isSafeInteger(squares) && Number.isSafeInteger(sum)) {
    return { n: BigInt(values.length), sum: BigInt(sum), squares: BigInt(squares) };
  }
  let bigSum = 0n;
  let bigSquares = 0n;
  for (const v of values) {
    const b = BigInt(v);
    bigSum += b;
    bigSquares += b * b;
  }
  return { n: BigInt(values.length), sum: bigSum, squares: bigSquares };
}

/** Variance as numerator / denominator in units²; population divides by n, sample by n − 1. */
function variance(
  s: { n: bigint; sum: bigint; squares: bigint },
  sd: ZScoreNormalization['sd'],
): { num: bigint; den: bigint } {
  const num = s.n * s.squares - s.sum * s.sum;
  const den = sd === 'population' ? s.n * s.n : s.n * (s.n - 1n);
  return { num, den };
}

function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

function fixedText(value: bigint, places: number): string {
  const digits = value.toString().padStart(places + 1, '0');
  return `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}

/**
 * Per-judge z-score normalization rescaled to the rubric's points: a judge's total t becomes
 * pooledMean + (t − judgeMean) × pooledSD / judgeSD, clamped to [0, rubric maximum].
 * Judges with fewer than `minProjectsPerJudge` totals, or whose totals are all equal, keep their
 * raw totals, and the report says so.
 * Invariants: integer arithmetic only (the SD ratio is floored to 12 places, results rounded half
 * away from zero to 6 places), so the output is identical on every machine; within one judge the
 * order of totals is preserved; the output does not depend on the order of judges.
 */
export function zScoreNormalize(
  judges: readonly JudgeTotals[],
  totalDecimals: number,
  maxTotalUnits: number,
  options: ZScoreNormalization,
): ZScoreOutcome {
  const toNormalized = pow10(NORMALIZED_DECIMALS - totalDecimals);
  const maxNormalized = BigInt(maxTotalUnits * toNormalized);
  const scale = BigInt(pow10(totalDecimals));
  const all: number[] = [];
  for (const judge of judges) for (const t of judge.totals) all.push(t);
  const pooled = sums(all);
  const pooledVariance = variance(pooled, options.sd);
  const pooledMean = pooled.n === 0n ? Rational.ZERO : Rational.of(pooled.sum, pooled.n * scale);
  const scaleNumber = Number(scale);
  const toSd = (v: { num: bigint; den: bigint }): number =>
    v.den <= 0n ? 0 : Math.sqrt(Number(v.num) / Number(v.den)) / scaleNumber;

  const normalized: number[][] = [];
  const applied: boolean[] = [];
  const lines: JudgeNormalization[] = judges.map((judge) => {
    const s = sums(judge.totals);
    const v = variance(s, options.sd);
    const mean = s.n === 0n ? Rational.ZERO : Rational.of(s.sum, s.n * scale);
    const base = { judgeId: judge.judgeId, projectCount: judge.totals.length, mean, sd: toSd(v) };
    const tooFew = judge.totals.length < options.minProjectsPerJudge;
    if (tooFew || v.num === 0n || pooledVariance.num === 0n) {
      normalized.push(judge.totals.map((t) => t * toNormalized));
      applied.push(false);
      return { ...base, applied: false, reason: tooFew ? 'too-few-projects' : 'no-spread' };
    }
    const ratio = isqrt((pooledVariance.num * v.den * RATIO_SCALE * RATIO_SCALE) / (pooledVariance.den * v.num));
    // x' × 10^6 = [10^6·P·n·10^12 + 10^6·(n·t − p)·r·N] / (N·n·S·10^12), all integers.
    const constant = NORMALIZED_SCALE * pooled.sum * s.n * RATIO_SCALE;
    const slope = NORMALIZED_SCALE * ratio * pooled.n;
    const den = pooled.n * s.n * scale * RATIO_SCALE;
    normalized.push(
      judge.totals.map((t) => {
        const centred = s.n * BigInt(t) - s.sum;
        let value = roundDiv(constant + slope * centred, den);
        if (value < 0n) value = 0n;
        if (value > maxNormalized) value = maxNormalized;
        return Number(value);
      }),
    );
    applied.push(true);
    return { ...base, applied: true, reason: 'applied', ratio: fixedText(ratio, RATIO_DECIMALS) };
  });
  return {
    normalized,
    applied,
    report: { kind: 'z-score', sd: options.sd, pooledMean, pooledSd: toSd(pooledVariance), judges: lines },
  };
}
