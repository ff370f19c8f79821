import { NeedState } from '@app/domain';
import { needsFunnel } from './needs-funnel';
import { NeedTimeline } from './needs.repository';

const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n));

function need(state: NeedState, days: readonly number[]): NeedTimeline {
  const [moderated, listed, ordered, taken, delivered] = days.map(day);
  return {
    communityId: 'c',
    state,
    moderatedAt: moderated ?? null,
    listedAt: listed ?? null,
    orderedAt: ordered ?? null,
    takenAt: taken ?? null,
    deliveredAt: delivered ?? null,
  };
}

describe('the needs funnel', () => {
  it('counts a need in every stage it reached and averages the days spent in each', () => {
    const stages = needsFunnel(
      [need(NeedState.Delivered, [0, 2, 5, 6, 36]), need(NeedState.Listed, [0, 4]), need(NeedState.Open, [1])],
      day(10),
    );
    expect(stages).toEqual([
      // Open: 2 days, 4 days, and 9 days so far for the one still collected.
      { state: NeedState.Open, count: 3, current: 1, averageDays: '5.0' },
      // Listed: 3 days, and 6 days so far.
      { state: NeedState.Listed, count: 2, current: 1, averageDays: '4.5' },
      { state: NeedState.Ordered, count: 1, current: 0, averageDays: '1.0' },
      { state: NeedState.Taken, count: 1, current: 0, averageDays: '30.0' },
      { state: NeedState.Delivered, count: 1, current: 1, averageDays: null },
    ]);
  });

  it('says nothing about the days of a stage no need reached, nor of delivered, where the way ends', () => {
    expect(needsFunnel([], day(0)).map((s) => [s.count, s.current, s.averageDays])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });
});
