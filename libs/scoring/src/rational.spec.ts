import fc from 'fast-check';
import { Rational } from './rational';
import { ScoringErrorCode } from './scoring.error';

describe('Rational', () => {
  it('keeps decimal marks exact where floating point drifts', () => {
    const sum = Rational.parse('0.1').add(Rational.parse('0.2'));
    expect(sum.toDecimalString()).toBe('0.3');
    expect(sum.eq(Rational.parse('0.3'))).toBe(true);
  });

  it('rounds half away from zero once, at the stated decimals', () => {
    expect(Rational.parse('84.125').toDecimalString(2)).toBe('84.13');
    expect(Rational.parse('84.124').toDecimalString(2)).toBe('84.12');
    expect(Rational.parse('-2.5').toDecimalString(0)).toBe('-3');
    expect(Rational.of(2, 3).toDecimalString(2)).toBe('0.67');
    expect(Rational.of(0).toDecimalString(2)).toBe('0.00');
  });

  it('refuses to print a repeating fraction without stated decimals', () => {
    expect(() => Rational.of(1, 3).toDecimalString()).toThrow(
      expect.objectContaining({ code: ScoringErrorCode.InvalidNumber }),
    );
  });

  it('names the field of a malformed decimal', () => {
    expect(() => Rational.parse('8,5', 'scores.0')).toThrow(
      expect.objectContaining({ code: ScoringErrorCode.InvalidNumber, field: 'scores.0' }),
    );
  });

  it('reads JavaScript numbers as the decimal they are written as', () => {
    expect(Rational.from(0.1).eq(Rational.of(1, 10))).toBe(true);
    expect(Rational.from(1e-7).eq(Rational.of(1, 10_000_000))).toBe(true);
  });

  it('floors toward negative infinity', () => {
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(7, 2).floor()).toBe(3n);
  });

  it('round-trips any decimal text with up to 6 places', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (units, places) => {
          const text = Rational.of(BigInt(units), 10n ** BigInt(places)).toDecimalString(places);
          expect(Rational.parse(text).toDecimalString(places)).toBe(text);
        },
      ),
    );
  });

  it('agrees with integer arithmetic on add, mul and compare', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        (a, b) => {
          const x = Rational.of(a);
          const y = Rational.of(b);
          expect(x.add(y).eq(Rational.of(a + b))).toBe(true);
          expect(x.mul(y).eq(Rational.of(a * b))).toBe(true);
          expect(x.compare(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
        },
      ),
    );
  });
});

describe('Rational.parseExact', () => {
  it('reads back what toExactString writes, decimals and repeating fractions alike', () => {
    for (const value of [Rational.of(200, 3), Rational.parse('36.5'), Rational.of(7), Rational.ZERO]) {
      expect(Rational.parseExact(value.toExactString()).eq(value)).toBe(true);
    }
  });

  it('refuses a fraction with a zero or signed denominator', () => {
    expect(() => Rational.parseExact('1/0')).toThrow();
    expect(() => Rational.parseExact('1/-3')).toThrow();
  });
});
