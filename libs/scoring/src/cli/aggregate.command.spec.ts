import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { aggregateCommand } from './aggregate.command';
import { UsageError } from './command';
import { scoringErrorOf } from '../aggregate/aggregation.factory';

function run(args: string[], csv: string): string {
  return aggregateCommand({ args, stdin: () => csv, readFile: () => '' }).stdout;
}

const HALFPIPE = `item,judge,score
Scotty JAMES run 1,SLO,50
Scotty JAMES run 1,GBR,45
Scotty JAMES run 1,SWE,50
Scotty JAMES run 1,SUI,46
Scotty JAMES run 1,FRA,49
Scotty JAMES run 1,JPN,50
Chaeun LEE run 1,SLO,25
Chaeun LEE run 1,GBR,24
Chaeun LEE run 1,SWE,25
Chaeun LEE run 1,SUI,23
Chaeun LEE run 1,FRA,25
Chaeun LEE run 1,JPN,25
`;

describe('aggregate command', () => {
  it('drops the highest and lowest by default and prints the official halfpipe scores to 2 decimals', () => {
    expect(run(['--method', 'trimmed', '--decimals', '2'], HALFPIPE)).toBe(
      'item,score\nScotty JAMES run 1,48.75\nChaeun LEE run 1,24.75\n',
    );
  });

  it('prints exact decimals without --decimals, items in first-seen order', () => {
    const csv = 'item,judge,score\nB,j1,8\nB,j2,9\nA,j1,7.25\nA,j2,7.5\nA,j3,7\n';
    expect(run(['--method', 'mean'], csv)).toBe('item,score\nB,8.5\nA,7.25\n');
    expect(run(['--method=median'], csv)).toBe('item,score\nB,8.5\nA,7.25\n');
  });

  it('rounds a repeating mean half-up to 6 places when no decimals are stated', () => {
    expect(run(['--method', 'mean'], 'item,judge,score\nA,j1,8\nA,j2,8\nA,j3,9\n')).toBe('item,score\nA,8.333333\n');
  });

  it('drops K from each end with --drop K', () => {
    const csv = 'item,judge,score\n' + [1, 2, 3, 4, 5, 6, 100].map((s, i) => `A,j${i},${s}`).join('\n');
    expect(run(['--method', 'trimmed', '--drop', '2'], csv)).toBe('item,score\nA,4\n');
  });

  it('quotes item names that contain commas', () => {
    expect(run(['--method', 'mean'], 'item,judge,score\n"红色,核动力",j1,9\n')).toBe('item,score\n"红色,核动力",9\n');
  });

  it('refuses unknown options, a missing method and --drop without trimming', () => {
    expect(() => run(['--method', 'mean', '--verbose', 'x'], HALFPIPE)).toThrow(UsageError);
    expect(() => run([], HALFPIPE)).toThrow(UsageError);
    expect(() => run(['--method', 'mode'], HALFPIPE)).toThrow(/unknown method "mode"/);
    expect(() => run(['--method', 'mean', '--drop', '1'], HALFPIPE)).toThrow(/--drop applies only/);
    expect(() => run(['--method', 'trimmed', '--drop', 'one'], HALFPIPE)).toThrow(/whole number/);
    expect(() => run(['--method', 'trimmed', '--decimals'], HALFPIPE)).toThrow(/needs a value/);
  });

  it('names the problem in bad input: missing header, non-numeric score, too few scores to trim', () => {
    expect(scoringErrorOf(() => run(['--method', 'mean'], 'A,j1,8\n'))).toMatchObject({
      code: ScoringErrorCode.InvalidInput,
      message: expect.stringMatching(/header/),
    });
    expect(scoringErrorOf(() => run(['--method', 'mean'], 'item,judge,score\nA,j1,8.5.1\n'))).toMatchObject({
      code: ScoringErrorCode.InvalidNumber,
      field: 'line 2',
    });
    expect(scoringErrorOf(() => run(['--method', 'trimmed'], 'item,judge,score\nA,j1,8\nA,j2,9\n'))).toMatchObject({
      code: ScoringErrorCode.NotEnoughJudges,
      message: expect.stringMatching(/^item "A"/),
    });
    expect(() => run(['--method', 'mean'], 'item,judge,score\nA,j1,8\nA,j1,9\n')).toThrow(ScoringError);
  });
});
