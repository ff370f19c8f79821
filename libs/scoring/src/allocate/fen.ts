import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { FenInput } from './allocation.types';

/**
 * Reads an amount of money in fen. A number must be a safe integer, because above 2^53 a float
 * silently stops counting single fen.
 */
export function toFen(value: FenInput | undefined, field: string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) {
      throw new ScoringError(ScoringErrorCode.InvalidAmount, `amount must not be negative: ${value}`, field);
    }
    return value;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidAmount,
      `amount must be a whole number of fen: ${String(value)}`,
      field,
    );
  }
  if (value < 0) {
    throw new ScoringError(ScoringErrorCode.InvalidAmount, `amount must not be negative: ${value}`, field);
  }
  return BigInt(value);
}

export function minFen(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxFen(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** Largest multiple of `unit` that is ≤ `amount`. */
export function floorToUnit(amount: bigint, unit: bigint): bigint {
  return (amount / unit) * unit;
}
