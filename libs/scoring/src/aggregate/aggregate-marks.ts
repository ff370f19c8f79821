import type { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { validateCombineMethod } from './aggregation-policy';
import type { CombineMethod, CombineMethodKind, DecimalInput } from './aggregation.types';
import { combineSorted, sortByUnitsThenSeat } from './combine-units';
import { decimalPlaces, MAX_UNIT_DECIMALS, toUnits, unitsRatio } from './decimal-units';

/** One judge's score for one item (a dive, a run, a project's total). */
export interface JudgeMark {
  readonly judgeId: string;
  readonly score: DecimalInput;
  /** Seat on the panel; equal extreme scores are dropped by seat, then by judge id. */
  readonly seat?: number;
}

export interface MarksAggregate {
  readonly value: Rational;
  /** The method actually applied (a trimmed mean that fell back reports 'mean'). */
  readonly method: CombineMethodKind;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
  /** Judges whose lowest scores were dropped, lowest first (equal scores: earliest seat first). */
  readonly droppedLow: readonly string[];
  /** Judges whose highest scores were dropped, highest first (equal scores: latest seat first). */
  readonly droppedHigh: readonly string[];
}

function bySeatThenId(a: JudgeMark, b: JudgeMark): number {
  const seatA = a.seat ?? Number.POSITIVE_INFINITY;
  const seatB = b.seat ?? Number.POSITIVE_INFINITY;
  if (seatA !== seatB) return seatA < seatB ? -1 : 1;
  return a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0;
}

/**
 * Combines one item's scores by mean, median or trimmed mean, exactly.
 * Invariants: the value lies between the lowest and highest score; a trimmed mean drops exactly
 * k scores at each end even when several judges share the extreme, and reports which judges
 * (equal lowest scores: earliest seats go; equal highest: latest seats go); permuting the marks
 * changes nothing; a judge appears at most once.
 */
export function aggregateMarks(marks: readonly JudgeMark[], method: CombineMethod): MarksAggregate {
  validateCombineMethod(method);
  const seen = new Set<string>();
  let places = 0;
  marks.forEach((mark, i) => {
    if (seen.has(mark.judgeId)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `judge "${mark.judgeId}" scored twice`,
        `marks.${i}.judgeId`,
      );
    }
    seen.add(mark.judgeId);
    places = Math.max(places, decimalPlaces(mark.score, `marks.${i}.score`));
  });
  if (places > MAX_UNIT_DECIMALS) {
    throw new ScoringError(
      ScoringErrorCode.InvalidNumber,
      `scores have more than ${MAX_UNIT_DECIMALS} decimal places`,
      'marks',
    );
  }
  const seated = [...marks].sort(bySeatThenId);
  const units = seated.map((mark) => toUnits(mark.score, places, `marks.${mark.judgeId}`));
  const seats = seated.map((_, order) => order);
  const index = seated.map((_, i) => i);
  sortByUnitsThenSeat(index, index.length, units, seats);
  const combined = combineSorted(units, index, index.length, method, 'marks');
  const k = combined.dropped;
  return {
    value: unitsRatio(combined.numerator, combined.divisor, places),
    method: combined.method,
    fellBackToMean: combined.fellBackToMean,
    judgeCount: marks.length,
    droppedLow: index.slice(0, k).map((i) => seated[i].judgeId),
    droppedHigh: index
      .slice(index.length - k)
      .reverse()
      .map((i) => seated[i].judgeId),
  };
}
