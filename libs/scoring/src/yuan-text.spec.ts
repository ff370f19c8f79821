import { ScoringErrorCode } from './scoring.error';
import { yuanFigure, yuanText } from './yuan-text';

describe('yuan text from fen', () => {
  it('groups thousands and always shows two decimals', () => {
    expect(yuanText(12_850_050)).toBe('128,500.50');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0.00');
    expect(yuanFigure(1_800_000_000)).toBe('¥18,000,000.00');
  });

  it('writes plain figures for spreadsheets', () => {
    expect(yuanText(2_800_000, { grouped: false })).toBe('28000.00');
  });

  it('stays exact past 2^53 fen as bigint, and refuses a number that is not a whole safe fen', () => {
    expect(yuanText(9_007_199_254_740_993n)).toBe('90,071,992,547,409.93');
    expect(() => yuanText(12.5)).toThrow(expect.objectContaining({ code: ScoringErrorCode.InvalidAmount }));
    expect(() => yuanText(2 ** 53)).toThrow(expect.objectContaining({ code: ScoringErrorCode.InvalidAmount }));
  });

  it('puts the sign before the currency symbol', () => {
    expect(yuanFigure(-150)).toBe('-¥1.50');
  });
});
