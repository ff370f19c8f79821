import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import type { DecimalInput, Rubric } from './aggregation.types';
import { assertSafeSum, decimalPlaces, formatUnits, pow10, toUnits } from './decimal-units';

/** Normalized totals are carried at 10^-6 points, so raw totals must have at most 6 places. */
export const MAX_TOTAL_DECIMALS = 6;

/** A rubric checked once and turned into integer units for the per-sheet hot path. */
export interface CompiledRubric {
  readonly keys: readonly string[];
  readonly maxUnits: readonly number[];
  readonly weightUnits: readonly number[];
  readonly markDecimals: number;
  /** Decimal places of a judge's total: mark places + weight places. */
  readonly totalDecimals: number;
  readonly maxTotalUnits: number;
  readonly gateKeys: readonly string[];
}

function invalidRubric(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidRubric, message, field);
}

/**
 * Checks a rubric and converts it to integer units.
 * Invariants: keys are unique across criteria and gates; every max is positive; a judge's total
 * from this rubric is always an exact decimal with `totalDecimals` places.
 */
export function compileRubric(rubric: Rubric): CompiledRubric {
  const markDecimals = rubric.markDecimals;
  if (!Number.isSafeInteger(markDecimals) || markDecimals < 0 || markDecimals > MAX_TOTAL_DECIMALS) {
    throw invalidRubric(`markDecimals must be a whole number from 0 to ${MAX_TOTAL_DECIMALS}`, 'rubric.markDecimals');
  }
  if (rubric.criteria.length === 0) throw invalidRubric('a rubric needs at least one criterion', 'rubric.criteria');
  const seen = new Set<string>();
  const weightPlaces = rubric.criteria.reduce((places, criterion, i) => {
    const weight: DecimalInput = criterion.weight ?? 1;
    return Math.max(places, decimalPlaces(weight, `rubric.criteria.${i}.weight`));
  }, 0);
  const totalDecimals = markDecimals + weightPlaces;
  if (totalDecimals > MAX_TOTAL_DECIMALS) {
    throw invalidRubric(
      `marks (${markDecimals} places) times weights (${weightPlaces} places) exceed ${MAX_TOTAL_DECIMALS} decimal places`,
      'rubric.criteria',
    );
  }
  const keys: string[] = [];
  const maxUnits: number[] = [];
  const weightUnits: number[] = [];
  let maxTotalUnits = 0;
  rubric.criteria.forEach((criterion, i) => {
    const field = `rubric.criteria.${i}`;
    if (typeof criterion.key !== 'string' || criterion.key === '')
      throw invalidRubric('criterion key is empty', `${field}.key`);
    if (seen.has(criterion.key)) {
      throw new ScoringError(ScoringErrorCode.DuplicateId, `criterion "${criterion.key}" listed twice`, `${field}.key`);
    }
    seen.add(criterion.key);
    const max = toUnits(criterion.maxPoints, markDecimals, `${field}.maxPoints`);
    if (max <= 0) throw invalidRubric('maxPoints must be positive', `${field}.maxPoints`);
    const weight = toUnits(criterion.weight ?? 1, weightPlaces, `${field}.weight`);
    if (weight <= 0) throw invalidRubric('weight must be positive', `${field}.weight`);
    keys.push(criterion.key);
    maxUnits.push(max);
    weightUnits.push(weight);
    maxTotalUnits = assertSafeSum(maxTotalUnits + max * weight, field);
  });
  const gateKeys = (rubric.gates ?? []).map((gate, i) => {
    if (typeof gate.key !== 'string' || gate.key === '')
      throw invalidRubric('gate key is empty', `rubric.gates.${i}.key`);
    if (seen.has(gate.key)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `"${gate.key}" is already a criterion or gate`,
        `rubric.gates.${i}.key`,
      );
    }
    seen.add(gate.key);
    return gate.key;
  });
  // Normalized totals are held at 10^-6 points; the rubric maximum must stay far inside safe range.
  if (maxTotalUnits * pow10(MAX_TOTAL_DECIMALS - totalDecimals) > 2 ** 40) {
    throw invalidRubric('the rubric maximum is too large to score exactly', 'rubric.criteria');
  }
  return { keys, maxUnits, weightUnits, markDecimals, totalDecimals, maxTotalUnits, gateKeys };
}

/**
 * A judge's total in units of 10^-totalDecimals; writes each criterion's mark units into
 * `markUnitsOut` when given. `field(sheet)` names the sheet's marks in errors; it is called only
 * when there is an error, so the hot path builds no strings and no closures.
 * Invariants: every criterion is present and within [0, max]; no unknown key is accepted.
 */
export function sheetTotalUnits(
  rubric: CompiledRubric,
  marks: Readonly<Record<string, DecimalInput>>,
  field: (sheet: number) => string,
  sheet: number,
  markUnitsOut?: number[],
): number {
  const { keys, maxUnits, weightUnits, markDecimals } = rubric;
  const scale = pow10(markDecimals);
  let total = 0;
  let found = 0;
  let expected = 0;
  // for-in with marks[key] is V8's fast path for reading an object's own keys; sheets usually list
  // criteria in rubric order, so the expected position is checked before searching.
  for (const key in marks) {
    const c = keys[expected] === key ? expected : keys.indexOf(key);
    if (c < 0) {
      throw new ScoringError(
        ScoringErrorCode.UnknownCriterion,
        `"${key}" is not a criterion of the rubric`,
        `${field(sheet)}.${key}`,
      );
    }
    const value = marks[key];
    let units: number;
    if (
      typeof value === 'number' &&
      Number.isSafeInteger((units = Math.round(value * scale))) &&
      units / scale === value
    ) {
      // Same test as toUnits, inlined: a number mark with at most markDecimals places.
      units += 0;
    } else {
      if (value === undefined) {
        throw new ScoringError(
          ScoringErrorCode.MissingCriterion,
          `criterion "${key}" has no mark`,
          `${field(sheet)}.${key}`,
        );
      }
      units = toUnits(value, markDecimals, `${field(sheet)}.${key}`);
    }
    if (units < 0 || units > maxUnits[c]) {
      throw new ScoringError(
        ScoringErrorCode.CriterionOutOfRange,
        `criterion "${key}" mark ${String(value)} is outside 0–${formatUnits(maxUnits[c], markDecimals)}`,
        `${field(sheet)}.${key}`,
      );
    }
    if (markUnitsOut) markUnitsOut[c] = units;
    total += units * weightUnits[c];
    found += 1;
    expected = c + 1;
  }
  // Object keys are unique, so finding as many known keys as criteria means none is missing.
  if (found !== keys.length) {
    const missing = keys.find((key) => marks[key] === undefined) ?? keys[0];
    throw new ScoringError(
      ScoringErrorCode.MissingCriterion,
      `criterion "${missing}" has no mark`,
      `${field(sheet)}.${missing}`,
    );
  }
  return total;
}

/**
 * One judge's exact total from a compiled rubric (the number a judge's tablet shows); compile once
 * (compileRubric) for all the sheets of a rubric. Invariant: equals Σ weight × mark over the
 * rubric's criteria; gates do not count.
 */
export function rubricTotal(rubric: CompiledRubric, marks: Readonly<Record<string, DecimalInput>>): Rational {
  const units = sheetTotalUnits(rubric, marks, () => 'marks', 0);
  return Rational.of(BigInt(units), BigInt(pow10(rubric.totalDecimals)));
}
