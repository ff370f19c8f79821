import { CompetitionRules } from '@app/domain';
import { RankDecision, RankKeyValue, Rational, TieBreak, rank } from '@app/scoring';
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

interface MappedTieBreak {
  readonly tieBreak: TieBreak;
  readonly value: (facts: LockedSlotFacts) => RankKeyValue | undefined;
}

/**
 * The rules' tie-break names as libs/scoring tie-breaks. A name this board does not know is left
 * out: the board ranking is provisional, and the official ranking run reports every tie-break.
 */
function mapTieBreak(name: string): MappedTieBreak | undefined {
  if (name === 'median') {
    return {
      tieBreak: { key: name, prefer: 'higher', label: { zh: '评委总分中位数高者优先', en: 'higher median of judges' } },
      value: (facts) => parseExact(facts.median),
    };
  }
  if (name === 'exact-score') {
    return {
      tieBreak: {
        key: name,
        prefer: 'higher',
        label: { zh: '未四舍五入的总分高者优先', en: 'higher unrounded score' },
      },
      value: (facts) => parseExact(facts.exact),
    };
  }
  if (name.startsWith('criterion:')) {
    const criterion = name.slice('criterion:'.length);
    return {
      tieBreak: {
        key: name,
        prefer: 'higher',
        label: { zh: `“${criterion}”项平均分高者优先`, en: `higher mean mark on "${criterion}"` },
      },
      value: (facts) => {
        const mean = facts.criterionMeans[criterion];
        return mean === undefined ? undefined : parseExact(mean);
      },
    };
  }
  if (name === 'lower-request') {
    return {
      tieBreak: { key: name, prefer: 'lower', label: { zh: '申请金额低者优先', en: 'lower requested amount' } },
      value: (facts) => facts.requestedFen,
    };
  }
  if (name === 'earlier-submission') {
    return {
      tieBreak: { key: name, prefer: 'lower', label: { zh: '提交时间早者优先', en: 'earlier submission' } },
      value: (facts) => facts.submittedAt,
    };
  }
  return undefined;
}

/**
 * Ranks the locked slots so far by announced score, then the rules' tie-breaks, then slot id, with
 * libs/scoring's rank(). Only locked slots take part: nothing unlocked is ever ranked or shown.
 */
export function runningRanking(rules: CompetitionRules, slots: readonly LockedSlotFacts[]): RunningRank[] {
  const mapped = rules.tieBreaks.map(mapTieBreak).filter((m): m is MappedTieBreak => m !== undefined);
  return rank(
    slots.map((facts) => ({
      id: facts.slotId,
      score: Rational.parse(facts.announcedScore),
      keys: Object.fromEntries(
        mapped.flatMap((m) => {
          const value = m.value(facts);
          return value === undefined ? [] : [[m.tieBreak.key, value]];
        }),
      ),
    })),
    { tieBreaks: mapped.map((m) => m.tieBreak) },
  ).map((entry) => ({ slotId: entry.id, position: entry.position, rank: entry.rank, decidedBy: entry.decidedBy }));
}
