import { errorOf } from '../../test/error-of';
import { ReportsErrorCode } from '../reports.error';
import { formatAmount, formatYuan, toFen } from './fen';

describe('money in fen', () => {
  it('prints yuan with thousands separators and two decimals', () => {
    expect(formatYuan(12_850_050n)).toBe('¥128,500.50');
    expect(formatYuan(500_000)).toBe('¥5,000.00');
    expect(formatYuan(5n)).toBe('¥0.05');
    expect(formatYuan(0n)).toBe('¥0.00');
    expect(formatAmount(1_800_000_000n)).toBe('18,000,000.00');
  });

  it('stays exact past the range of floating point', () => {
    expect(formatAmount(900_719_925_474_099_312n)).toBe('9,007,199,254,740,993.12');
  });

  it('names the field of an amount it refuses', () => {
    expect(errorOf(() => toFen(-1n, 'budgetLines.3.amountFen'))).toMatchObject({
      code: ReportsErrorCode.InvalidAmount,
      field: 'budgetLines.3.amountFen',
    });
    expect(errorOf(() => toFen(0.5))).toMatchObject({ code: ReportsErrorCode.InvalidAmount, field: 'amount' });
  });
});
