import { errorOf } from '../allocate/allocation.factory';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScoringErrorCode } from '../scoring.error';
import { parsePabulib } from './pabulib-parser';
import { selectPabulib } from './pabulib-rules';

const FIXTURES = resolve(__dirname, '../../fixtures/pabulib');

interface Expected {
  readonly rule: string;
  readonly official_selected_ids: readonly string[];
  readonly official_selected_cost: string;
}

function load(file: string): { text: string; expected: Expected } {
  return {
    text: readFileSync(resolve(FIXTURES, file), 'utf8'),
    expected: JSON.parse(readFileSync(resolve(FIXTURES, file.replace(/\.pb$/, '.expected.json')), 'utf8')) as Expected,
  };
}

const INDEX = readFileSync(resolve(FIXTURES, 'INDEX.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, rule] = line.split(',');
    return { file, rule };
  });

const GREEDY_FILES = INDEX.filter(({ rule }) => rule.startsWith('greedy')).map(({ file, rule }) => [file, rule]);
const MES_FILES = INDEX.filter(({ rule }) => rule.startsWith('equalshares')).map(({ file }) => [file]);

describe('Pabulib fixtures: official selections reproduced', () => {
  it('covers the seven greedy-family and three equal-shares elections of INDEX.csv', () => {
    expect([GREEDY_FILES.length, MES_FILES.length]).toEqual([7, 3]);
  });

  it.each(GREEDY_FILES)('%s (%s): same projects, same order, same cost', (file) => {
    const { text, expected } = load(file);
    const selection = selectPabulib(parsePabulib(text));
    expect(selection.selected).toEqual(expected.official_selected_ids);
    expect(selection.cost.toDecimalString()).toBe(expected.official_selected_cost);
  });

  it.each(MES_FILES)('%s: Method of Equal Shares with add1 selects the official set', (file) => {
    const { text, expected } = load(file);
    const selection = selectPabulib(parsePabulib(text), 'equalshares/add1');
    expect([...selection.selected].sort()).toEqual([...expected.official_selected_ids].sort());
    expect(selection.cost.toDecimalString()).toBe(expected.official_selected_cost);
  });

  it('Kostuchna: the threshold of 50 points is what keeps L21/05/IX out', () => {
    const election = parsePabulib(load('Poland_Katowice_2022_Kostuchna.pb').text);
    expect(selectPabulib(election).selected).not.toContain('L21/05/IX');
    expect(selectPabulib({ ...election, minProjectScoreThreshold: undefined }).selected).toContain('L21/05/IX');
  });

  it('Gdynia: no-skip stops where greedy with skip would fund project 1', () => {
    const election = parsePabulib(load('Poland_Gdynia_2020_Dabrowa__small.pb').text);
    expect(selectPabulib(election, 'greedy-no-skip').selected).not.toContain('1');
    expect(selectPabulib(election, 'greedy').selected).toContain('1');
  });

  it('refuses a rule it does not implement rather than guess (Wieliczka’s add1-comparison)', () => {
    const election = parsePabulib(load('Poland_Wieliczka_2023_Green_Budget.pb').text);
    expect(errorOf(() => selectPabulib(election))).toMatchObject({
      code: ScoringErrorCode.InvalidPolicy,
      field: 'meta.rule',
    });
  });
});
