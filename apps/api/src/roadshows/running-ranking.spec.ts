import { COMPETITION_PRESETS } from '@app/domain';
import { LockedSlotFacts, runningRanking } from './running-ranking';

const rules = COMPETITION_PRESETS['party-building'];

function facts(
  slotId: string,
  announcedScore: string,
  median: string,
  requestedFen = 3_000_000,
  submittedAt = '2026-03-01T08:00:00Z',
): LockedSlotFacts {
  return {
    slotId,
    announcedScore,
    exact: announcedScore,
    median,
    criterionMeans: { need: '20', design: '20', feasibility: '15', participation: '10', sustainability: '10' },
    requestedFen,
    submittedAt: Date.parse(submittedAt),
  };
}

describe('running ranking of locked slots', () => {
  it('orders by announced score and says which tie-break separated equal scores', () => {
    const ranking = runningRanking(rules, [
      facts('slot-a', '85.00', '84'),
      facts('slot-b', '89.20', '89'),
      facts('slot-c', '85.00', '86'),
    ]);
    expect(ranking.map((r) => [r.slotId, r.rank, r.position])).toEqual([
      ['slot-b', 1, 1],
      ['slot-c', 2, 2],
      ['slot-a', 2, 3],
    ]);
    expect(ranking[0].decidedBy).toEqual({ kind: 'score' });
    expect(ranking[1].decidedBy).toMatchObject({ kind: 'tie-break', key: 'median' });
  });

  it('falls through to the lower request when score and every mark tie', () => {
    const ranking = runningRanking(rules, [facts('slot-a', '85.00', '85', 4_000_000), facts('slot-b', '85.00', '85')]);
    expect(ranking.map((r) => r.slotId)).toEqual(['slot-b', 'slot-a']);
    expect(ranking[0].decidedBy).toMatchObject({ kind: 'tie-break', key: 'lower-request' });
  });

  it('places the earlier submission first when score, median, every mark and the request tie', () => {
    const ranking = runningRanking(rules, [
      facts('slot-a', '85.00', '85', 3_000_000, '2026-03-02T09:30:00Z'),
      facts('slot-b', '85.00', '85', 3_000_000, '2026-03-01T16:45:00Z'),
    ]);
    expect(ranking.map((r) => [r.slotId, r.rank, r.position])).toEqual([
      ['slot-b', 1, 1],
      ['slot-a', 1, 2],
    ]);
    expect(ranking[0].decidedBy).toMatchObject({
      kind: 'tie-break',
      key: 'earlier-submission',
      label: { zh: '提交时间早者优先', en: 'earlier submission' },
    });
  });

  it('labels a criterion tie-break with the criterion as the office named it', () => {
    const ranking = runningRanking(rules, [
      { ...facts('slot-a', '85.00', '85'), criterionMeans: { need: '19' } },
      { ...facts('slot-b', '85.00', '85'), criterionMeans: { need: '21' } },
    ]);
    expect(ranking[0].slotId).toBe('slot-b');
    expect(ranking[0].decidedBy).toMatchObject({
      kind: 'tie-break',
      key: 'criterion:need',
      label: { zh: '“需求精准”项平均分高者优先', en: 'higher mean mark on "Need addressed"' },
    });
  });

  it('ranks nothing when nothing is locked', () => {
    expect(runningRanking(rules, [])).toEqual([]);
  });
});
