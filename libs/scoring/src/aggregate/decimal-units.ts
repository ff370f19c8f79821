import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/**
 * Judges' marks are decimals with a known number of places, so the hot path carries them as
 * integer "units" (mark × 10^places) in plain safe integers: sums stay exact without building a
 * bigint rational for every mark, and only the final quotient becomes a Rational.
 */
export const MAX_UNIT_DECIMALS = 9;

const POWERS_OF_TEN: readonly number[] = Array.from({ length: MAX_UNIT_DECIMALS + 1 }, (_, i) => 10 ** i);

const DECIMAL_TEXT = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/;

/** 10^places as a safe integer; places is 0..MAX_UNIT_DECIMALS. */
export function pow10(places: number): number {
  const power = POWERS_OF_TEN[places];
  if (power === undefined) {
    throw new ScoringError(
      ScoringErrorCode.InvalidNumber,
      `at most ${MAX_UNIT_DECIMALS} decimal places are supported, got ${places}`,
    );
  }
  return power;
}

/** Decimal places needed to write a JavaScript number or decimal text exactly. */
export function decimalPlaces(value: number | string, field: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a finite number: ${value}`, field);
    }
    const text = String(value);
    if (/e/i.test(text)) {
      const places = Rational.from(value).terminatingPlaces() ?? Number.POSITIVE_INFINITY;
      return places;
    }
    const dot = text.indexOf('.');
    return dot < 0 ? 0 : text.length - dot - 1;
  }
  const match = DECIMAL_TEXT.exec(value);
  if (!match) {
    throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a decimal number: "${value}"`, field);
  }
  return match[3]?.length ?? 0;
}

function tooPrecise(value: number | string, places: number, field: string): ScoringError {
  return new ScoringError(
    ScoringErrorCode.InvalidNumber,
    `${String(value)} has more than ${places} decimal places or is too large to add up exactly`,
    field,
  );
}

/**
 * Converts a mark to integer units of 10^-places.
 * Invariant: the result times 10^-places equals the mark exactly; anything that is not such a
 * decimal (too many places, non-finite, malformed, beyond safe-integer range) throws.
 */
export function toUnits(value: number | string, places: number, field: string): number {
  const scale = pow10(places);
  if (typeof value === 'number') {
    const units = Math.round(value * scale);
    // A decimal literal with at most `places` places is the double nearest units/scale, and that
    // division is correctly rounded, so this equality holds exactly for those marks and no others.
    if (!Number.isSafeInteger(units) || units / scale !== value) {
      if (!Number.isFinite(value)) {
        throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a finite number: ${value}`, field);
      }
      throw tooPrecise(value, places, field);
    }
    return units + 0;
  }
  const match = DECIMAL_TEXT.exec(value);
  if (!match) {
    throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a decimal number: "${value}"`, field);
  }
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > places) {
    const trimmed = fraction.replace(/0+$/, '');
    if (trimmed.length > places) throw tooPrecise(value, places, field);
  }
  const units = Number(whole) * scale + Number(fraction.slice(0, places).padEnd(places, '0') || '0');
  if (!Number.isSafeInteger(units)) throw tooPrecise(value, places, field);
  return minus && units !== 0 ? -units : units;
}

/** Shortest exact decimal text of units × 10^-places ("87.5", "90", "-0.25"). */
export function formatUnits(units: number, places: number): string {
  if (places === 0) return String(units);
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Exact rational numerator / (denominator × 10^places) from safe integers. */
export function unitsRatio(numerator: number, denominator: number, places: number): Rational {
  return Rational.of(BigInt(numerator), BigInt(denominator) * BigInt(pow10(places)));
}

/** Throws when an integer sum has left the range where doubles add exactly. */
export function assertSafeSum(sum: number, field: string): number {
  if (!Number.isSafeInteger(sum)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidNumber,
      'marks are too large or too precise to add up exactly (more than 15 significant digits)',
      field,
    );
  }
  return sum;
}

/**
 * Rounds half away from zero to `places` (half-up for the non-negative scores published) and
 * returns both the exact rounded value and its text with exactly `places` decimals. Equivalent to
 * `value.round(places)` and `value.toDecimalString(places)` with one bigint division instead of
 * several rational operations.
 */
export function roundToPlaces(value: Rational, places: number): { rounded: Rational; display: string } {
  const scale = 10n ** BigInt(places);
  const scaled = value.num * scale;
  let quotient = scaled / value.den;
  const remainder = scaled % value.den;
  if (2n * (remainder < 0n ? -remainder : remainder) >= value.den) quotient += value.num < 0n ? -1n : 1n;
  const negative = quotient < 0n;
  const digits = (negative ? -quotient : quotient).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const display = `${negative ? '-' : ''}${whole}${places > 0 ? `.${digits.slice(digits.length - places)}` : ''}`;
  return { rounded: Rational.of(quotient, scale), display };
}

/**
 * {@link roundToPlaces} of numerator / (divisor × 10^places) in plain integer arithmetic, for the
 * common case of one panel; undefined when an intermediate would leave the safe-integer range.
 */
export function roundUnitsRatio(
  numerator: number,
  divisor: number,
  places: number,
  decimals: number,
): { rounded: Rational; display: string } | undefined {
  if (numerator < 0 || decimals > MAX_UNIT_DECIMALS) return undefined;
  let num = numerator;
  let den = divisor;
  if (decimals >= places) num *= pow10(decimals - places);
  else den *= pow10(places - decimals);
  // While num + 2·den stays below 2^53, the double quotient cannot round up across an integer, so
  // Math.floor gives the exact integer quotient and the remainder below is exact too.
  if (!Number.isSafeInteger(num + 2 * den)) return undefined;
  let quotient = Math.floor(num / den);
  const remainder = num - quotient * den;
  if (2 * remainder >= den) quotient += 1;
  const digits = String(quotient).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const display = decimals > 0 ? `${whole}.${digits.slice(digits.length - decimals)}` : whole;
  return { rounded: Rational.of(BigInt(quotient), BigInt(pow10(decimals))), display };
}
