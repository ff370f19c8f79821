import { ScoringErrorCode } from '../scoring.error';
import { agreementCommand } from './agreement.command';
import { UsageError } from './command';
import { scoringErrorOf } from '../aggregate/aggregation.factory';

function run(args: string[], csv: string): Record<string, unknown> {
  return JSON.parse(agreementCommand({ args, stdin: () => csv, readFile: () => '' }).stdout) as Record<string, unknown>;
}

/** Shrout & Fleiss (1979) Table 1 in long form. */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
]
  .flatMap((row, i) => row.map((score, j) => `S${i + 1},J${j + 1},${score}`))
  .join('\n');

describe('agreement command', () => {
  it('prints all six ICC forms with the exact fractions Shrout & Fleiss published to 2 decimals', () => {
    const json = run(['--stat', 'icc'], `item,judge,score\n${SHROUT_FLEISS}\n`);
    const forms = json.forms as Record<string, { value: number; exact: string }>;
    expect(Object.keys(forms)).toEqual(['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)']);
    expect(Object.values(forms).map((f) => f.value.toFixed(2))).toEqual([
      '0.17',
      '0.29',
      '0.71',
      '0.44',
      '0.62',
      '0.91',
    ]);
    expect(forms['ICC(2,1)'].exact).toBe('184/635');
    expect(json).toMatchObject({ stat: 'icc', items: 6, judges: 4 });
  });

  it("prints Kendall's W, chi-square, df and p-value for Quandt's wine tasting", () => {
    const ranks: Record<string, number[]> = {
      Dick: [4, 3, 2, 7, 1, 6, 5],
      Orley: [4, 3, 1, 5, 6, 2, 7],
      John: [3, 4, 5, 7, 1, 6, 2],
      Bob: [1, 2, 5, 3, 4, 6, 7],
      Burt: [7, 3, 2, 5, 4, 1, 6],
    };
    const csv = Object.entries(ranks)
      .flatMap(([judge, row]) => row.map((rank, i) => `${'ABCDEFG'[i]},${judge},${rank}`))
      .join('\n');
    const json = run(['--stat', 'kendall-w'], `item,judge,score\n${csv}\n`);
    expect(json).toMatchObject({ stat: 'kendall-w', WExact: '83/350', df: 6, items: 7, judges: 5 });
    expect((json.W as number).toFixed(4)).toBe('0.2371');
    expect((json.pValue as number).toFixed(4)).toBe('0.3104');
  });

  it('names the missing cell when a judge did not score an item', () => {
    expect(scoringErrorOf(() => run(['--stat', 'icc'], 'item,judge,score\nA,j1,1\nA,j2,2\nB,j1,3\n'))).toMatchObject({
      code: ScoringErrorCode.MissingRating,
      message: expect.stringMatching(/"j2".*"B"/),
    });
  });

  it('refuses a missing or unknown statistic', () => {
    expect(() => run([], 'item,judge,score\n')).toThrow(UsageError);
    expect(() => run(['--stat', 'alpha'], 'item,judge,score\n')).toThrow(/unknown stat "alpha"/);
  });
});
