import { NEED_FUNNEL, NeedState } from '@app/domain';
import { NeedTimeline } from './needs.repository';

export interface FunnelStage {
  readonly state: NeedState;
  /** Needs that reached the stage (a delivered need counts in every stage before). */
  readonly count: number;
  /** Needs in the stage now: the funnel's counts tell how many got this far, these where they stand. */
  readonly current: number;
  /**
   * Mean days spent in the stage, to one decimal, until now for needs still in it. Null when no
   * need reached it, and for delivered, where a need's way ends.
   */
  readonly averageDays: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

function enteredAt(need: NeedTimeline, state: NeedState): Date | null {
  switch (state) {
    case NeedState.Open:
      return need.moderatedAt;
    case NeedState.Listed:
      return need.listedAt;
    case NeedState.Ordered:
      return need.orderedAt;
    case NeedState.Taken:
      return need.takenAt;
    case NeedState.Delivered:
      return need.deliveredAt;
    case NeedState.Pending:
    case NeedState.Refused:
      return null;
  }
}

/**
 * One community's funnel (collected → listed → ordered → taken → delivered): how many needs
 * reached each stage and how long they stayed, a need still in a stage counted until `now`.
 */
export function needsFunnel(needs: readonly NeedTimeline[], now: Date): FunnelStage[] {
  return NEED_FUNNEL.map((state, index) => {
    const next = NEED_FUNNEL[index + 1] as NeedState | undefined;
    const count = needs.filter((need) => enteredAt(need, state) !== null).length;
    const current = needs.filter((need) => need.state === state).length;
    if (!next) return { state, count, current, averageDays: null };
    const spans = needs.flatMap((need) => {
      const start = enteredAt(need, state);
      if (!start) return [];
      const end = enteredAt(need, next) ?? (need.state === state ? now : null);
      return end ? [end.getTime() - start.getTime()] : [];
    });
    if (spans.length === 0) return { state, count, current, averageDays: null };
    const tenths = Math.round((spans.reduce((a, b) => a + b, 0) / spans.length / DAY_MS) * 10);
    return { state, count, current, averageDays: `${Math.floor(tenths / 10)}.${tenths % 10}` };
  });
}
