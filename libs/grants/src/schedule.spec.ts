import fc from 'fast-check';
import { COMPETITION_PRESETS, DIRECT_PURCHASE_TERMS, DEFAULT_SMALL_PURCHASE_LIMIT_FEN } from '@app/domain';
import { planSchedule } from './schedule';

const PARTY = COMPETITION_PRESETS['party-building'].tranches;

describe('planSchedule', () => {
  it('pays 50 / 30 / 20 with the remainder fen on the last tranche, as 首期 / 中期 / 尾款', () => {
    expect(planSchedule(2_000_001, PARTY).map((t) => t.amountFen)).toEqual([1_000_000, 600_000, 400_001]);
    expect(planSchedule(12_850_055, PARTY).map((t) => t.amountFen)).toEqual([6_425_027, 3_855_016, 2_570_012]);
  });

  it('keeps each tranche’s condition and labels from the rules, numbered from 1', () => {
    const [first, second, last] = planSchedule(3_000_000, PARTY);
    expect(first).toMatchObject({ sequence: 1, labelZh: '签约后拨付', condition: { kind: 'on-signing' } });
    expect(second).toMatchObject({ sequence: 2, condition: { kind: 'evaluation-passed', stage: 'mid' } });
    expect(last).toMatchObject({ sequence: 3, percent: 20, condition: { kind: 'evaluation-passed', stage: 'final' } });
  });

  it('gives one tranche the whole grant', () => {
    const [only] = planSchedule(1, [{ ...PARTY[0], percent: 100 }]);
    expect(only.amountFen).toBe(1);
  });

  it('pays a direct purchase 70% on signing and 30% once the final report is accepted: 辛店’s ¥5,000 大管家', () => {
    const [signing, final] = planSchedule(500_000, DIRECT_PURCHASE_TERMS.tranches);
    expect(signing).toMatchObject({ amountFen: 350_000, condition: { kind: 'on-signing' } });
    expect(final).toMatchObject({ amountFen: 150_000, condition: { kind: 'report-accepted', report: 'final' } });
  });

  it('adds a direct purchase’s tranches up to the amount bought, whatever it is within the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: DEFAULT_SMALL_PURCHASE_LIMIT_FEN }), (amountFen) => {
        const tranches = planSchedule(amountFen, DIRECT_PURCHASE_TERMS.tranches);
        expect(tranches.reduce((sum, t) => sum + t.amountFen, 0)).toBe(amountFen);
        expect(tranches.every((t) => t.amountFen >= 0)).toBe(true);
      }),
    );
  });
});
