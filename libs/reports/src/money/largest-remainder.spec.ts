import fc from 'fast-check';
import { errorOf } from '../../test/error-of';
import { ReportsErrorCode } from '../reports.error';
import { distributeByLargestRemainder, splitByPercent } from './largest-remainder';

const sum = (parts: readonly bigint[]): bigint => parts.reduce((a, b) => a + b, 0n);

describe('splitByPercent', () => {
  it('splits the 五顶岗 grant 50/30/20 to the fen', () => {
    expect(splitByPercent(12_850_050n, [50, 30, 20])).toEqual([6_425_025n, 3_855_015n, 2_570_010n]);
  });

  it('gives the leftover fen to the largest remainders, earlier tranche first on a tie', () => {
    expect(splitByPercent(100n, [33.33, 33.33, 33.34])).toEqual([33n, 33n, 34n]);
    expect(splitByPercent(1n, [50, 50])).toEqual([1n, 0n]);
    expect(splitByPercent(2n, [33.34, 33.33, 33.33])).toEqual([1n, 1n, 0n]);
  });

  it('keeps tranches in whole yuan and settles the grant’s own fen in the last one', () => {
    expect(splitByPercent(12_850_050n, [40, 30, 30], 'yuan')).toEqual([5_140_000n, 3_855_000n, 3_855_050n]);
    expect(splitByPercent(1_000_000n, [33.33, 33.33, 33.34], 'yuan')).toEqual([333_300n, 333_300n, 333_400n]);
  });

  it('refuses percentages that do not add up to 100 or are finer than 0.01', () => {
    for (const percents of [[50, 40], [33.333, 66.667], [-10, 110], [], [Number.NaN, 100]]) {
      expect(errorOf(() => splitByPercent(100n, percents))).toMatchObject({ code: ReportsErrorCode.InvalidShares });
    }
  });
});

const grants = fc.bigInt({ min: 0n, max: 10n ** 12n });
const weights = fc
  .array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: 1, maxLength: 12 })
  .filter((w) => sum(w) > 0n);
const percentages = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 }).map((raw) => {
  const total = raw.reduce((a, b) => a + b, 0);
  const basisPoints = raw.map((r) => Math.floor((r * 10_000) / total));
  basisPoints[0] += 10_000 - basisPoints.reduce((a, b) => a + b, 0);
  return basisPoints.map((bp) => bp / 100);
});

describe('distributeByLargestRemainder properties', () => {
  it('adds up to the total exactly', () => {
    fc.assert(fc.property(grants, weights, (total, w) => sum(distributeByLargestRemainder(total, w)) === total));
  });

  it('gives each part the floor or the ceiling of its exact share', () => {
    fc.assert(
      fc.property(grants, weights, (total, w) => {
        const parts = distributeByLargestRemainder(total, w);
        const weightSum = sum(w);
        return parts.every((part, i) => {
          const floor = (total * w[i]) / weightSum;
          return part === floor || part === floor + 1n;
        });
      }),
    );
  });

  it('splits any grant by percentages into parts that add up to it, in fen and in yuan', () => {
    fc.assert(
      fc.property(grants, percentages, fc.constantFrom('fen' as const, 'yuan' as const), (grant, p, unit) => {
        const parts = splitByPercent(grant, p, unit);
        const wholeYuan = unit === 'fen' || parts.slice(0, -1).every((part) => part % 100n === 0n);
        return sum(parts) === grant && wholeYuan;
      }),
    );
  });
});
