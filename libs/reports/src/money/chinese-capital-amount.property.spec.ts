import fc from 'fast-check';
import { toChineseCapitalAmount } from './chinese-capital-amount';

const DIGIT: Readonly<Record<string, bigint>> = {
  零: 0n,
  壹: 1n,
  贰: 2n,
  叁: 3n,
  肆: 4n,
  伍: 5n,
  陆: 6n,
  柒: 7n,
  捌: 8n,
  玖: 9n,
};
const PLACE: Readonly<Record<string, bigint>> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** Reads 1..9999 written with 仟佰拾; 零 only marks a gap. */
function readSection(text: string): bigint {
  let total = 0n;
  let pending = 0n;
  for (const ch of text) {
    if (ch in DIGIT) {
      pending = DIGIT[ch];
    } else if (ch in PLACE) {
      total += pending * PLACE[ch];
      pending = 0n;
    } else {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
  }
  return total + pending;
}

/** An independent reader: split at the last 亿, then at 万, as a person reading aloud would. */
function readInteger(text: string): bigint {
  const yi = text.lastIndexOf('亿');
  if (yi >= 0) {
    return (
      readInteger(text.slice(0, yi)) * 100_000_000n + (yi + 1 < text.length ? readInteger(text.slice(yi + 1)) : 0n)
    );
  }
  const wan = text.lastIndexOf('万');
  if (wan >= 0) {
    return readSection(text.slice(0, wan)) * 10_000n + (wan + 1 < text.length ? readSection(text.slice(wan + 1)) : 0n);
  }
  return readSection(text);
}

function readAmount(text: string): bigint {
  if (text === '零元整') {
    return 0n;
  }
  const match = /^(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?$/.exec(text);
  if (!match) {
    throw new Error(`unreadable ${text}`);
  }
  const [, integer, jiao, fen] = match;
  return (integer ? readInteger(integer) * 100n : 0n) + (jiao ? DIGIT[jiao] * 10n : 0n) + (fen ? DIGIT[fen] : 0n);
}

const CAPITAL = '零壹贰叁肆伍陆柒捌玖';
const POSITION_UNITS = ['', '拾', '佰', '仟', '万', '拾', '佰', '仟', '亿', '拾', '佰', '仟', '万', '拾', '佰', '仟'];

/**
 * The classic way to write 大写 by hand: every digit with its unit, then strike out what the
 * reading rules drop (每级末尾的0不读，中间连续的0只读一个零). Independent of the grouping recursion under test; valid below 亿亿 yuan.
 */
function writeLongHand(value: bigint): string {
  const yuan = (value / 100n).toString();
  const jiao = Number((value / 10n) % 10n);
  const fen = Number(value % 10n);
  let integer = '';
  if (value >= 100n) {
    integer = [...yuan].map((d, i) => CAPITAL[Number(d)] + POSITION_UNITS[yuan.length - 1 - i]).join('');
    integer = integer
      .replace(/零[拾佰仟]/g, '零')
      .replace(/零+/g, '零')
      // An all-zero 万 group inside 亿 is read as one 零.
      .replace(/亿零万/g, '亿零')
      .replace(/零+/g, '零')
      // Zeros closing a group are silent unless zeros also open the next one.
      .replace(/零([万亿])零/g, '$1零')
      .replace(/零([万亿])/g, '$1')
      .replace(/零$/, '');
    integer += '元';
  }
  if (value === 0n) {
    return '零元整';
  }
  if (jiao === 0 && fen === 0) {
    return `${integer}整`;
  }
  const jiaoPart = jiao > 0 ? `${CAPITAL[jiao]}角` : integer === '' ? '' : '零';
  return fen > 0 ? `${integer}${jiaoPart}${CAPITAL[fen]}分` : `${integer}${jiaoPart}整`;
}

// Up to 亿亿 yuan: past the int64 range a database column can hold.
const fen = fc.bigInt({ min: 0n, max: 10n ** 20n - 1n });
// Amounts with long runs of zeros are where 零 mistakes hide.
const sparseFen = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 9 })), { maxLength: 4 })
  .map((digits) => digits.reduce((sum, [place, d]) => sum + BigInt(d) * 10n ** BigInt(place), 0n));
const amounts = fc.oneof(fen, sparseFen);

describe('toChineseCapitalAmount properties', () => {
  it('reads back to the same number of fen', () => {
    fc.assert(
      fc.property(amounts, (value) => readAmount(toChineseCapitalAmount(value)) === value),
      { numRuns: 2000 },
    );
  });

  it('writes what the digit-by-digit long hand gives', () => {
    const belowYiYi = amounts.filter((v) => v < 10n ** 18n);
    fc.assert(
      fc.property(belowYiYi, (value) => toChineseCapitalAmount(value) === writeLongHand(value)),
      { numRuns: 2000 },
    );
  });

  it('never writes 零 twice in a row, before a unit or at the end', () => {
    fc.assert(
      fc.property(
        amounts.filter((v) => v > 0n),
        (value) => {
          const text = toChineseCapitalAmount(value);
          return !/零零|零[元万亿角拾佰仟]|零整|零$/.test(text);
        },
      ),
    );
  });

  it('always writes a digit before 拾', () => {
    fc.assert(fc.property(amounts, (value) => !/(^|[^壹贰叁肆伍陆柒捌玖])拾/.test(toChineseCapitalAmount(value))));
  });

  it('ends with 整 exactly when there are no 分', () => {
    fc.assert(fc.property(amounts, (value) => toChineseCapitalAmount(value).endsWith('整') === (value % 10n === 0n)));
  });

  it('uses capital numerals only', () => {
    fc.assert(
      fc.property(amounts, (value) =>
        /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(toChineseCapitalAmount(value)),
      ),
    );
  });
});
