import fc from 'fast-check';
import { Rational } from '../rational';
import { rank } from './rank';
import type { RankEntry, RankingPolicy } from './rank.types';

const POLICY: RankingPolicy = {
  tieBreaks: [
    { key: 'median', prefer: 'higher' },
    { key: 'amount', prefer: 'lower' },
  ],
};

/** Few distinct scores and tie-break values, so ties at every level are common. */
const entries: fc.Arbitrary<RankEntry[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      score: fc.integer({ min: 0, max: 8 }),
      den: fc.constantFrom(1, 2, 3, 4),
      median: fc.integer({ min: 0, max: 3 }),
      amount: fc.bigInt({ min: 0n, max: 3n }),
    }),
    { selector: (e) => e.id, maxLength: 30 },
  )
  .map((raw) =>
    raw.map((e) => ({
      id: e.id,
      score: Rational.of(e.score, e.den),
      keys: { median: Rational.of(e.median), amount: e.amount },
    })),
  );

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('ranking invariants', () => {
  it('is a total order: every entry gets one distinct position 1..n', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rank(list, POLICY);
        expect(ranked.map((r) => r.position)).toEqual(list.map((_, i) => i + 1));
        expect(new Set(ranked.map((r) => r.id))).toEqual(new Set(list.map((e) => e.id)));
      }),
    );
  });

  it('permuting the input changes nothing', () => {
    fc.assert(
      fc.property(
        entries.chain((list) => fc.tuple(fc.constant(list), shuffled(list))),
        ([list, permuted]) => {
          expect(rank(permuted, POLICY)).toEqual(rank(list, POLICY));
        },
      ),
    );
  });

  it('never places a lower primary score above a higher one', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rank(list, POLICY);
        for (let i = 1; i < ranked.length; i += 1) expect(ranked[i - 1].score.gte(ranked[i].score)).toBe(true);
      }),
    );
  });

  it('gives each entry the competition rank 1 + the number of strictly higher scores', () => {
    fc.assert(
      fc.property(entries, (list) => {
        for (const ranked of rank(list, POLICY)) {
          expect(ranked.rank).toBe(1 + list.filter((e) => e.score.gt(ranked.score)).length);
        }
      }),
    );
  });

  it('orders alike whether scores have small denominators or huge ones', () => {
    // Scaling by a positive rational keeps every comparison, but no longer fits integer sort keys.
    const huge = Rational.of(10n ** 30n + 7n, 10n ** 30n);
    fc.assert(
      fc.property(entries, (list) => {
        const scaled = list.map((entry) => ({ ...entry, score: entry.score.mul(huge) }));
        expect(rank(scaled, POLICY).map((r) => [r.id, r.rank, r.decidedBy])).toEqual(
          rank(list, POLICY).map((r) => [r.id, r.rank, r.decidedBy]),
        );
      }),
    );
  });

  it('orders equal scores by the tie-breaks, and the recorded decision is the first key that differs', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rank(list, POLICY);
        const byId = new Map(list.map((e) => [e.id, e]));
        for (let i = 0; i + 1 < ranked.length; i += 1) {
          const a = byId.get(ranked[i].id);
          const b = byId.get(ranked[i + 1].id);
          if (!a?.keys || !b?.keys) throw new Error('entry lost');
          const medianA = a.keys.median as Rational;
          const medianB = b.keys.median as Rational;
          const decision = ranked[i].decidedBy;
          if (a.score.gt(b.score)) expect(decision).toEqual({ kind: 'score' });
          else if (medianA.gt(medianB)) expect(decision).toMatchObject({ kind: 'tie-break', key: 'median' });
          else if (a.keys.amount < b.keys.amount) expect(decision).toMatchObject({ kind: 'tie-break', key: 'amount' });
          else {
            expect(decision).toEqual({ kind: 'id' });
            expect(a.id < b.id).toBe(true);
          }
        }
        if (ranked.length > 0) expect(ranked[ranked.length - 1].decidedBy).toEqual({ kind: 'last' });
      }),
    );
  });
});
