import { Fen, toFen } from './fen';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SECTION_UNITS = ['', '拾', '佰', '仟'] as const;
const WAN = 10_000n;
const YI = 100_000_000n;

function digit(n: bigint): string {
  return DIGITS[Number(n)];
}

/**
 * 1..9999 with one 零 per run of inner zeros and none at the end. 拾 always carries its digit
 * (壹拾), because a bare 拾 on a cheque can be altered by writing a digit in front of it.
 */
function section(n: bigint): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const d = (n / 10n ** BigInt(place)) % 10n;
    if (d === 0n) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += digit(d) + SECTION_UNITS[place];
  }
  return out;
}

/**
 * Positive integers by 万 and 亿 groups, recursively, so 万亿 and 亿亿 need no table. A lower
 * group gets a leading 零 only when its top digit is zero (壹拾万零伍, 壹亿零壹); a group that
 * starts with a digit needs none (壹拾万柒仟), which is the reading the accounting rules accept.
 */
function integer(n: bigint): string {
  if (n < WAN) {
    return section(n);
  }
  const unit = n >= YI ? YI : WAN;
  const high = n / unit;
  const low = n % unit;
  const head = integer(high) + (unit === YI ? '亿' : '万');
  if (low === 0n) {
    return head;
  }
  return head + (low < unit / 10n ? '零' : '') + integer(low);
}

/**
 * The amount in Chinese capital numerals (大写金额) as 会计基础工作规范 第五十二条 and the
 * payment-settlement rules write it, without the 人民币 prefix:
 * - 整 after 元 or 角 when there are no 分, never after 分 (壹佰元整, 伍角整, 伍角叁分);
 * - 元零x分 when 角 is zero but 分 is not; the optional 零 after a zero 元 digit is left out
 *   (壹仟陆佰捌拾元叁角贰分);
 * - amounts under one yuan start at 角 or 分 (伍角整, 伍分); zero is 零元整.
 * Negative or fractional fen throw a ReportsError (InvalidAmount).
 */
export function toChineseCapitalAmount(amount: Fen): string {
  const fen = toFen(amount);
  const yuan = fen / 100n;
  const jiao = (fen / 10n) % 10n;
  const cents = fen % 10n;
  if (fen === 0n) {
    return '零元整';
  }
  let out = yuan > 0n ? `${integer(yuan)}元` : '';
  if (jiao === 0n && cents === 0n) {
    return `${out}整`;
  }
  if (jiao > 0n) {
    out += `${digit(jiao)}角`;
  } else if (yuan > 0n) {
    out += '零';
  }
  return cents > 0n ? `${out}${digit(cents)}分` : `${out}整`;
}
