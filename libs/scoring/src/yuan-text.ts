import { ScoringError, ScoringErrorCode } from './scoring.error';

/**
 * "128,500.50" (grouped) or "128500.50" (plain, for spreadsheets): whole fen as yuan with exactly
 * two decimals. Integer arithmetic only, so it is exact for any bigint; a number must be a safe
 * integer, because past 2^53 a float no longer counts single fen.
 */
export function yuanText(fen: bigint | number, { grouped = true }: { grouped?: boolean } = {}): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
    throw new ScoringError(ScoringErrorCode.InvalidAmount, `amount must be a whole number of fen: ${fen}`, 'fen');
  }
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString();
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${value < 0n ? '-' : ''}${grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}.${cents}`;
}

/** "¥128,500.50": the amount as people read it in messages and documents. */
export function yuanFigure(fen: bigint | number): string {
  const text = yuanText(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}
