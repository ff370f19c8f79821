import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { chiSquareSurvival } from './distributions';
import type { RatingMatrix } from './ratings';
import { toStatNumber } from './stat-number';

export interface KendallWResult {
  /** Number of judges (m) and items (n). */
  readonly m: number;
  readonly n: number;
  /** W with the tie correction (what R irr::kendall(..., correct = TRUE) reports). */
  readonly W: number;
  readonly exact: Rational;
  readonly uncorrected: number;
  readonly uncorrectedExact: Rational;
  /** Friedman chi-square m(n − 1)W from the corrected W, with n − 1 degrees of freedom. */
  readonly chiSquare: number;
  readonly chiSquareExact: Rational;
  readonly df: number;
  readonly pValue: number;
  /** Sum over judges of each item's rank (1 = that judge's lowest score; ties share the mean rank). */
  readonly rankSums: readonly { readonly item: string; readonly rankSum: Rational }[];
}

/**
 * Twice the mid-ranks of one judge's scores (so tied ranks stay integers) and that judge's tie
 * term Σ(t³ − t) over groups of t tied scores.
 */
function doubledRanks(scores: readonly Rational[]): { ranks: bigint[]; ties: bigint } {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a].compare(scores[b]));
  const ranks = new Array<bigint>(scores.length).fill(0n);
  let ties = 0n;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && scores[order[end]].eq(scores[order[start]])) end += 1;
    // Positions start+1 .. end share the rank (start + 1 + end) / 2.
    const doubled = BigInt(start + 1 + end);
    for (let p = start; p < end; p += 1) ranks[order[p]] = doubled;
    const t = BigInt(end - start);
    ties += t * t * t - t;
    start = end;
  }
  return { ranks, ties };
}

/**
 * Kendall's coefficient of concordance W for m judges ranking n items (scores are ranked per judge,
 * ties get mid-ranks), with the tie correction W = 12S / (m²(n³ − n) − mΣT), the Friedman
 * chi-square m(n − 1)W on n − 1 df and its p-value.
 * Invariants: W is an exact rational in [0, 1]; permuting items or judges changes nothing; at
 * least 2 judges and 2 items, and not every judge tying every item, or a coded error.
 */
export function kendallW(matrix: RatingMatrix): KendallWResult {
  const n = matrix.items.length;
  const m = matrix.judges.length;
  if (n < 2 || m < 2) {
    throw new ScoringError(
      ScoringErrorCode.InvalidInput,
      `Kendall's W needs at least 2 items and 2 judges, got ${n} items and ${m} judges`,
      'ratings',
    );
  }
  const doubledSums = new Array<bigint>(n).fill(0n);
  let tieTerms = 0n;
  for (let j = 0; j < m; j += 1) {
    const { ranks, ties } = doubledRanks(matrix.scores.map((row) => row[j]));
    ranks.forEach((rank, i) => (doubledSums[i] += rank));
    tieTerms += ties;
  }
  const M = BigInt(m);
  const N = BigInt(n);
  // S = Σ (R_i − m(n+1)/2)², and with doubled rank sums D_i = 2R_i: S = Σ (D_i − m(n+1))² / 4.
  const centre = M * (N + 1n);
  const fourS = doubledSums.reduce((acc, d) => acc + (d - centre) * (d - centre), 0n);
  const full = M * M * (N * N * N - N);
  const corrected = full - M * tieTerms;
  if (corrected === 0n) {
    throw new ScoringError(
      ScoringErrorCode.InvalidInput,
      "Kendall's W is undefined: every judge gave every item the same score",
      'ratings',
    );
  }
  // W = 12S / denominator = 3·(4S) / denominator.
  const exact = Rational.of(3n * fourS, corrected);
  const uncorrectedExact = Rational.of(3n * fourS, full);
  const chiSquareExact = exact.mul(Rational.of(M * (N - 1n)));
  const chiSquare = toStatNumber(chiSquareExact);
  return {
    m,
    n,
    W: toStatNumber(exact),
    exact,
    uncorrected: toStatNumber(uncorrectedExact),
    uncorrectedExact,
    chiSquare,
    chiSquareExact,
    df: n - 1,
    pValue: chiSquareSurvival(chiSquare, n - 1),
    rankSums: matrix.items.map((item, i) => ({ item, rankSum: Rational.of(doubledSums[i], 2n) })),
  };
}
