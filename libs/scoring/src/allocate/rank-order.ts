import { AllocationProject } from './allocation.types';
import { toFen } from './fen';
import { toRational } from './score-value';

function compareIds(a: string, b: string): number {
  // Code-unit order, not locale order: the same on every machine and Node version.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order used when the caller passes no rank order: score descending, then the smaller request
 * first (it stretches the pool further), then id in code-unit order.
 *
 * Invariants: a total order (ids are unique), independent of the input order.
 */
export function defaultRankOrder(projects: readonly AllocationProject[]): string[] {
  const keyed = projects.map((project, i) => ({
    id: project.id,
    score: toRational(project.score, `projects.${i}.score`),
    requested: toFen(project.requested, `projects.${i}.requested`),
  }));
  keyed.sort((a, b) => {
    const byScore = b.score.compare(a.score);
    if (byScore !== 0) return byScore;
    if (a.requested !== b.requested) return a.requested < b.requested ? -1 : 1;
    return compareIds(a.id, b.id);
  });
  return keyed.map((entry) => entry.id);
}
