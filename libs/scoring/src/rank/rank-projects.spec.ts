import { aggregateProjects, type AggregationInput, type AggregationPolicy } from '../aggregate';
import { ScoringErrorCode } from '../scoring.error';
import { rankProjects } from './rank-projects';
import { scoringErrorOf } from '../aggregate/aggregation.factory';

const RUBRIC = {
  criteria: [
    { key: 'partyBuilding', maxPoints: 30 },
    { key: 'design', maxPoints: 40 },
    { key: 'budget', maxPoints: 30 },
  ],
  markDecimals: 1,
} as const;

const POLICY: AggregationPolicy = {
  method: { kind: 'trimmed-mean', drop: 1, minRemaining: 3, whenTooFew: 'mean' },
  decimals: 2,
};

/** Marks per project as [partyBuilding, design, budget] for judges J1..J5. */
function competition(
  marks: Readonly<Record<string, readonly (readonly [number, number, number])[]>>,
): AggregationInput {
  const judges = ['J1', 'J2', 'J3', 'J4', 'J5'];
  return {
    rubric: RUBRIC,
    judges: judges.map((id, i) => ({ id, seat: i + 1 })),
    projects: Object.keys(marks).map((id) => ({ id })),
    sheets: Object.entries(marks).flatMap(([projectId, rows]) =>
      rows.map(([partyBuilding, design, budget], j) => ({
        projectId,
        judgeId: judges[j],
        marks: { partyBuilding, design, budget },
      })),
    ),
  };
}

describe('rankProjects', () => {
  // 佛山三水西南街道 2017 红色核动力: communities named after that year's winners, marks invented.
  const sanshui = competition({
    wudinggang: [
      [28, 36, 26],
      [27, 37, 25],
      [29, 35, 27],
      [26, 38, 24],
      [28, 36, 26],
    ],
    zhoubian: [
      [25, 36, 27],
      [26, 35, 27],
      [24, 37, 27],
      [27, 34, 27],
      [25, 36, 27],
    ],
    jianggen: [
      [27, 35, 26],
      [27, 35, 26],
      [27, 35, 26],
      [27, 35, 26],
      [27, 35, 26],
    ],
    yunxiu: [
      [20, 30, 20],
      [22, 31, 21],
      [21, 32, 19],
      [20, 30, 20],
      [30, 40, 30],
    ],
  });
  const aggregated = aggregateProjects(sanshui, POLICY).projects;

  it('ranks by the published 2-decimal score and shares the rank of an equal published score', () => {
    const ranked = rankProjects(aggregated, { tieBreaks: [{ kind: 'criterion', criterion: 'partyBuilding' }] });
    expect(ranked.map((r) => [r.id, r.display, r.rank])).toEqual([
      ['wudinggang', '89.67', 1],
      ['jianggen', '88.00', 2],
      ['zhoubian', '88.00', 2],
      ['yunxiu', '72.00', 4],
    ]);
  });

  it('breaks a tie on the published score by the mean 党建引领 mark when the rules say so', () => {
    const ranked = rankProjects(aggregated, { tieBreaks: [{ kind: 'criterion', criterion: 'partyBuilding' }] });
    // jianggen 27 on average against zhoubian 25.4
    expect(ranked[1]).toMatchObject({
      id: 'jianggen',
      decidedBy: { kind: 'tie-break', step: 1, key: 'criterion:partyBuilding' },
    });
  });

  it('breaks the same tie by the lower requested amount, then the earlier submission', () => {
    const ranked = rankProjects(aggregated, { tieBreaks: [{ kind: 'requested-amount' }, { kind: 'submitted-at' }] }, [
      { projectId: 'wudinggang', requestedAmountFen: 5_000_000, submittedAt: '2017-04-01T02:00:00Z' },
      { projectId: 'zhoubian', requestedAmountFen: 3_000_000, submittedAt: '2017-04-03T02:00:00Z' },
      { projectId: 'jianggen', requestedAmountFen: 3_000_000, submittedAt: '2017-04-02T02:00:00Z' },
      { projectId: 'yunxiu', requestedAmountFen: 1_000_000, submittedAt: '2017-04-01T02:00:00Z' },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['wudinggang', 'jianggen', 'zhoubian', 'yunxiu']);
    expect(ranked[1].decidedBy).toMatchObject({ kind: 'tie-break', key: 'submitted-at', step: 2 });
  });

  it('separates equal published scores by the unrounded score when listed first', () => {
    const close = aggregateProjects(
      competition({
        a: [
          [28, 30, 27],
          [28, 30, 27],
          [28, 30, 28],
          [28, 30, 27],
          [28, 30, 27],
        ],
        b: [
          [28, 30, 27],
          [28, 30, 27],
          [28, 30, 27],
          [28, 30, 27],
          [28, 30, 27],
        ],
      }),
      { ...POLICY, method: { kind: 'mean' }, decimals: 0 },
    ).projects;
    const ranked = rankProjects(close, { tieBreaks: [{ kind: 'exact-score' }] });
    expect(ranked.map((r) => [r.id, r.display, r.rank])).toEqual([
      ['a', '85', 1],
      ['b', '85', 1],
    ]);
    expect(ranked[0].decidedBy).toMatchObject({ kind: 'tie-break', key: 'exact-score' });
  });

  it('refuses a tie-break whose fact a project lacks, and an unknown criterion', () => {
    expect(scoringErrorOf(() => rankProjects(aggregated, { tieBreaks: [{ kind: 'requested-amount' }] }))).toMatchObject(
      { code: ScoringErrorCode.InvalidRanking },
    );
    expect(
      scoringErrorOf(() => rankProjects(aggregated, { tieBreaks: [{ kind: 'criterion', criterion: 'charisma' }] })),
    ).toMatchObject({ code: ScoringErrorCode.UnknownCriterion });
  });
});
