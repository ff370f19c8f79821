import type { ProjectAggregate } from '../aggregate';
import { Rational } from '../rational';
import { namedTieBreakLabel } from '../rules/tie-breaks';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { checkEntries, checkTieBreaks, orderEntries } from './rank';
import type { RankedEntry, RankKeyValue, TieBreak } from './rank.types';

/** Tie-breaks a grants office states in its rules, applied in the order listed. */
export type ProjectTieBreak =
  /** Higher unrounded final score (the published score hides the difference). */
  | { readonly kind: 'exact-score' }
  /** Higher median of the non-recused judges' totals. */
  | { readonly kind: 'median' }
  /** Higher mean mark on one rubric criterion over non-recused judges (dropped ones included). */
  | { readonly kind: 'criterion'; readonly criterion: string }
  /** Lower requested amount (fen). */
  | { readonly kind: 'requested-amount' }
  /** Earlier submission time: epoch milliseconds, or ISO-8601 UTC text in one fixed format. */
  | { readonly kind: 'submitted-at' }
  /** Any other fact passed in as data. */
  | { readonly kind: 'fact'; readonly key: string; readonly prefer: 'higher' | 'lower' };

export interface ProjectRankingPolicy {
  readonly tieBreaks: readonly ProjectTieBreak[];
}

/** Facts about a project that are not scores: what it asked for and when it was submitted. */
export interface ProjectFacts {
  readonly projectId: string;
  readonly requestedAmountFen?: number | bigint;
  readonly submittedAt?: number | string;
  readonly values?: Readonly<Record<string, RankKeyValue>>;
}

export interface ProjectRanking extends RankedEntry {
  /** The published score text the rank is based on, e.g. "86.50". */
  readonly display: string;
}

function tieBreakOf(tieBreak: ProjectTieBreak): TieBreak {
  switch (tieBreak.kind) {
    case 'exact-score':
      return { key: 'exact-score', prefer: 'higher', label: namedTieBreakLabel('exact-score') };
    case 'median':
      return { key: 'median', prefer: 'higher', label: namedTieBreakLabel('median') };
    case 'criterion':
      return {
        key: `criterion:${tieBreak.criterion}`,
        prefer: 'higher',
        label: { zh: `“${tieBreak.criterion}”项得分高者优先`, en: `higher mark on "${tieBreak.criterion}"` },
      };
    case 'requested-amount':
      return { key: 'requested-amount', prefer: 'lower', label: namedTieBreakLabel('requested-amount') };
    case 'submitted-at':
      return { key: 'submitted-at', prefer: 'lower', label: namedTieBreakLabel('submitted-at') };
    case 'fact':
      return { key: `fact:${tieBreak.key}`, prefer: tieBreak.prefer };
  }
}

function valueOf(
  tieBreak: ProjectTieBreak,
  aggregate: ProjectAggregate,
  facts: ProjectFacts | undefined,
  step: number,
): RankKeyValue | undefined {
  switch (tieBreak.kind) {
    case 'exact-score':
      return aggregate.exact;
    case 'median':
      return aggregate.median;
    case 'criterion': {
      const c = aggregate.criterionKeys.indexOf(tieBreak.criterion);
      if (c < 0) {
        throw new ScoringError(
          ScoringErrorCode.UnknownCriterion,
          `"${tieBreak.criterion}" is not a criterion`,
          `tieBreaks.${step}.criterion`,
        );
      }
      return Rational.from(aggregate.criterionSums[c]).div(Rational.of(aggregate.judgeCount));
    }
    case 'requested-amount':
      return facts?.requestedAmountFen;
    case 'submitted-at':
      return facts?.submittedAt;
    case 'fact':
      return facts?.values?.[tieBreak.key];
  }
}

/**
 * Ranks aggregated projects by their published (rounded) score, then the stated tie-breaks, then
 * project id.
 * Invariants: those of {@link rank}; a project whose published score is higher is always placed
 * above; projects with the same published score share a display rank; a tie-break that needs a
 * fact a project lacks is an error, not a silent default.
 */
export function rankProjects(
  aggregates: readonly ProjectAggregate[],
  policy: ProjectRankingPolicy,
  facts: readonly ProjectFacts[] = [],
): ProjectRanking[] {
  const factsById = new Map<string, ProjectFacts>();
  facts.forEach((fact, i) => {
    if (factsById.has(fact.projectId)) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `facts for "${fact.projectId}" given twice`,
        `facts.${i}.projectId`,
      );
    }
    factsById.set(fact.projectId, fact);
  });
  const tieBreaks = policy.tieBreaks.map(tieBreakOf);
  checkTieBreaks(tieBreaks);
  const ids = aggregates.map((aggregate) => aggregate.projectId);
  const scores = aggregates.map((aggregate) => aggregate.rounded);
  const count = policy.tieBreaks.length;
  const values: (RankKeyValue | undefined)[][] = new Array<(RankKeyValue | undefined)[]>(aggregates.length);
  for (let i = 0; i < aggregates.length; i += 1) {
    const aggregate = aggregates[i];
    const projectFacts = factsById.size === 0 ? undefined : factsById.get(aggregate.projectId);
    const row = new Array<RankKeyValue | undefined>(count);
    for (let t = 0; t < count; t += 1) row[t] = valueOf(policy.tieBreaks[t], aggregate, projectFacts, t);
    values[i] = row;
  }
  const engineMade = policy.tieBreaks.map(
    (tieBreak) => tieBreak.kind === 'exact-score' || tieBreak.kind === 'median' || tieBreak.kind === 'criterion',
  );
  checkEntries(
    ids,
    scores,
    values,
    tieBreaks,
    (i, key) => (key === undefined || key === 'score' ? `aggregates.${i}` : `facts[${ids[i]}].${key}`),
    engineMade,
  );
  return orderEntries(ids, scores, values, tieBreaks, (i, position, rank, decidedBy) => ({
    id: ids[i],
    position,
    rank,
    score: scores[i],
    decidedBy,
    display: aggregates[i].display,
  }));
}
