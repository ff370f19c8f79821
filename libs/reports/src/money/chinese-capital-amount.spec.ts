import { errorOf } from '../../test/error-of';
import { ReportsError, ReportsErrorCode } from '../reports.error';
import { toChineseCapitalAmount } from './chinese-capital-amount';

const yuan = (value: bigint): bigint => value * 100n;

describe('toChineseCapitalAmount', () => {
  it('writes the grant of the 五顶岗 agreement with 整 after 角', () => {
    expect(toChineseCapitalAmount(12_850_050n)).toBe('壹拾贰万捌仟伍佰元伍角整');
  });

  it('writes 整 after 元 when there are no 角 and 分', () => {
    expect(toChineseCapitalAmount(yuan(5_000n))).toBe('伍仟元整');
    expect(toChineseCapitalAmount(yuan(500_000n))).toBe('伍拾万元整');
  });

  it('keeps 壹 before a leading 拾 so the amount cannot be altered', () => {
    expect(toChineseCapitalAmount(yuan(10n))).toBe('壹拾元整');
    expect(toChineseCapitalAmount(yuan(15n))).toBe('壹拾伍元整');
    expect(toChineseCapitalAmount(yuan(100_000n))).toBe('壹拾万元整');
    expect(toChineseCapitalAmount(yuan(110n))).toBe('壹佰壹拾元整');
  });

  it('writes one 零 for zeros in the middle of a group', () => {
    expect(toChineseCapitalAmount(yuan(1_005n))).toBe('壹仟零伍元整');
    expect(toChineseCapitalAmount(yuan(1_050n))).toBe('壹仟零伍拾元整');
    expect(toChineseCapitalAmount(yuan(101n))).toBe('壹佰零壹元整');
  });

  it('writes one 零 for zeros that cross the 万 boundary', () => {
    expect(toChineseCapitalAmount(yuan(100_005n))).toBe('壹拾万零伍元整');
    expect(toChineseCapitalAmount(yuan(10_010_000n))).toBe('壹仟零壹万元整');
    expect(toChineseCapitalAmount(yuan(1_000_500n))).toBe('壹佰万零伍佰元整');
    expect(toChineseCapitalAmount(yuan(50_080n))).toBe('伍万零捌拾元整');
  });

  it('needs no 零 when the lower group starts with its 仟 digit', () => {
    expect(toChineseCapitalAmount(yuan(101_000n))).toBe('壹拾万壹仟元整');
    expect(toChineseCapitalAmount(yuan(1_001_000n))).toBe('壹佰万壹仟元整');
  });

  it('writes one 零 for zeros that cross the 亿 boundary', () => {
    expect(toChineseCapitalAmount(yuan(100_000_001n))).toBe('壹亿零壹元整');
    expect(toChineseCapitalAmount(yuan(1_000_010_000n))).toBe('壹拾亿零壹万元整');
    expect(toChineseCapitalAmount(yuan(120_000_000n))).toBe('壹亿贰仟万元整');
    expect(toChineseCapitalAmount(yuan(100_010_000n))).toBe('壹亿零壹万元整');
  });

  it('reaches 万亿 and beyond within bigint', () => {
    expect(toChineseCapitalAmount(yuan(1_000_000_000_000n))).toBe('壹万亿元整');
    expect(toChineseCapitalAmount(yuan(1_000_000_010_000n))).toBe('壹万亿零壹万元整');
    expect(toChineseCapitalAmount(yuan(1_200_000_000_000n))).toBe('壹万贰仟亿元整');
    expect(toChineseCapitalAmount(yuan(10n ** 16n))).toBe('壹亿亿元整');
    expect(toChineseCapitalAmount(yuan(9_999_999_999_999_999n) + 99n)).toBe(
      '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分',
    );
  });

  it('writes 元零x分 when 角 is zero and 分 is not', () => {
    expect(toChineseCapitalAmount(1_640_902n)).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(toChineseCapitalAmount(32_504n)).toBe('叁佰贰拾伍元零肆分');
    expect(toChineseCapitalAmount(yuan(1_000n) + 5n)).toBe('壹仟元零伍分');
  });

  it('writes 角 and 分 without 整 after 分', () => {
    expect(toChineseCapitalAmount(140_950n)).toBe('壹仟肆佰零玖元伍角整');
    expect(toChineseCapitalAmount(600_714n)).toBe('陆仟零柒元壹角肆分');
    expect(toChineseCapitalAmount(yuan(200n) + 53n)).toBe('贰佰元伍角叁分');
  });

  it('leaves out the optional 零 after a zero 元 digit, as the rules allow', () => {
    expect(toChineseCapitalAmount(168_032n)).toBe('壹仟陆佰捌拾元叁角贰分');
    expect(toChineseCapitalAmount(10_700_053n)).toBe('壹拾万柒仟元伍角叁分');
  });

  it('starts amounts under one yuan at 角 or 分', () => {
    expect(toChineseCapitalAmount(50n)).toBe('伍角整');
    expect(toChineseCapitalAmount(5n)).toBe('伍分');
    expect(toChineseCapitalAmount(35n)).toBe('叁角伍分');
  });

  it('writes zero as 零元整', () => {
    expect(toChineseCapitalAmount(0n)).toBe('零元整');
    expect(toChineseCapitalAmount(0)).toBe('零元整');
  });

  it('accepts whole numbers of fen as number', () => {
    expect(toChineseCapitalAmount(12_850_050)).toBe('壹拾贰万捌仟伍佰元伍角整');
  });

  it('refuses negative, fractional and unsafe amounts', () => {
    for (const amount of [-1n, -100, 12.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN]) {
      const error = errorOf(() => toChineseCapitalAmount(amount));
      expect(error).toBeInstanceOf(ReportsError);
      expect(error).toMatchObject({ code: ReportsErrorCode.InvalidAmount });
    }
  });
});
