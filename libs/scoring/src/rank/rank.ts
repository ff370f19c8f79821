import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import type { RankDecision, RankedEntry, RankEntry, RankKeyValue, RankingPolicy, TieBreak } from './rank.types';

type KeyKind = 'rational' | 'number' | 'bigint' | 'string';

const BY_SCORE: RankDecision = Object.freeze({ kind: 'score' });
const BY_ID: RankDecision = Object.freeze({ kind: 'id' });
const BY_NOTHING_BELOW: RankDecision = Object.freeze({ kind: 'last' });

function kindOf(value: RankKeyValue): KeyKind | undefined {
  if (value instanceof Rational) return 'rational';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : undefined;
  if (typeof value === 'bigint') return 'bigint';
  if (typeof value === 'string') return 'string';
  return undefined;
}

function compareValues(a: RankKeyValue, b: RankKeyValue): number {
  if (a instanceof Rational) return a.compare(b as Rational);
  // checkValues() guarantees both values of one key have the same primitive type.
  const y = b as string | number | bigint;
  return a < y ? -1 : a > y ? 1 : 0;
}

/**
 * Doubles approximating rational tie-break values. A double is within 2^-52 relative of the
 * rational, so when two approximations differ by more than 1e-12 relative the exact comparison
 * has the same sign and the bigint cross-multiplication can be skipped.
 */
function approximate(values: readonly (readonly RankKeyValue[])[], keyCount: number): (Float64Array | undefined)[] {
  const out: (Float64Array | undefined)[] = [];
  for (let t = 0; t < keyCount; t += 1) {
    if (values.length === 0 || !(values[0][t] instanceof Rational)) {
      out.push(undefined);
      continue;
    }
    const approx = new Float64Array(values.length);
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i][t] as Rational;
      approx[i] = Number(value.num) / Number(value.den);
    }
    out.push(approx);
  }
  return out;
}

function compareApproximately(approx: Float64Array | undefined, a: number, b: number): number {
  if (approx === undefined) return 0;
  const x = approx[a];
  const y = approx[b];
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 0;
  const margin = 1e-12 * Math.max(Math.abs(x), Math.abs(y));
  return x - y > margin ? 1 : y - x > margin ? -1 : 0;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Integer keys for the primary scores when they share a small common denominator (published
 * scores usually have 2 decimals): comparing numbers is far cheaper than cross-multiplying bigints.
 */
function integerKeys(scores: readonly Rational[]): Float64Array | undefined {
  let common = 1n;
  for (const score of scores) {
    if (common % score.den === 0n) continue;
    common = (common / gcd(common, score.den)) * score.den;
    if (common > 1_000_000_000n) return undefined;
  }
  const keys = new Float64Array(scores.length);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < scores.length; i += 1) {
    const scaled = scores[i].num * (common / scores[i].den);
    if (scaled > limit || scaled < -limit) return undefined;
    keys[i] = Number(scaled);
  }
  return keys;
}

/**
 * Sorts by the integer primary keys natively (key and index packed into one double), then sorts
 * each run of equal keys with the full comparison. Only ties reach the JavaScript comparator,
 * which matters most on a cold start, before the comparator is optimized.
 */
function orderByIntegerKeys(keys: Float64Array, compare: (a: number, b: number) => number): number[] {
  const n = keys.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const key of keys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (n === 0 || (max - min + 1) * n > Number.MAX_SAFE_INTEGER) {
    return Array.from(keys, (_, i) => i).sort(compare);
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i += 1) packed[i] = (max - keys[i]) * n + i;
  packed.sort();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i += 1) order[i] = (packed[i] % n) | 0;
  let start = 0;
  for (let p = 1; p <= n; p += 1) {
    if (p < n && keys[order[p]] === keys[order[start]]) continue;
    if (p - start > 1) {
      const run = order.slice(start, p).sort(compare);
      for (let i = 0; i < run.length; i += 1) order[start + i] = run[i];
    }
    start = p;
  }
  return order;
}

/** Refuses tie-breaks without a usable key or direction, or named twice. */
export function checkTieBreaks(tieBreaks: readonly TieBreak[]): void {
  const seen = new Set<string>();
  tieBreaks.forEach((tieBreak, t) => {
    if (typeof tieBreak.key !== 'string' || tieBreak.key === '') {
      throw new ScoringError(ScoringErrorCode.InvalidRanking, 'tie-break key is empty', `tieBreaks.${t}.key`);
    }
    if (seen.has(tieBreak.key)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `tie-break "${tieBreak.key}" listed twice`,
        `tieBreaks.${t}.key`,
      );
    }
    seen.add(tieBreak.key);
    if (tieBreak.prefer !== 'higher' && tieBreak.prefer !== 'lower') {
      throw new ScoringError(
        ScoringErrorCode.InvalidRanking,
        'prefer must be "higher" or "lower"',
        `tieBreaks.${t}.prefer`,
      );
    }
  });
}

/**
 * Refuses repeated ids, missing primary scores, and tie-break values that are absent, not
 * comparable, or of different types across entries; `field(i, key)` names the value at fault.
 * Tie-breaks marked `exact` hold Rationals made by the engine itself and skip the per-value check.
 */
