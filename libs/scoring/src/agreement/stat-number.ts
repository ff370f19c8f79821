import type { Rational } from '../rational';

/**
 * A rational as a double for display, safe for huge numerators and denominators (a plain
 * Number(num) / Number(den) would give Infinity / Infinity).
 */
export function toStatNumber(value: Rational): number {
  const bits = Math.max(value.num.toString(2).length, value.den.toString(2).length);
  const shift = BigInt(Math.max(0, bits - 1000));
  return Number(value.num >> shift) / Number(value.den >> shift);
}
