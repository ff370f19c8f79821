import { CompetitionRules } from '@app/domain';
import { RankDecision, RankKeyValue, Rational, ResolvedTieBreak, rank, resolveTieBreak } from '@app/scoring';
import { parseExact } from './announced-score';

export interface LockedSlotFacts {
  readonly slotId: string;
  readonly announcedScore: string;
  readonly exact: string;
  readonly median: string;
  readonly criterionMeans: Readonly<Record<string, string>>;
  readonly requestedFen: number;
  /** Epoch milliseconds. */
  readonly submittedAt: number;
}

export interface RunningRank {
  readonly slotId: string;
  readonly position: number;
  readonly rank: number;
  readonly decidedBy: RankDecision;
}

/** What the locked slot's announcement says for one of the rules' tie-breaks. */
function valueOf({ tieBreak }: ResolvedTieBreak, facts: LockedSlotFacts): RankKeyValue | undefined {
  switch (tieBreak.kind) {
    case 'median':
      return parseExact(facts.median);
    case 'exact-score':
      return parseExact(facts.exact);
    case 'criterion': {
      const mean = facts.criterionMeans[tieBreak.criterion];
      return mean === undefined ? undefined : parseExact(mean);
    }
    case 'requested-amount':
      return facts.requestedFen;
    case 'submitted-at':
      return facts.submittedAt;
    case 'fact':
      return undefined;
  }
}

/**
 * Ranks the locked slots so far by announced score, then the rules' tie-breaks (read by the same
 * resolver as every ranking run), then slot id, with libs/scoring's rank(). Only locked slots take
 * part: nothing unlocked is ever ranked or shown.
 */
export function runningRanking(rules: CompetitionRules, slots: readonly LockedSlotFacts[]): RunningRank[] {
  const tieBreaks = rules.tieBreaks.map((name, i) => resolveTieBreak(name, rules.rubric, `tieBreaks.${i}`));
  return rank(
    slots.map((facts) => ({
      id: facts.slotId,
      score: Rational.parse(facts.announcedScore),
      keys: Object.fromEntries(
        tieBreaks.flatMap((resolved) => {
          const value = valueOf(resolved, facts);
          return value === undefined ? [] : [[resolved.name, value]];
        }),
      ),
    })),
    { tieBreaks: tieBreaks.map(({ name, prefer, label }) => ({ key: name, prefer, label })) },
  ).map((entry) => ({ slotId: entry.id, position: entry.position, rank: entry.rank, decidedBy: entry.decidedBy }));
}
