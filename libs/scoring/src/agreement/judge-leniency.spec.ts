import type { Rating } from './ratings';
import { judgeLeniency } from './judge-leniency';

/** Six judges score eight projects; J6 adds about 6 points to everything. */
function panel(): Rating[] {
  const base = [70, 75, 80, 82, 85, 88, 90, 93];
  const noise = [0, 1, -1, 0.5, -0.5, 1, 0, -1];
  return base.flatMap((score, i) =>
    ['J1', 'J2', 'J3', 'J4', 'J5', 'J6'].map((judge, j) => ({
      item: `P${i}`,
      judge,
      score: String(score + noise[(i + j) % noise.length] + (judge === 'J6' ? 6 : 0)),
    })),
  );
}

describe('judgeLeniency', () => {
  it('measures how far each judge sits above the others and flags the generous one (modified z > 3.5)', () => {
    const report = judgeLeniency(panel());
    const j6 = report.judges.find((j) => j.judgeId === 'J6');
    expect(j6?.itemCount).toBe(8);
    expect(j6?.meanOffset?.toDecimalString()).toBe('6');
    expect(report.judges.filter((j) => j.outlier).map((j) => j.judgeId)).toEqual(['J6']);
  });

  it('flags by a stated absolute limit in points instead', () => {
    const report = judgeLeniency(panel(), { kind: 'absolute-offset', limit: '8' });
    expect(report.judges.filter((j) => j.outlier)).toEqual([]);
    const strict = judgeLeniency(panel(), { kind: 'absolute-offset', limit: '5' });
    expect(strict.judges.filter((j) => j.outlier).map((j) => j.judgeId)).toEqual(['J6']);
  });

  it('flags nobody when every judge agrees exactly', () => {
    const same = ['A', 'B'].flatMap((item) => ['J1', 'J2', 'J3'].map((judge) => ({ item, judge, score: 80 })));
    const report = judgeLeniency(same);
    expect(report.judges.every((j) => !j.outlier && j.meanOffset?.isZero())).toBe(true);
  });

  it('gives a judge with no shared item no offset and no flag', () => {
    const report = judgeLeniency([...panel(), { item: 'solo', judge: 'J7', score: 10 }]);
    expect(report.judges.find((j) => j.judgeId === 'J7')).toMatchObject({
      itemCount: 0,
      meanOffset: null,
      outlier: false,
    });
  });
});
