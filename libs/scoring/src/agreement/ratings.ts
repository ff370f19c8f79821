import type { DecimalInput } from '../aggregate';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/** One judge's score for one item, in long form (item, judge, score). */
export interface Rating {
  readonly item: string;
  readonly judge: string;
  readonly score: DecimalInput | Rational;
}

/** A complete items × judges table: scores[i][j] is judge j's score for item i. */
export interface RatingMatrix {
  readonly items: readonly string[];
  readonly judges: readonly string[];
  readonly scores: readonly (readonly Rational[])[];
}

/**
 * Builds the complete table that ICC and Kendall's W need, items and judges in first-seen order.
 * Invariants: every (item, judge) cell is present exactly once; otherwise a coded error names the
 * first missing or repeated cell.
 */
export function ratingMatrix(ratings: readonly Rating[]): RatingMatrix {
  const items = new Map<string, number>();
  const judges = new Map<string, number>();
  for (const rating of ratings) {
    if (!items.has(rating.item)) items.set(rating.item, items.size);
    if (!judges.has(rating.judge)) judges.set(rating.judge, judges.size);
  }
  const scores: (Rational | undefined)[][] = [...items.keys()].map(() => new Array<Rational | undefined>(judges.size));
  ratings.forEach((rating, r) => {
    const row = scores[items.get(rating.item) ?? 0];
    const j = judges.get(rating.judge) ?? 0;
    if (row[j] !== undefined) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `judge "${rating.judge}" scored item "${rating.item}" twice`,
        `ratings.${r}`,
      );
    }
    row[j] = Rational.from(rating.score, `ratings.${r}.score`);
  });
  const itemIds = [...items.keys()];
  const judgeIds = [...judges.keys()];
  const complete = scores.map((row, i) =>
    judgeIds.map((judge, j) => {
      const score = row[j];
      if (score === undefined) {
        throw new ScoringError(
          ScoringErrorCode.MissingRating,
          `judge "${judge}" did not score item "${itemIds[i]}"; agreement statistics need every judge to score every item`,
          `${itemIds[i]}.${judge}`,
        );
      }
      return score;
    }),
  );
  return { items: itemIds, judges: judgeIds, scores: complete };
}

/** A rating's distance from the mean of the other judges who scored the same item. */
export interface PanelOffset {
  readonly item: string;
  readonly judge: string;
  readonly offset: Rational;
}

/**
 * Offsets from the leave-one-out panel mean: x − mean(other judges' scores on the same item).
 * Leaving the judge out compares a judge with colleagues, not partly with the judge's own score.
 * Items scored by a single judge yield no offset. A judge scoring an item twice is an error.
 */
export function panelOffsets(ratings: readonly Rating[]): PanelOffset[] {
  const byItem = new Map<string, { judge: string; score: Rational; index: number }[]>();
  ratings.forEach((rating, index) => {
    const list = byItem.get(rating.item) ?? [];
    if (list.some((entry) => entry.judge === rating.judge)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `judge "${rating.judge}" scored item "${rating.item}" twice`,
        `ratings.${index}`,
      );
    }
    list.push({ judge: rating.judge, score: Rational.from(rating.score, `ratings.${index}.score`), index });
    byItem.set(rating.item, list);
  });
  const offsets: PanelOffset[] = [];
  for (const [item, list] of byItem) {
    if (list.length < 2) continue;
    const total = Rational.sum(list.map((entry) => entry.score));
    const others = Rational.of(list.length - 1);
    for (const entry of list) {
      const othersMean = total.sub(entry.score).div(others);
      offsets.push({ item, judge: entry.judge, offset: entry.score.sub(othersMean) });
    }
  }
  return offsets;
}
