/**
 * Money is integer fen. Amounts cross the ledger's boundary as safe integers (the database's
 * bigint read through fenTransformer) and are multiplied as bigint, so no product is ever rounded.
 */
export function sumFen(amounts: readonly number[]): number {
  return Number(amounts.reduce((sum, fen) => sum + BigInt(fen), 0n));
}

/**
 * Splits `total` fen in proportion to `weights` by the largest-remainder method: the parts add up
 * to `total` exactly, each is the floor or the ceiling of its exact share (so never above its own
 * weight when `total` is at most the weights' sum), and equal remainders go to the earlier part.
 * All-zero weights split equally.
 */
export function splitInProportion(total: number, weights: readonly number[]): number[] {
  const big = weights.map((w) => BigInt(w));
  const sum = big.reduce((a, b) => a + b, 0n);
  const target = BigInt(total);
  // Nothing to go by: equal shares.
  if (sum === 0n)
    return splitInProportion(
      total,
      weights.map(() => 1),
    );
  const parts = big.map((w) => (target * w) / sum);
  let left = target - parts.reduce((a, b) => a + b, 0n);
  const order = big
    .map((w, index) => ({ index, remainder: (target * w) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
