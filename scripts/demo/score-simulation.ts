/**
 * Realistic roadshow marks without hidden randomness: a seeded generator (recorded in the demo
 * data), each project's quality, each judge's leniency, and per-mark noise; marks are in half
 * points within each criterion's maximum, as judges give them.
 */
export interface CriterionLimit {
  readonly key: string;
  readonly maxPoints: string;
  readonly gate?: boolean;
}

export function simulateMarks(
  random: () => number,
  criteria: readonly CriterionLimit[],
  quality: number,
  leniency: number,
): { criteria: Record<string, string>; gates: Record<string, boolean> } {
  const marks: Record<string, string> = {};
  const gates: Record<string, boolean> = {};
  for (const criterion of criteria) {
    if (criterion.gate) {
      gates[criterion.key] = quality + leniency > 0.5;
      continue;
    }
    const max = Number(criterion.maxPoints);
    const noise = (random() - 0.5) * 0.14;
    const halves = Math.round(Math.min(1, Math.max(0, quality + leniency + noise)) * max * 2);
    marks[criterion.key] = String(halves / 2);
  }
  return { criteria: marks, gates };
}
