import { errorOf } from '../allocate/allocation.factory';
import { ScoringErrorCode } from '../scoring.error';
import { parsePabulib } from './pabulib-parser';
import { selectPabulib } from './pabulib-rules';

const SMALL = [
  'META',
  'key;value',
  'budget;100',
  'vote_type;cumulative',
  'rule;greedy',
  'PROJECTS',
  'project_id;cost;votes;name',
  'a;60;2;"Park; phase ""one"""',
  'b;50.5;1;Library',
  'VOTES',
  'voter_id;vote;points',
  'v1;a,b;2,1',
  'v2;a;3',
  '',
].join('\r\n');

describe('parsePabulib', () => {
  it('reads META, PROJECTS and VOTES with quoted cells, CRLF and decimal costs', () => {
    const election = parsePabulib(`\ufeff${SMALL}`);
    expect(election.budget.toDecimalString()).toBe('100');
    expect(election.rule).toBe('greedy');
    expect(election.projects.map((p) => [p.id, p.cost.toDecimalString(), p.votes])).toEqual([
      ['a', '60', 2n],
      ['b', '50.5', 1n],
    ]);
    expect(election.projects[0].fields.get('name')).toBe('Park; phase "one"');
    expect(election.ballots).toEqual([
      { voterId: 'v1', projectIds: ['a', 'b'], points: [2n, 1n] },
      { voterId: 'v2', projectIds: ['a'], points: [3n] },
    ]);
  });

  it('counts points from VOTES when PROJECTS has no score column', () => {
    expect(parsePabulib(SMALL).projects.map((p) => p.score)).toEqual([5n, 1n]);
  });

  it.each([
    ['a missing section', SMALL.replace(/VOTES[\s\S]*$/, ''), 'votes'],
    ['a ballot naming an unknown project', SMALL.replace('v2;a;3', 'v2;zz;3'), 'votes.1.vote'],
    ['a negative cost', SMALL.replace('b;50.5;', 'b;-5;'), 'projects.1.cost'],
    ['a row with too few cells', SMALL.replace('b;50.5;1;Library', 'b;50.5'), 'projects.1'],
    ['points that do not match the ballot', SMALL.replace('v1;a,b;2,1', 'v1;a,b;2'), 'votes.0.points'],
    ['no budget in META', SMALL.replace('budget;100\r\n', ''), 'meta.budget'],
    ['text before META', `hello\r\n${SMALL}`, 'line.1'],
  ])('refuses %s, naming where', (_label, text, field) => {
    expect(errorOf(() => parsePabulib(text))).toMatchObject({ field });
  });

  it('refuses a project listed twice', () => {
    expect(errorOf(() => parsePabulib(SMALL.replace('b;50.5;1;Library', 'a;50.5;1;Library')))).toMatchObject({
      code: ScoringErrorCode.DuplicateId,
      field: 'projects.1.project_id',
    });
  });

  it('Method of Equal Shares funds everything when every supported project fits the budget', () => {
    const election = parsePabulib(
      SMALL.replace('vote_type;cumulative', 'vote_type;approval')
        .replace('budget;100', 'budget;200')
        .replace(/;points|;2,1|;3/g, ''),
    );
    expect(selectPabulib(election, 'equalshares/add1').selected).toEqual(['a', 'b']);
  });

  it('refuses the Method of Equal Shares on points ballots', () => {
    expect(errorOf(() => selectPabulib(parsePabulib(SMALL), 'equalshares/add1'))).toMatchObject({
      field: 'meta.vote_type',
    });
  });
});
