import fc from 'fast-check';
import { Rational } from '../rational';
import { donationPointsOf, votePointsOf } from './component-points';

const tally = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1_000_000 }), {
  minKeys: 1,
  maxKeys: 30,
});
const maximum = fc.integer({ min: 1, max: 10_000 }).map((n) => (n / 100).toString());

describe('votePointsOf properties', () => {
  it('keeps every value within [0, maxPoints], and gives the most-voted project exactly maxPoints', () => {
    fc.assert(
      fc.property(tally, maximum, (votes, max) => {
        const points = votePointsOf(new Map(Object.entries(votes)), max);
        const top = Math.max(...Object.values(votes));
        for (const [id, value] of points) {
          expect(value.gte(Rational.ZERO) && value.lte(Rational.parse(max))).toBe(true);
          if (top > 0 && votes[id] === top) expect(value.eq(Rational.parse(max))).toBe(true);
        }
      }),
    );
  });

  it('never gives more votes fewer points', () => {
    fc.assert(
      fc.property(tally, maximum, (votes, max) => {
        const points = votePointsOf(new Map(Object.entries(votes)), max);
        for (const [a, va] of points) {
          for (const [b, vb] of points) {
            if (votes[a] > votes[b]) expect(va.gte(vb)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('donationPointsOf properties', () => {
  it('never exceeds the maximum, and more money never gives fewer points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e7 }),
        maximum,
        (a, b, fenPerPoint, max) => {
          const rule = { fenPerPoint, maxPoints: max };
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(donationPointsOf(high, rule).lte(Rational.parse(max))).toBe(true);
          expect(donationPointsOf(high, rule).gte(donationPointsOf(low, rule))).toBe(true);
        },
      ),
    );
  });
});
