import { ScoringErrorCode } from '../scoring.error';
import { aggregateMarks, type JudgeMark } from './aggregate-marks';
import type { CombineMethod } from './aggregation.types';
import { scoringErrorOf } from './aggregation.factory';

const DROP_ONE = { kind: 'trimmed-mean', drop: 1, minRemaining: 1, whenTooFew: 'error' } as const;

function marks(...scores: (number | string)[]): JudgeMark[] {
  return scores.map((score, i) => ({ judgeId: `J${i + 1}`, seat: i + 1, score }));
}

describe('aggregateMarks', () => {
  it('Hainan roadshow final: 5 judges, drop the highest and lowest and average the remaining 3 to 2 decimals', () => {
    const result = aggregateMarks(marks('86.5', '91', '78', '88.25', '90'), DROP_ONE);
    expect(result.value.toDecimalString(2)).toBe('88.25');
    expect(result.droppedHigh).toEqual(['J2']);
    expect(result.droppedLow).toEqual(['J3']);
  });

  it('keeps a repeating average exact until the one rounding (85 + 86 + 86 = 257/3 → 85.67)', () => {
    const result = aggregateMarks(marks(99, 85, 86, 86, 60), DROP_ONE);
    expect(result.value.toString()).toBe('257/3');
    expect(result.value.toDecimalString(2)).toBe('85.67');
  });

  it('adds 0.1-point marks without floating-point drift', () => {
    expect(aggregateMarks(marks(0.1, 0.2, 0.3), { kind: 'mean' }).value.toDecimalString()).toBe('0.2');
  });

  it('takes the mean of the middle two for an even median', () => {
    expect(aggregateMarks(marks(70, 90, 80, 60), { kind: 'median' }).value.toDecimalString()).toBe('75');
    expect(aggregateMarks(marks(70, 90, 80), { kind: 'median' }).value.toDecimalString()).toBe('80');
  });

  it('drops only one of several judges sharing the top mark: the latest seat', () => {
    const result = aggregateMarks(marks(25, 24, 25, 23, 25, 25), DROP_ONE);
    expect(result.value.toDecimalString(2)).toBe('24.75');
    expect(result.droppedHigh).toEqual(['J6']);
    expect(result.droppedLow).toEqual(['J4']);
  });

  it('drops only one of several judges sharing the bottom mark: the earliest seat', () => {
    const result = aggregateMarks(marks(93, 94, 93, 94, 93, 94), DROP_ONE);
    expect(result.droppedLow).toEqual(['J1']);
    expect(result.droppedHigh).toEqual(['J6']);
  });

  it('orders judges without seats by id when choosing among equal extremes', () => {
    const result = aggregateMarks(
      [
        { judgeId: 'b', score: 9 },
        { judgeId: 'a', score: 9 },
        { judgeId: 'c', score: 5 },
      ],
      DROP_ONE,
    );
    expect(result.droppedHigh).toEqual(['b']);
  });

  it('drops k = 2 at each end with 9 judges', () => {
    const result = aggregateMarks(marks(1, 2, 3, 4, 5, 6, 7, 8, 9), { ...DROP_ONE, drop: 2 });
    expect(result.value.toDecimalString()).toBe('5');
    expect(result.droppedLow).toEqual(['J1', 'J2']);
    expect(result.droppedHigh).toEqual(['J9', 'J8']);
  });

  it('falls back to the plain mean, and says so, when too few judges remain to trim', () => {
    const method: CombineMethod = { kind: 'trimmed-mean', drop: 1, minRemaining: 3, whenTooFew: 'mean' };
    const result = aggregateMarks(marks(80, 90, 70, 60), method);
    expect(result.value.toDecimalString()).toBe('75');
    expect(result.method).toBe('mean');
    expect(result.fellBackToMean).toBe(true);
    expect(result.droppedLow).toEqual([]);
  });

  it('refuses to trim when the policy says too few judges is an error', () => {
    const method: CombineMethod = { kind: 'trimmed-mean', drop: 1, minRemaining: 3, whenTooFew: 'error' };
    expect(scoringErrorOf(() => aggregateMarks(marks(80, 90, 70, 60), method))).toMatchObject({
      code: ScoringErrorCode.NotEnoughJudges,
    });
  });

  it('refuses a judge who scored twice, a malformed score and an empty panel', () => {
    expect(
      scoringErrorOf(() => aggregateMarks([...marks(8), { judgeId: 'J1', score: 9 }], { kind: 'mean' })),
    ).toMatchObject({ code: ScoringErrorCode.DuplicateId });
    expect(scoringErrorOf(() => aggregateMarks(marks('8,5'), { kind: 'mean' }))).toMatchObject({
      code: ScoringErrorCode.InvalidNumber,
      field: 'marks.0.score',
    });
    expect(scoringErrorOf(() => aggregateMarks([], { kind: 'mean' }))).toMatchObject({
      code: ScoringErrorCode.NotEnoughJudges,
    });
  });

  it('refuses a trimming policy that cannot be applied', () => {
    expect(scoringErrorOf(() => aggregateMarks(marks(1, 2, 3), { ...DROP_ONE, drop: -1 }))).toMatchObject({
      code: ScoringErrorCode.InvalidPolicy,
      field: 'method.drop',
    });
    expect(scoringErrorOf(() => aggregateMarks(marks(1, 2, 3), { ...DROP_ONE, minRemaining: 0 }))).toMatchObject({
      code: ScoringErrorCode.InvalidPolicy,
      field: 'method.minRemaining',
    });
  });
});
