import { ScoringError, ScoringErrorCode } from './scoring.error';

/**
 * "128,500.50" (grouped) or "128500.50" (plain, for spreadsheets): whole fen as yuan with exactly
 * two decimals. Integer arithmetic only, so it is exact for any bigint; a number must be a safe
 * integer, because past 2^53 a float no longer counts single fen.
 */
export function yuanText(fen: bigint | number, { grouped = true }: { grouped?: boolean } = {}): string {
  const text = yuanFigure(fen).replace('¥', '');
  return grouped ? text : text.replaceAll(',', '');
}

/** "¥128,500.50": the amount as people read it in messages and documents. */
export function yuanFigure(fen: bigint | number): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
    throw new ScoringError(ScoringErrorCode.InvalidAmount, `amount must be a whole number of fen: ${fen}`, 'fen');
  }
  return yuanFigureOf(BigInt(fen));
}

/**
 * The one way money is written, for the server and the pages alike: the pages receive this
 * function's own source through /vocabulary.js, so it may use nothing from outside its body.
 */
export function yuanFigureOf(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${fen < 0n ? '-' : ''}¥${whole}.${cents}`;
}
