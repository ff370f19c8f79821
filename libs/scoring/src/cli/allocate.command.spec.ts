import { errorOf } from '../allocate/allocation.factory';
import { ScoringErrorCode } from '../scoring.error';
import { allocateCommand } from './allocate.command';
import { UsageError } from './command';

function run(request: unknown, args: string[] = []): ReturnType<typeof allocateCommand> {
  const stdin = typeof request === 'string' ? request : JSON.stringify(request);
  return allocateCommand({ args, stdin: () => stdin, readFile: () => '' });
}

const zibo = {
  pool: 5_000_000,
  policy: { rule: 'tiers', passScore: '60', tiers: { by: 'rank', bands: [{ from: 1, to: 2, amount: 5_000_000 / 2 }] } },
  projects: [
    { id: '辛店-1', score: '91.25', requested: 2_500_000, organization: '红色单元' },
    { id: '辛店-2', score: '88', requested: 3_000_000 },
    { id: '辛店-3', score: '59.5', requested: 1_000_000 },
  ],
};

describe('allocate command', () => {
  it('prints totals and one allocation per project in rank order, fen as integers', () => {
    const output = run(zibo);
    expect(output.exitCode).toBe(0);
    const result = JSON.parse(output.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ rule: 'tiers', pool: 5_000_000, total: 5_000_000, remainder: 0 });
    expect(result.allocations).toEqual([
      {
        id: '辛店-1',
        rank: 1,
        score: '91.25',
        requested: 2_500_000,
        cap: 2_500_000,
        amount: 2_500_000,
        status: 'funded',
        reason: 'funded-in-full',
        reserved: false,
      },
      {
        id: '辛店-2',
        rank: 2,
        score: '88',
        requested: 3_000_000,
        cap: 3_000_000,
        amount: 2_500_000,
        status: 'partly-funded',
        reason: 'tier-amount',
        reserved: false,
      },
      {
        id: '辛店-3',
        rank: 3,
        score: '59.5',
        requested: 1_000_000,
        cap: 1_000_000,
        amount: 0,
        status: 'not-funded',
        reason: 'below-threshold',
        reserved: false,
      },
    ]);
  });

  it('prints the same bytes for the same request', () => {
    expect(run(zibo).stdout).toBe(run(zibo).stdout);
  });

  it('follows a rank order given in the request', () => {
    const result = JSON.parse(run({ ...zibo, rankOrder: ['辛店-2', '辛店-1', '辛店-3'] }).stdout) as {
      allocations: { id: string }[];
    };
    expect(result.allocations.map((a) => a.id)).toEqual(['辛店-2', '辛店-1', '辛店-3']);
  });

  it.each([
    ['a score given as a number', { ...zibo, projects: [{ id: 'a', score: 84.5, requested: 1 }] }, 'projects.0.score'],
    [
      'a fractional fen amount',
      { ...zibo, projects: [{ id: 'a', score: '84', requested: 10.5 }] },
      'projects.0.requested',
    ],
    ['an amount beyond 2^53', { ...zibo, pool: 2 ** 53 }, 'pool'],
    ['a misspelt policy field', { ...zibo, policy: { rule: 'greedy', maxgrant: 5 } }, 'policy.maxgrant'],
    [
      'an unknown project field',
      { ...zibo, projects: [{ id: 'a', score: '1', requested: 1, amount: 3 }] },
      'projects.0.amount',
    ],
    ['a missing pool', { policy: zibo.policy, projects: [] }, 'pool'],
    ['projects that are not a list', { ...zibo, projects: {} }, 'projects'],
    [
      'a tier band without an amount',
      { ...zibo, policy: { rule: 'tiers', tiers: { by: 'rank', bands: [{ from: 1, to: 2 }] } } },
      'policy.tiers.bands.0.amount',
    ],
    [
      'a quota count that is a string',
      { ...zibo, policy: { rule: 'greedy', quotas: [{ category: '*', maxCount: '4' }] } },
      'policy.quotas.0.maxCount',
    ],
    [
      'onePerOrganization that is not a boolean',
      { ...zibo, policy: { rule: 'greedy', onePerOrganization: 'yes' } },
      'policy.onePerOrganization',
    ],
    ['an unknown rule', { ...zibo, policy: { rule: 'lottery' } }, 'policy.rule'],
  ])('refuses %s, naming the field', (_label, request, field) => {
    expect(errorOf(() => run(request))).toMatchObject({ field });
  });

  it('refuses negative money with an amount error', () => {
    expect(errorOf(() => run({ ...zibo, projects: [{ id: 'a', score: '1', requested: -100 }] }))).toMatchObject({
      code: ScoringErrorCode.InvalidAmount,
      field: 'projects.0.requested',
    });
  });

  it('refuses text that is not JSON as a usage error', () => {
    expect(() => run('{ pool: 1 ')).toThrow(UsageError);
  });

  it('prints its usage, listing every policy field, on --help', () => {
    const { stdout, exitCode } = run('', ['--help']);
    expect(exitCode).toBe(0);
    for (const field of [
      'passScore',
      'maxShareOfBudget',
      'partial',
      'tiers',
      'quotas',
      'onePerOrganization',
      'communityLimit',
      'maxProjects',
      'costUnit',
      'unit',
    ]) {
      expect(stdout).toContain(field);
    }
  });
});
