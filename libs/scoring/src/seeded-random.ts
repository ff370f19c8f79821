/**
 * mulberry32: a small generator that gives the same sequence on every machine for the same seed, so
 * the demo's simulated marks, the benchmarks' competitions and the test data can be recomputed.
 * Not for anything a person could gain by predicting (draws use the published seed's digest).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
