import { yuanText } from '@app/scoring';
import { ReportsError, ReportsErrorCode } from '../reports.error';

/** Money in integer fen (0.01 yuan). Numbers are accepted only while they are exact integers. */
export type Fen = bigint | number;

/** Returns the amount as bigint fen; refuses fractions, unsafe integers and negative amounts. */
export function toFen(amount: Fen, field = 'amount'): bigint {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new ReportsError(
      ReportsErrorCode.InvalidAmount,
      `${field} must be a whole number of fen, got ${amount}`,
      field,
    );
  }
  const fen = BigInt(amount);
  if (fen < 0n) {
    throw new ReportsError(ReportsErrorCode.InvalidAmount, `${field} must not be negative, got ${fen}`, field);
  }
  return fen;
}

/** "128,500.50": grouped yuan with exactly two decimals, exact for any bigint; for table columns. */
export function formatAmount(amount: Fen): string {
  return yuanText(toFen(amount));
}

/** "¥128,500.50": the amount in figures as it stands beside its capital form. */
export function formatYuan(amount: Fen): string {
  return `¥${formatAmount(amount)}`;
}