export function checkEntries(
  ids: readonly string[],
  scores: readonly unknown[],
  values: readonly (readonly (RankKeyValue | undefined)[])[],
  tieBreaks: readonly TieBreak[],
  field: (i: number, key?: string) => string,
  exact: readonly boolean[] = [],
): asserts values is readonly (readonly RankKeyValue[])[] {
  const seen = new Set<string>();
  const kinds: (KeyKind | undefined)[] = tieBreaks.map(() => undefined);
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i];
    if (typeof id !== 'string' || id === '') {
      throw new ScoringError(ScoringErrorCode.InvalidRanking, 'id is empty', field(i));
    }
    if (seen.has(id)) throw new ScoringError(ScoringErrorCode.DuplicateId, `"${id}" appears twice`, field(i));
    seen.add(id);
    if (!(scores[i] instanceof Rational)) {
      throw new ScoringError(ScoringErrorCode.InvalidRanking, `"${id}" has no exact score`, field(i, 'score'));
    }
    for (let t = 0; t < tieBreaks.length; t += 1) {
      if (exact[t] === true) continue;
      const key = tieBreaks[t].key;
      const value = values[i][t];
      if (value === undefined) {
        throw new ScoringError(
          ScoringErrorCode.InvalidRanking,
          `"${id}" has no value for tie-break "${key}"`,
          field(i, key),
        );
      }
      const kind = kindOf(value);
      if (kind === undefined) {
        throw new ScoringError(
          ScoringErrorCode.InvalidRanking,
          `tie-break "${key}" value is not comparable`,
          field(i, key),
        );
      }
      if (kinds[t] !== undefined && kinds[t] !== kind) {
        throw new ScoringError(
          ScoringErrorCode.InvalidRanking,
          `tie-break "${key}" mixes ${kinds[t]} and ${kind} values`,
          field(i, key),
        );
      }
      kinds[t] = kind;
    }
  }
}

/**
 * The ordering shared by {@link rank} and rankProjects, on checked data; `build` makes each output
 * entry so callers add their own fields without a second copy.
 */
export function orderEntries<T>(
  ids: readonly string[],
  scores: readonly Rational[],
  values: readonly (readonly RankKeyValue[])[],
  tieBreaks: readonly TieBreak[],
  build: (index: number, position: number, rank: number, decidedBy: RankDecision) => T,
): T[] {
  const signs = tieBreaks.map((tieBreak) => (tieBreak.prefer === 'higher' ? -1 : 1));
  const fast = integerKeys(scores);
  const primary = fast
    ? (a: number, b: number): number => fast[b] - fast[a]
    : (a: number, b: number): number => scores[b].compare(scores[a]);

  const approximations = approximate(values, signs.length);

  /** The step that separates a from b: 0 primary score, 1..n a tie-break, n + 1 the id. */
  const decidingStep = (a: number, b: number): number => {
    if (primary(a, b) !== 0) return 0;
    for (let t = 0; t < signs.length; t += 1) {
      if (compareApproximately(approximations[t], a, b) !== 0 || compareValues(values[a][t], values[b][t]) !== 0) {
        return t + 1;
      }
    }
    return signs.length + 1;
  };
  const compare = (a: number, b: number): number => {
    const byScore = primary(a, b);
    if (byScore !== 0) return byScore;
    for (let t = 0; t < signs.length; t += 1) {
      const c = compareApproximately(approximations[t], a, b) || compareValues(values[a][t], values[b][t]);
      if (c !== 0) return signs[t] * c;
    }
    return ids[a] < ids[b] ? -1 : 1;
  };

  const order = fast ? orderByIntegerKeys(fast, compare) : ids.map((_, i) => i).sort(compare);
  // Decisions are immutable and few, so every entry separated the same way shares one object.
  const byTieBreak: RankDecision[] = tieBreaks.map((tieBreak, t) =>
    Object.freeze(
      tieBreak.label
        ? { kind: 'tie-break' as const, step: t + 1, key: tieBreak.key, label: tieBreak.label }
        : { kind: 'tie-break' as const, step: t + 1, key: tieBreak.key },
    ),
  );
  const out: T[] = [];
  let currentRank = 1;
  for (let p = 0; p < order.length; p += 1) {
    const i = order[p];
    if (p > 0 && primary(order[p - 1], i) !== 0) currentRank = p + 1;
    let decidedBy: RankDecision;
    if (p === order.length - 1) decidedBy = BY_NOTHING_BELOW;
    else {
      const step = decidingStep(i, order[p + 1]);
      decidedBy = step === 0 ? BY_SCORE : step <= signs.length ? byTieBreak[step - 1] : BY_ID;
    }
    out.push(build(i, p + 1, currentRank, decidedBy));
  }
  return out;
}

/**
 * Orders entries by primary score (higher first), then the stated tie-breaks in order, then id.
 * Invariants: a strict total order (ids are unique), so permuting the input never changes the
 * output; an entry with a higher primary score is always placed above one with a lower; equal
 * primary scores share a competition rank (1, 2, 2, 4) while positions stay distinct; each entry
 * records what separated it from the next one.
 */
export function rank(entries: readonly RankEntry[], policy: RankingPolicy): RankedEntry[] {
  checkTieBreaks(policy.tieBreaks);
  const ids = entries.map((entry) => entry.id);
  const scores = entries.map((entry) => entry.score);
  const values = entries.map((entry) => policy.tieBreaks.map((tieBreak) => entry.keys?.[tieBreak.key]));
  checkEntries(ids, scores, values, policy.tieBreaks, (i, key) =>
    key === undefined ? `entries.${i}.id` : key === 'score' ? `entries.${i}.score` : `entries.${i}.keys.${key}`,
  );
  return orderEntries(ids, scores, values, policy.tieBreaks, (i, position, place, decidedBy) => ({
    id: ids[i],
    position,
    rank: place,
    score: scores[i],
    decidedBy,
  }));
}
