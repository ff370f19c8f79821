import { DomainError, XINDIAN_MONTHLY_CHECKS } from '@app/domain';
import { CheckMark, MonthScore, exitWatch, scoreCheck } from './monthly-checks';

const RULE = XINDIAN_MONTHLY_CHECKS.exit;
const scores = (...pairs: [string, number][]): MonthScore[] => pairs.map(([month, score]) => ({ month, score }));
const marks = (plan: number, summary: number, presence: number, upkeep: number): CheckMark[] => [
  { key: 'upkeep', points: upkeep },
  { key: 'plan', points: plan },
  { key: 'summary', points: summary },
  { key: 'presence', points: presence },
];

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('monthly checks (辛店 月度考核)', () => {
  it('adds the checklist’s marks in its order, half points exact', () => {
    expect(scoreCheck(XINDIAN_MONTHLY_CHECKS.checklist, marks(2, 1.5, 2.5, 0))).toEqual({
      items: [
        { key: 'plan', points: 2 },
        { key: 'summary', points: 1.5 },
        { key: 'presence', points: 2.5 },
        { key: 'upkeep', points: 0 },
      ],
      score: 6,
    });
  });

  it('refuses a mark above the item’s points, negative or finer than half a point, naming the item', () => {
    for (const bad of [marks(2, 2, 3.5, 3), marks(2, 2, -1, 3), marks(2, 2, 2.25, 3)]) {
      const error = refusal(() => scoreCheck(XINDIAN_MONTHLY_CHECKS.checklist, bad));
      expect(error).toMatchObject({ reason: 'CHECK_POINTS_OUT_OF_RANGE', field: 'items.3.points' });
      expect(error.messageZh).toContain('人员在岗');
    }
  });

  it('refuses marks that miss, repeat or add an item', () => {
    const missing = marks(2, 2, 3, 3).slice(1);
    const repeated = [...missing.slice(0, 3), { key: 'plan', points: 1 }, { key: 'plan', points: 1 }];
    const extra = [...marks(2, 2, 3, 3), { key: 'party', points: 1 }];
    for (const bad of [missing, repeated, extra]) {
      expect(refusal(() => scoreCheck(XINDIAN_MONTHLY_CHECKS.checklist, bad))).toMatchObject({
        reason: 'CHECK_ITEMS_MISMATCH',
        field: 'items',
      });
    }
  });

  it('proposes exit on the third month in a row below 6, and warns after the first and the second', () => {
    expect(exitWatch(scores(['2027-03', 5.5]), RULE)).toEqual({ monthsBelow: scores(['2027-03', 5.5]), exit: false });
    expect(exitWatch(scores(['2027-03', 5.5], ['2027-04', 5]), RULE).exit).toBe(false);
    expect(exitWatch(scores(['2027-05', 4], ['2027-03', 5.5], ['2027-04', 5]), RULE)).toEqual({
      monthsBelow: scores(['2027-03', 5.5], ['2027-04', 5], ['2027-05', 4]),
      exit: true,
    });
  });

  it('a score of exactly 6 is not below the line and ends the run', () => {
    expect(exitWatch(scores(['2027-03', 5], ['2027-04', 6], ['2027-05', 5.5]), RULE)).toEqual({
      monthsBelow: scores(['2027-05', 5.5]),
      exit: false,
    });
  });

  it('a month without a check ends the run: three low months must be calendar months in a row', () => {
    expect(exitWatch(scores(['2027-01', 5], ['2027-02', 5], ['2027-04', 5]), RULE).monthsBelow).toEqual(
      scores(['2027-04', 5]),
    );
    expect(exitWatch(scores(['2027-11', 5], ['2027-12', 5], ['2028-01', 5]), RULE).exit).toBe(true);
  });

  it('the latest month at or above the line clears the warning', () => {
    expect(exitWatch(scores(['2027-03', 5], ['2027-04', 5], ['2027-05', 8]), RULE)).toEqual({
      monthsBelow: [],
      exit: false,
    });
  });

  it('the rule’s line and length are data', () => {
    const strict = { below: 7, consecutive: 2 };
    expect(exitWatch(scores(['2027-03', 6.5], ['2027-04', 6]), strict).exit).toBe(true);
  });
});
