import { Rational } from '../rational';
import { affiliationBiasStatistics, type CountedTotal } from './judge-statistics';

/** Judge A lives in 洲边; the others do not say. A gives 洲边's project 10 more than the others do, and agrees elsewhere. */
const TOTALS: CountedTotal[] = [
  ['x', 'A', 90],
  ['x', 'B', 80],
  ['x', 'C', 80],
  ['y', 'A', 70],
  ['y', 'B', 70],
  ['y', 'C', 70],
  ['z', 'A', 60],
  ['z', 'B', 61],
  ['z', 'C', 59],
].map(([projectId, judgeId, total]) => ({
  projectId: projectId as string,
  judgeId: judgeId as string,
  total: Rational.of(total as number),
}));
const PROJECTS = { x: '洲边', y: '江根', z: '云秀' };

describe('affiliationBiasStatistics', () => {
  it('measures how much more a judge gives their own community, and flags it past the threshold', () => {
    const statistics = affiliationBiasStatistics(TOTALS, ['A', 'B', 'C'], { A: '洲边' }, PROJECTS, '5');
    expect(statistics).toMatchObject({
      threshold: '5',
      flaggedCount: 1,
      judges: [
        {
          judgeId: 'A',
          affiliation: '洲边',
          sameCount: 1,
          otherCount: 2,
          sameMeanOffset: '10.000000',
          otherMeanOffset: '0.000000',
          bias: '10.000000',
          flagged: true,
        },
      ],
    });
  });

  it('flags only a bias above the threshold, and nobody when the rules set none', () => {
    expect(affiliationBiasStatistics(TOTALS, ['A', 'B', 'C'], { A: '洲边' }, PROJECTS, '10').flaggedCount).toBe(0);
    const unset = affiliationBiasStatistics(TOTALS, ['A', 'B', 'C'], { A: '洲边' }, PROJECTS, undefined);
    expect(unset).toMatchObject({ threshold: null, flaggedCount: 0, judges: [{ bias: '10.000000', flagged: false }] });
  });
});
