import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/** Scores arrive as exact Rationals from the API or as decimal text from JSON; floats never. */
export function toRational(value: unknown, field: string): Rational {
  if (value instanceof Rational) return value;
  if (typeof value === 'string') return Rational.parse(value, field);
  throw new ScoringError(ScoringErrorCode.InvalidNumber, 'expected a decimal string such as "84.5"', field);
}
