import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { fSurvival } from './distributions';
import type { RatingMatrix } from './ratings';
import { toStatNumber } from './stat-number';

export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';

export interface IccValue {
  /** null when the form is undefined for these data (a zero denominator). */
  readonly exact: Rational | null;
  readonly value: number | null;
  readonly description: string;
}

export interface FTest {
  readonly f: Rational | null;
  readonly value: number | null;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number | null;
}

export interface IccResult {
  /** Number of items (targets) and judges (raters). */
  readonly n: number;
  readonly k: number;
  readonly forms: Readonly<Record<IccForm, IccValue>>;
  readonly meanSquares: {
    /** Between items, within items, between judges, residual. */
    readonly BMS: Rational;
    readonly WMS: Rational;
    readonly JMS: Rational;
    readonly EMS: Rational;
  };
  /** One-way F = BMS/WMS tests ICC(1,·); two-way F = BMS/EMS tests ICC(3,·) (and ICC(2,·) approximately). */
  readonly fTests: { readonly oneWay: FTest; readonly twoWay: FTest };
}

function ratio(numerator: Rational, denominator: Rational): Rational | null {
  return denominator.isZero() ? null : numerator.div(denominator);
}

function form(exact: Rational | null, description: string): IccValue {
  return { exact, value: exact === null ? null : toStatNumber(exact), description };
}

function fTest(f: Rational | null, df1: number, df2: number): FTest {
  const value = f === null ? null : toStatNumber(f);
  return { f, value, df1, df2, pValue: value === null ? null : fSurvival(value, df1, df2) };
}

/**
 * Intraclass correlation in the six Shrout–Fleiss (1979) forms from a complete items × judges table:
 * ICC(1,·) one-way random, ICC(2,·) two-way random absolute agreement, ICC(3,·) two-way mixed
 * consistency; ·,1 for a single judge, ·,k for the mean of k judges.
 * Invariants: the mean squares and every ICC are exact rationals (doubles only for display and
 * p-values); permuting items or judges changes nothing; n ≥ 2 and k ≥ 2 or a coded error.
 */
export function intraclassCorrelation(matrix: RatingMatrix): IccResult {
  const n = matrix.items.length;
  const k = matrix.judges.length;
  if (n < 2 || k < 2) {
    throw new ScoringError(
      ScoringErrorCode.InvalidInput,
      `ICC needs at least 2 items and 2 judges, got ${n} items and ${k} judges`,
      'ratings',
    );
  }
  // Work in integers over one common denominator so the sums of squares stay exact and cheap.
  let common = 1n;
  for (const row of matrix.scores) for (const score of row) common = lcm(common, score.den);
  const units = matrix.scores.map((row) => row.map((score) => score.num * (common / score.den)));
  const N = BigInt(n * k);
  let total = 0n;
  let squares = 0n;
  const rowSums = new Array<bigint>(n).fill(0n);
  const columnSums = new Array<bigint>(k).fill(0n);
  units.forEach((row, i) =>
    row.forEach((u, j) => {
      total += u;
      squares += u * u;
      rowSums[i] += u;
      columnSums[j] += u;
    }),
  );
  const sumSquares = (values: readonly bigint[]): bigint => values.reduce((acc, v) => acc + v * v, 0n);
  const scale = N * common * common;
  const ssTotal = Rational.of(N * squares - total * total, scale);
  const ssRows = Rational.of(BigInt(n) * sumSquares(rowSums) - total * total, scale);
  const ssColumns = Rational.of(BigInt(k) * sumSquares(columnSums) - total * total, scale);
  const ssWithin = ssTotal.sub(ssRows);
  const ssError = ssWithin.sub(ssColumns);

  const BMS = ssRows.div(Rational.of(n - 1));
  const WMS = ssWithin.div(Rational.of(n * (k - 1)));
  const JMS = ssColumns.div(Rational.of(k - 1));
  const EMS = ssError.div(Rational.of((n - 1) * (k - 1)));
  const K = Rational.of(k);
  const kMinus1 = Rational.of(k - 1);
  const nR = Rational.of(n);

  const icc11 = ratio(BMS.sub(WMS), BMS.add(kMinus1.mul(WMS)));
  const icc21 = ratio(BMS.sub(EMS), BMS.add(kMinus1.mul(EMS)).add(K.mul(JMS.sub(EMS)).div(nR)));
  const icc31 = ratio(BMS.sub(EMS), BMS.add(kMinus1.mul(EMS)));
  const icc1k = ratio(BMS.sub(WMS), BMS);
  const icc2k = ratio(BMS.sub(EMS), BMS.add(JMS.sub(EMS).div(nR)));
  const icc3k = ratio(BMS.sub(EMS), BMS);

  return {
    n,
    k,
    forms: {
      'ICC(1,1)': form(icc11, 'one-way random, single judge'),
      'ICC(2,1)': form(icc21, 'two-way random, absolute agreement, single judge'),
      'ICC(3,1)': form(icc31, 'two-way mixed, consistency, single judge'),
      'ICC(1,k)': form(icc1k, 'one-way random, mean of k judges'),
      'ICC(2,k)': form(icc2k, 'two-way random, absolute agreement, mean of k judges'),
      'ICC(3,k)': form(icc3k, 'two-way mixed, consistency, mean of k judges'),
    },
    meanSquares: { BMS, WMS, JMS, EMS },
    fTests: {
      oneWay: fTest(ratio(BMS, WMS), n - 1, n * (k - 1)),
      twoWay: fTest(ratio(BMS, EMS), n - 1, (n - 1) * (k - 1)),
    },
  };
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}
