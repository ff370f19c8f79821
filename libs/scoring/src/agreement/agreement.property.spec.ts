import fc from 'fast-check';
import { Rational } from '../rational';
import { intraclassCorrelation, type IccForm } from './intraclass-correlation';
import { kendallW } from './kendall-w';
import { ratingMatrix, type Rating } from './ratings';

/** A complete table of 2–8 items × 2–6 judges with few distinct scores, so ties are common. */
const table: fc.Arbitrary<Rating[]> = fc
  .record({ items: fc.integer({ min: 2, max: 8 }), judges: fc.integer({ min: 2, max: 6 }) })
  .chain(({ items, judges }) =>
    fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: items * judges, maxLength: items * judges })
      .map((scores) =>
        scores.map((score, c) => ({ item: `I${Math.floor(c / judges)}`, judge: `J${c % judges}`, score })),
      ),
  );

const FORMS: readonly IccForm[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

function hasItemSpread(ratings: readonly Rating[]): boolean {
  const totals = new Map<string, number>();
  for (const r of ratings) totals.set(r.item, (totals.get(r.item) ?? 0) + Number(r.score));
  return new Set(totals.values()).size > 1;
}

function hasRankSpread(ratings: readonly Rating[]): boolean {
  const byJudge = new Map<string, Set<string>>();
  for (const r of ratings) byJudge.set(r.judge, (byJudge.get(r.judge) ?? new Set()).add(String(r.score)));
  return [...byJudge.values()].some((scores) => scores.size > 1);
}

describe('agreement invariants', () => {
  it('permuting the ratings changes no ICC and no W', () => {
    fc.assert(
      fc.property(
        table.chain((ratings) => fc.tuple(fc.constant(ratings), shuffled(ratings))),
        ([ratings, permuted]) => {
          const a = intraclassCorrelation(ratingMatrix(ratings));
          const b = intraclassCorrelation(ratingMatrix(permuted));
          for (const form of FORMS) expect(b.forms[form].exact).toEqual(a.forms[form].exact);
          if (hasRankSpread(ratings))
            expect(kendallW(ratingMatrix(permuted)).exact).toEqual(kendallW(ratingMatrix(ratings)).exact);
        },
      ),
    );
  });

  it('judges who agree exactly give every ICC form and W the value 1', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 7 }),
        (itemScores, judges) => {
          const ratings = itemScores.flatMap((score, i) =>
            Array.from({ length: judges }, (_, j) => ({ item: `I${i}`, judge: `J${j}`, score })),
          );
          const icc = intraclassCorrelation(ratingMatrix(ratings));
          for (const form of FORMS) expect(icc.forms[form].exact).toEqual(Rational.ONE);
          expect(kendallW(ratingMatrix(ratings)).exact).toEqual(Rational.ONE);
        },
      ),
    );
  });

  it('W lies in [0, 1] and its p-value in [0, 1]', () => {
    fc.assert(
      fc.property(table, (ratings) => {
        fc.pre(hasRankSpread(ratings));
        const w = kendallW(ratingMatrix(ratings));
        expect(w.exact.gte(Rational.ZERO) && w.exact.lte(Rational.ONE)).toBe(true);
        expect(w.pValue).toBeGreaterThanOrEqual(0);
        expect(w.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the mean-of-k forms follow Spearman–Brown from the single forms exactly', () => {
    fc.assert(
      fc.property(table, (ratings) => {
        fc.pre(hasItemSpread(ratings));
        const icc = intraclassCorrelation(ratingMatrix(ratings));
        const k = Rational.of(icc.k);
        const spearmanBrown = (single: Rational): Rational =>
          k.mul(single).div(Rational.ONE.add(k.sub(Rational.ONE).mul(single)));
        for (const [single, average] of [
          ['ICC(1,1)', 'ICC(1,k)'],
          ['ICC(3,1)', 'ICC(3,k)'],
        ] as const) {
          const one = icc.forms[single].exact;
          const many = icc.forms[average].exact;
          if (one && many) expect(many).toEqual(spearmanBrown(one));
        }
      }),
    );
  });

  it('a judge who adds the same points to every item changes neither consistency ICC(3,·) nor W', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 20 }), (ratings, shift) => {
        const shifted = ratings.map((r) => (r.judge === 'J0' ? { ...r, score: Number(r.score) + shift } : r));
        const before = intraclassCorrelation(ratingMatrix(ratings));
        const after = intraclassCorrelation(ratingMatrix(shifted));
        expect(after.forms['ICC(3,1)'].exact).toEqual(before.forms['ICC(3,1)'].exact);
        expect(after.forms['ICC(3,k)'].exact).toEqual(before.forms['ICC(3,k)'].exact);
        if (hasRankSpread(ratings))
          expect(kendallW(ratingMatrix(shifted)).exact).toEqual(kendallW(ratingMatrix(ratings)).exact);
      }),
    );
  });
});
