// Money is integer fen end to end. A yuan amount typed by a person is parsed as a decimal string,
// never through a float: "1234.56" is 123456 fen exactly, and "0.1" + "0.2" stays 30 fen.
const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * "¥300,000.50" / "300000.5" / "30万" are not all accepted: digits with an optional comma
 * grouping and at most two decimals (角, 分). Returns { fen } or { error: { zh, en } }.
 */
export function parseYuan(text) {
  const cleaned = String(text ?? '')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，\s]/g, '');
  if (cleaned === '') return { error: { zh: '请填写金额', en: 'enter an amount' } };
  const match = YUAN.exec(cleaned);
  if (!match) {
    return {
      error: {
        zh: '金额须为数字（元），最多两位小数，如 12800 或 12800.50',
        en: 'the amount must be a number of yuan with at most two decimals, e.g. 12800 or 12800.50',
      },
    };
  }
  const fen = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0') || '0');
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { error: { zh: '金额过大', en: 'the amount is too large' } };
  }
  return { fen: Number(fen) };
}

/** Integer fen → the text to put back into a yuan input ("12800.5" → "12800.50", whole yuan without decimals). */
export function fenToYuanText(fen) {
  const value = BigInt(fen);
  const yuan = value / 100n;
  const cents = value % 100n;
  return cents === 0n ? yuan.toString() : `${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** Sum of integer fen amounts, exact (BigInt) and returned as a JSON-safe number. */
export function sumFen(amounts) {
  return Number(amounts.reduce((sum, fen) => sum + BigInt(fen), 0n));
}

/**
 * A decimal share such as "0.8" as an exact fraction { numerator, denominator } (BigInt), so that
 * "request ≤ 80% of the budget" is compared without rounding: request × 10 ≤ budget × 8.
 */
export function parseShare(text) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) return null;
  const decimals = match[2] ?? '';
  return { numerator: BigInt(match[1] + decimals), denominator: 10n ** BigInt(decimals.length) };
}

/** The largest request (fen, rounded down) that is at most `share` of `budgetFen`. */
export function shareCapFen(share, budgetFen) {
  return Number((BigInt(budgetFen) * share.numerator) / share.denominator);
}

/** "0.8" → "80" (percent text, exact). */
export function shareToPercentText(text) {
  const share = parseShare(text);
  if (!share) return String(text);
  const scaled = share.numerator * 100n;
  const whole = scaled / share.denominator;
  const rest = scaled % share.denominator;
  if (rest === 0n) return whole.toString();
  const digits = share.denominator.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}
