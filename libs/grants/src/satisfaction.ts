import { Rational } from '@app/scoring';

/** Residents rate a delivered need from 1 to 5 stars. */
export const RATING_STARS = 5;

/** The ratings of one delivery as stored: how many residents rated it and the sum of their stars. */
export interface RatingTally {
  readonly count: number;
  readonly sum: number;
}

/**
 * The residents' mean rating to two decimals, half-up (4.50), or null before anyone rated: the
 * figure the needs wall shows. Precondition: each rating is a whole 1–5, so count ≤ sum ≤ 5 × count.
 */
export function meanRating(ratings: RatingTally): string | null {
  if (ratings.count === 0) return null;
  return Rational.of(ratings.sum, ratings.count).toDecimalString(2);
}

/**
 * 满意度 from the residents: their mean rating mapped onto a criterion's scale in proportion to the
 * five stars (points = mean ÷ 5 × the criterion's maximum), rounded once, half-up, to two decimals;
 * 4.5 stars of a 20-point criterion give "18.00", a unanimous 5 the maximum. Null without a rating,
 * so a panel never reads a residents' figure that nobody gave.
 */
export function satisfactionPoints(ratings: RatingTally, maxPoints: string): string | null {
  if (ratings.count === 0) return null;
  return Rational.of(ratings.sum, ratings.count * RATING_STARS)
    .mul(Rational.parse(maxPoints, 'maxPoints'))
    .toDecimalString(2);
}
