import { ScoringError, ScoringErrorCode } from './scoring.error';

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/**
 * An exact rational number over bigint. Scores are sums, means and weighted mixes of judges'
 * decimal marks; keeping them exact until the one stated rounding makes every published number
 * reproducible by anyone with the same inputs.
 *
 * Invariants: the denominator is positive and the fraction is in lowest terms, so two equal
 * values have identical fields.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = typeof num === 'number' ? Rational.integerFromNumber(num) : num;
    const d = typeof den === 'number' ? Rational.integerFromNumber(den) : den;
    if (d === 0n) {
      throw new ScoringError(ScoringErrorCode.DivisionByZero, 'denominator is zero');
    }
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    return new Rational((sign * n) / g, (sign * d) / g);
  }

  /** Parses a plain decimal string such as "8.75" or "-3"; no exponents, no separators. */
  static parse(text: string, field?: string): Rational {
    const match = DECIMAL_PATTERN.exec(text.trim());
    if (!match) {
      throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a decimal number: "${text}"`, field);
    }
    const [, minus, whole, fraction = ''] = match;
    const scale = 10n ** BigInt(fraction.length);
    const magnitude = BigInt(whole) * scale + BigInt(fraction === '' ? '0' : fraction);
    return Rational.of(minus ? -magnitude : magnitude, scale);
  }

  /**
   * Parses exact text as {@link exactText} writes it: a decimal ("36.5") or, for a value whose
   * decimals repeat, "numerator/denominator" ("100/3").
   */
  static parseExact(text: string, field?: string): Rational {
    const slash = text.indexOf('/');
    if (slash < 0) return Rational.parse(text, field);
    const num = text.slice(0, slash);
    const den = text.slice(slash + 1);
    if (!/^-?\d+$/.test(num) || !/^\d+$/.test(den) || /^0+$/.test(den)) {
      throw new ScoringError(ScoringErrorCode.InvalidNumber, `not an exact fraction: "${text}"`, field);
    }
    return Rational.of(BigInt(num), BigInt(den));
  }

  /**
   * Accepts a decimal string, a bigint, or a JavaScript number that is an exact decimal as
   * written (a finite number is converted through its shortest round-trip text, so 0.1 is 1/10).
   */
  static from(value: Rational | string | number | bigint, field?: string): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === 'bigint') return Rational.of(value, 1n);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a finite number: ${value}`, field);
      }
      const text = String(value);
      if (/e/i.test(text)) {
        return Rational.parseExponent(text, field);
      }
      return Rational.parse(text, field);
    }
    return Rational.parse(value, field);
  }

  private static parseExponent(text: string, field?: string): Rational {
    const [mantissa, exponentText] = text.toLowerCase().split('e');
    const base = Rational.parse(mantissa, field);
    const exponent = Number(exponentText);
    const power = 10n ** BigInt(Math.abs(exponent));
    return exponent >= 0 ? base.mul(Rational.of(power)) : base.div(Rational.of(power));
  }

  private static integerFromNumber(value: number): bigint {
    if (!Number.isSafeInteger(value)) {
      throw new ScoringError(ScoringErrorCode.InvalidNumber, `not a safe integer: ${value}`);
    }
    return BigInt(value);
  }

  add(other: Rational): Rational {
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    if (other.num === 0n) {
      throw new ScoringError(ScoringErrorCode.DivisionByZero, 'division by zero');
    }
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  lt(other: Rational): boolean {
    return this.compare(other) < 0;
  }

  lte(other: Rational): boolean {
    return this.compare(other) <= 0;
  }

  gt(other: Rational): boolean {
    return this.compare(other) > 0;
  }

  gte(other: Rational): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  /** Largest integer ≤ this value. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /**
   * Rounds half away from zero to `decimals` places (the "四舍五入" that published results use)
   * and returns the result as an exact rational.
   */
  round(decimals: number): Rational {
    if (!Number.isInteger(decimals) || decimals < 0) {
      throw new ScoringError(ScoringErrorCode.InvalidNumber, `decimals must be a non-negative integer: ${decimals}`);
    }
    const scale = 10n ** BigInt(decimals);
    const scaled = this.abs().mul(Rational.of(scale));
    const rounded = Rational.of(2n * scaled.num + scaled.den, 2n * scaled.den).floor();
    return Rational.of(this.num < 0n ? -rounded : rounded, scale);
  }

  /**
   * Exact decimal text with exactly `decimals` places after rounding half away from zero; without
   * `decimals`, the shortest exact text, which exists only when the denominator has no prime
   * factor other than 2 and 5.
   */
  toDecimalString(decimals?: number): string {
    if (decimals === undefined) {
      const places = this.terminatingPlaces();
      if (places === undefined) {
        throw new ScoringError(
          ScoringErrorCode.InvalidNumber,
          `${this.num}/${this.den} has no finite decimal form; state the decimals`,
        );
      }
      return this.toDecimalString(places);
    }
    const rounded = this.round(decimals);
    const scale = 10n ** BigInt(decimals);
    const scaled = (rounded.num * scale) / rounded.den;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    const fraction = digits.slice(digits.length - decimals);
    return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
  }

  /** Places needed to write this value exactly, or undefined when it repeats. */
  terminatingPlaces(): number | undefined {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos += 1;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives += 1;
    }
    return d === 1n ? Math.max(twos, fives) : undefined;
  }

  /** For statistics and display only; never feed the result back into money or ranking. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Exact decimal text when the value terminates, else "numerator/denominator"; {@link parseExact} reads it back. */
  toExactString(): string {
    return this.terminatingPlaces() === undefined ? this.toString() : this.toDecimalString();
  }

  toJSON(): string {
    return this.terminatingPlaces() === undefined ? this.toString() : this.toDecimalString();
  }

  static sum(values: readonly Rational[]): Rational {
    return values.reduce((acc, v) => acc.add(v), Rational.ZERO);
  }

  static min(a: Rational, b: Rational): Rational {
    return a.lte(b) ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.gte(b) ? a : b;
  }
}
