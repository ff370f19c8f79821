import { affiliationBias } from './affiliation-bias';
import type { Rating } from './ratings';

describe('affiliationBias', () => {
  // Three communities' judges score six projects; the 云秀 judge adds 2 points to 云秀 projects only.
  const judges = { J1: '云秀', J2: '桥头', J3: '沙头' };
  const items = { P1: '云秀', P2: '云秀', P3: '桥头', P4: '桥头', P5: '沙头', P6: '沙头' };
  const fair = { P1: 80, P2: 70, P3: 85, P4: 75, P5: 90, P6: 65 };
  const ratings: Rating[] = Object.entries(fair).flatMap(([item, score]) =>
    Object.keys(judges).map((judge) => ({
      item,
      judge,
      score: score + (judge === 'J1' && items[item as keyof typeof items] === '云秀' ? 2 : 0),
    })),
  );

  it('shows how much more a judge favours projects of their own community than the rest of the panel does', () => {
    const report = affiliationBias(ratings, { judges, items });
    const j1 = report.judges.find((j) => j.judgeId === 'J1');
    // +2 against others on own items, 0 elsewhere
    expect(j1).toMatchObject({ affiliation: '云秀', sameCount: 2, otherCount: 4 });
    expect(j1?.sameMeanOffset?.toDecimalString()).toBe('2');
    expect(j1?.bias?.toDecimalString()).toBe('2');
    // J1's boost lowers J2's offset on the two 云秀 items by 1 each, so a fair judge on a small
    // panel shows a spill-over of 0.5 — a quarter of the biased judge's 2.
    const j2 = report.judges.find((j) => j.judgeId === 'J2');
    expect(j2?.bias?.toDecimalString()).toBe('0.5');
  });

  it('reports a judge without an affiliation with no comparison', () => {
    const report = affiliationBias(ratings, { judges: { J1: '云秀' }, items });
    expect(report.judges.find((j) => j.judgeId === 'J3')).toMatchObject({
      affiliation: null,
      sameCount: 0,
      bias: null,
    });
  });
});
