import { Rational } from '../rational';
import { ScoringErrorCode } from '../scoring.error';
import { rank } from './rank';
import type { RankEntry, TieBreak } from './rank.types';
import { scoringErrorOf } from '../aggregate/aggregation.factory';

const score = (text: string): Rational => Rational.parse(text);

describe('rank', () => {
  it('gives competition ranks 1, 2, 2, 4 on equal published scores while positions stay a total order', () => {
    const ranked = rank(
      [
        { id: 'A', score: score('90.5') },
        { id: 'B', score: score('88') },
        { id: 'C', score: score('88.00') },
        { id: 'D', score: score('75') },
      ],
      { tieBreaks: [] },
    );
    expect(ranked.map((r) => [r.id, r.position, r.rank])).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
      ['C', 3, 2],
      ['D', 4, 4],
    ]);
    expect(ranked.map((r) => r.decidedBy.kind)).toEqual(['score', 'id', 'score', 'last']);
  });

  it('applies the stated tie-breaks in order and says which one separated each project from the next', () => {
    const tieBreaks: TieBreak[] = [
      { key: 'median', prefer: 'higher', label: { zh: '中位数高者优先', en: 'higher median' } },
      { key: 'requestedFen', prefer: 'lower' },
      { key: 'submittedAt', prefer: 'lower' },
    ];
    // id, published score, median, requested fen, submitted at.
    const entries: RankEntry[] = (
      [
        ['yuegui', '86.5', '87', 3_000_000n, '2017-05-02T09:00:00Z'],
        ['kanghua', '86.5', '86', 1_000_000n, '2017-05-01T09:00:00Z'],
        ['qiaotou', '86.5', '86', 2_000_000n, '2017-05-01T08:00:00Z'],
        ['shatou', '86.5', '86', 2_000_000n, '2017-05-03T08:00:00Z'],
        ['buxin', '80', '95', 1n, '2017-01-01T00:00:00Z'],
      ] as const
    ).map(([id, total, median, requestedFen, submittedAt]) => ({
      id,
      score: score(total),
      keys: { median: score(median), requestedFen, submittedAt },
    }));
    const ranked = rank(entries, { tieBreaks });
    expect(ranked.map((r) => r.id)).toEqual(['yuegui', 'kanghua', 'qiaotou', 'shatou', 'buxin']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 1, 5]);
    expect(ranked.map((r) => r.decidedBy)).toEqual([
      { kind: 'tie-break', step: 1, key: 'median', label: { zh: '中位数高者优先', en: 'higher median' } },
      { kind: 'tie-break', step: 2, key: 'requestedFen' },
      { kind: 'tie-break', step: 3, key: 'submittedAt' },
      { kind: 'score' },
      { kind: 'last' },
    ]);
  });

  it('falls back to the id only when every stated tie-break is equal', () => {
    const ranked = rank(
      [
        { id: 'b', score: score('1'), keys: { amount: 5 } },
        { id: 'a', score: score('1'), keys: { amount: 5 } },
      ],
      { tieBreaks: [{ key: 'amount', prefer: 'lower' }] },
    );
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b']);
    expect(ranked[0].decidedBy).toEqual({ kind: 'id' });
  });

  it('compares unrounded rational tie-break values exactly, even when they differ in the 20th digit', () => {
    const tiny = Rational.of(1n, 10n ** 20n);
    const ranked = rank(
      [
        { id: 'a', score: score('85.33'), keys: { exact: Rational.of(256, 3) } },
        { id: 'b', score: score('85.33'), keys: { exact: Rational.of(256, 3).add(tiny) } },
      ],
      { tieBreaks: [{ key: 'exact', prefer: 'higher' }] },
    );
    expect(ranked.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('ranks scores with unlike denominators exactly', () => {
    const ranked = rank(
      [
        { id: 'third', score: Rational.of(1, 3) },
        { id: 'big', score: Rational.of(10n ** 30n + 1n, 3n * 10n ** 30n) },
      ],
      { tieBreaks: [] },
    );
    expect(ranked.map((r) => r.id)).toEqual(['big', 'third']);
  });

  it('refuses repeated ids, missing tie-break values and mixed value types', () => {
    expect(
      scoringErrorOf(() =>
        rank(
          [
            { id: 'a', score: score('1') },
            { id: 'a', score: score('2') },
          ],
          { tieBreaks: [] },
        ),
      ),
    ).toMatchObject({ code: ScoringErrorCode.DuplicateId, field: 'entries.1.id' });
    const tieBreaks: TieBreak[] = [{ key: 'amount', prefer: 'lower' }];
    expect(scoringErrorOf(() => rank([{ id: 'a', score: score('1') }], { tieBreaks }))).toMatchObject({
      code: ScoringErrorCode.InvalidRanking,
      field: 'entries.0.keys.amount',
    });
    expect(
      scoringErrorOf(() =>
        rank(
          [
            { id: 'a', score: score('1'), keys: { amount: 5 } },
            { id: 'b', score: score('1'), keys: { amount: '5' } },
          ],
          { tieBreaks },
        ),
      ),
    ).toMatchObject({ code: ScoringErrorCode.InvalidRanking, field: 'entries.1.keys.amount' });
  });

  it('ranks nobody when there is nobody to rank', () => {
    expect(rank([], { tieBreaks: [] })).toEqual([]);
  });
});
