import fc from 'fast-check';
import { Rational } from '../rational';
import { JIANGDONG_RULES } from './evaluation-inputs.factory';
import { bandOf, scoreOutOf100, starsOf, type BandRule, type StarGateOutcome } from './rating';

/** Scores 0–100 in hundredths, as evaluations publish them. */
const score = fc.integer({ min: 0, max: 10_000 }).map((n) => Rational.of(n, 100));
const outcomes: fc.Arbitrary<StarGateOutcome[]> = fc
  .boolean()
  .map((passed) => [{ criterion: 'quality', share: passed ? '1' : '0', passed }]);
const effect = fc.constantFrom('one-fewer' as const, 'none' as const);

/** Band rules in any order with thresholds anywhere, always one from 0. */
const bands: fc.Arbitrary<BandRule[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 })
  .chain((mins) => fc.shuffledSubarray([0, ...mins], { minLength: mins.length + 1 }))
  .map((mins) =>
    mins.map((min) => ({ key: `from-${min}`, labelZh: `${min}分以上`, labelEn: `${min}+`, minScore: String(min) })),
  );

describe('bands and stars are monotone in the score', () => {
  it('a higher score never reaches a lower band', () => {
    fc.assert(
      fc.property(bands, score, score, (rules, a, b) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(Number(bandOf(low, rules).minScore)).toBeLessThanOrEqual(Number(bandOf(high, rules).minScore));
      }),
    );
  });

  it('every score 0–100 has exactly the band of the highest threshold it reaches', () => {
    fc.assert(
      fc.property(bands, score, (rules, s) => {
        const reached = rules.filter((rule) => s.gte(Rational.parse(rule.minScore)));
        expect(Number(bandOf(s, rules).minScore)).toBe(Math.max(...reached.map((rule) => Number(rule.minScore))));
      }),
    );
  });

  it('with the same gate outcomes, a higher score never earns fewer stars', () => {
    fc.assert(
      fc.property(score, score, outcomes, effect, (a, b, gate, gateEffect) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        const gates = [{ criterion: 'quality', minShare: '0.6', effect: gateEffect }];
        const stars = (s: Rational) => starsOf(s, JIANGDONG_RULES.stars, gates, gate) ?? 0;
        expect(stars(low)).toBeLessThanOrEqual(stars(high));
      }),
    );
  });

  it('a failed gate never adds stars', () => {
    fc.assert(
      fc.property(score, effect, (s, gateEffect) => {
        const gates = [{ criterion: 'quality', minShare: '0.6', effect: gateEffect }];
        const pass =
          starsOf(s, JIANGDONG_RULES.stars, gates, [{ criterion: 'quality', share: '1', passed: true }]) ?? 0;
        const fail =
          starsOf(s, JIANGDONG_RULES.stars, gates, [{ criterion: 'quality', share: '0', passed: false }]) ?? 0;
        expect(fail).toBeLessThanOrEqual(pass);
      }),
    );
  });

  it('the score out of 100 is non-decreasing in the points and stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (max, x, y) => {
          const total = Rational.of(max);
          const [low, high] = [Math.min(x, y), Math.max(x, y)].map((n) => Rational.of(n * max, 1000));
          const a = scoreOutOf100(low, total, 2);
          const b = scoreOutOf100(high, total, 2);
          expect(a.lte(b)).toBe(true);
          expect(a.gte(Rational.ZERO) && b.lte(Rational.of(100))).toBe(true);
        },
      ),
    );
  });
});
