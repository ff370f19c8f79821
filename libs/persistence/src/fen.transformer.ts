import { ValueTransformer } from 'typeorm';

/**
 * Postgres bigint arrives as text. Money stays integer fen end to end; a value outside the safe
 * integer range (±90 trillion yuan) is a corrupted row, not a number to round.
 */
export const fenTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const fen = Number(value);
    if (!Number.isSafeInteger(fen)) throw new Error(`fen value out of range: ${value}`);
    return fen;
  },
};
