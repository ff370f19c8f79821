import { ScoringErrorCode } from '../scoring.error';
import { allocate } from './allocate';
import { errorOf, fundedIds, outcomeById, project, rankTiers, summary, yuan } from './allocation.factory';
import { AllocationProject } from './allocation.types';

describe('allocate — scenarios from published 公益创投 rules', () => {
  it('Guangzhou: ≤ 60% of approved budget and ≤ ¥500k, in rank order with skip', () => {
    const result = allocate(
      {
        pool: yuan(1_200_000),
        projects: [
          project('gz-1', '92', yuan(800_000), { budget: yuan(1_000_000) }),
          project('gz-2', '88', yuan(400_000), { budget: yuan(500_000) }),
          project('gz-3', '85', yuan(150_000), { budget: yuan(300_000) }),
          project('gz-4', '80', yuan(420_000), { budget: yuan(700_000) }),
          project('gz-5', '78', yuan(70_000), { budget: yuan(100_000) }),
        ],
      },
      { rule: 'greedy', maxGrant: yuan(500_000), maxShareOfBudget: '0.6' },
    );
    expect(summary(result)).toEqual({
      'gz-1': [yuan(500_000), 'partly-funded', 'cap-applied'],
      'gz-2': [yuan(300_000), 'partly-funded', 'cap-applied'],
      'gz-3': [yuan(150_000), 'funded', 'funded-in-full'],
      'gz-4': [0, 'not-funded', 'pool-exhausted'],
      'gz-5': [yuan(60_000), 'partly-funded', 'cap-applied'],
    });
    expect(result.total).toBe(BigInt(yuan(1_010_000)));
    expect(result.remainder).toBe(BigInt(yuan(190_000)));
  });

  it('Guangzhou: the 60% cap is rounded down to the fen, never up', () => {
    const result = allocate(
      { pool: yuan(1_000_000), projects: [project('gz', '90', yuan(300_000), { budget: 33_333_333 })] },
      { rule: 'greedy', maxShareOfBudget: '0.6' },
    );
    expect(outcomeById(result, 'gz').amount).toBe(19_999_999n);
  });

  it('Longhua ladder ¥1/3/5/7/10万 by score band, never more than requested', () => {
    const result = allocate(
      {
        pool: yuan(300_000),
        projects: [
          project('lh-1', '93.5', yuan(120_000)),
          project('lh-2', '90', yuan(100_000)),
          project('lh-3', '86', yuan(60_000)),
          project('lh-4', '84.99', yuan(80_000)),
          project('lh-5', '72', yuan(20_000)),
          project('lh-6', '69.99', yuan(50_000)),
        ],
      },
      {
        rule: 'tiers',
        tiers: {
          by: 'score',
          bands: [
            { minScore: '90', amount: yuan(100_000) },
            { minScore: '85', amount: yuan(70_000) },
            { minScore: '80', amount: yuan(50_000) },
            { minScore: '75', amount: yuan(30_000) },
            { minScore: '70', amount: yuan(10_000) },
          ],
        },
      },
    );
    expect(summary(result)).toEqual({
      'lh-1': [yuan(100_000), 'partly-funded', 'tier-amount'],
      'lh-2': [yuan(100_000), 'funded', 'funded-in-full'],
      'lh-3': [yuan(60_000), 'funded', 'funded-in-full'],
      'lh-4': [0, 'not-funded', 'pool-exhausted'],
      'lh-5': [yuan(10_000), 'partly-funded', 'tier-amount'],
      'lh-6': [0, 'not-funded', 'outside-tiers'],
    });
    expect(result.remainder).toBe(BigInt(yuan(30_000)));
  });

  it('Zibo 2020: 42 applicants, top 10 × ¥50,000 from a ¥500,000 project pool', () => {
    const projects = Array.from({ length: 42 }, (_, i) =>
      project(`zb-${String(i + 1).padStart(2, '0')}`, (95 - i * 0.5).toFixed(1), yuan(i % 3 === 0 ? 60_000 : 50_000)),
    );
    const result = allocate({ pool: yuan(500_000), projects }, rankTiers([1, 10, yuan(50_000)]));
    const funded = result.outcomes.filter((o) => o.amount > 0n);
    expect(funded.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(funded.every((o) => o.amount === BigInt(yuan(50_000)))).toBe(true);
    expect(outcomeById(result, 'zb-01').reason).toBe('tier-amount');
    expect(outcomeById(result, 'zb-02').reason).toBe('funded-in-full');
    expect(result.outcomes.slice(10).every((o) => o.reason === 'outside-tiers')).toBe(true);
    expect(result.total).toBe(BigInt(yuan(500_000)));
    expect(result.remainder).toBe(0n);
  });

  it('tiers pay by rank: a better rank whose band no longer fits the pool can leave a project with less', () => {
    const policy = rankTiers([1, 1, yuan(60)], [2, 2, yuan(50)], [3, 3, yuan(40)]);
    const projects = [project('a', '90', yuan(60)), project('b', '80', yuan(60)), project('c', '70', yuan(60))];
    const third = allocate({ pool: yuan(100), projects }, policy);
    expect(outcomeById(third, 'c').amount).toBe(BigInt(yuan(40)));
    const raised = projects.map((p) => (p.id === 'c' ? { ...p, score: '85' } : p));
    const second = allocate({ pool: yuan(100), projects: raised }, policy);
    expect(outcomeById(second, 'c').rank).toBe(2);
    expect(outcomeById(second, 'c').amount).toBe(0n);
  });

  it('Wuhu: 6 categories × 4 projects — the fifth and sixth of each category are refused', () => {
    const categories = ['助老', '助残', '青少年', '妇女儿童', '社区治理', '环保'];
    const projects = categories.flatMap((category, c) =>
      Array.from({ length: 6 }, (_, k) =>
        project(`${category}-${k + 1}`, String(90 - k * 3 - c * 0.1), yuan(20_000), { category }),
      ),
    );
    const result = allocate(
      { pool: yuan(10_000_000), projects },
      { rule: 'greedy', quotas: [{ category: '*', maxCount: 4 }] },
    );
    for (const category of categories) {
      const own = result.outcomes.filter((o) => o.id.startsWith(`${category}-`));
      expect(own.filter((o) => o.status === 'funded').map((o) => o.id)).toEqual(
        [1, 2, 3, 4].map((k) => `${category}-${k}`),
      );
      expect(own.filter((o) => o.status === 'not-funded').map((o) => o.reason)).toEqual([
        'category-quota',
        'category-quota',
      ]);
    }
    expect(result.total).toBe(BigInt(yuan(24 * 20_000)));
  });

  it('one project per organization (XJ2019: ¥80,000 cap, no double funding)', () => {
    const result = allocate(
      {
        pool: yuan(1_500_000),
        projects: [
          project('a-1', '95', yuan(80_000), { organization: '阳光社工' }),
          project('a-2', '93', yuan(60_000), { organization: '阳光社工' }),
          project('b-1', '91', yuan(100_000), { organization: '启航' }),
          project('b-2', '90', yuan(50_000), { organization: '启航' }),
          project('a-3', '88', yuan(40_000), { organization: '阳光社工' }),
          project('solo', '70', yuan(30_000)),
        ],
      },
      { rule: 'greedy', maxGrant: yuan(80_000), onePerOrganization: true },
    );
    expect(summary(result)).toEqual({
      'a-1': [yuan(80_000), 'funded', 'funded-in-full'],
      'a-2': [0, 'not-funded', 'one-per-organization'],
      'b-1': [yuan(80_000), 'partly-funded', 'cap-applied'],
      'b-2': [0, 'not-funded', 'one-per-organization'],
      'a-3': [0, 'not-funded', 'one-per-organization'],
      solo: [yuan(30_000), 'funded', 'funded-in-full'],
    });
  });

  it('一社区一品牌: one funded project per community', () => {
    const result = allocate(
      {
        pool: yuan(100_000),
        projects: [
          project('wdg-1', '90', yuan(10_000), { community: '五顶岗' }),
          project('wdg-2', '89', yuan(10_000), { community: '五顶岗' }),
          project('zb-1', '80', yuan(10_000), { community: '洲边' }),
        ],
      },
      { rule: 'greedy', communityLimit: 1 },
    );
    expect(fundedIds(result)).toEqual(['wdg-1', 'zb-1']);
    expect(outcomeById(result, 'wdg-2').reason).toBe('community-limit');
  });

  it('Dongguan 2011: funded in rank order up to 28 projects, cap ¥500,000', () => {
    const projects = Array.from({ length: 60 }, (_, i) => project(`dg-${i + 1}`, String(100 - i), yuan(300_000)));
    const result = allocate(
      { pool: yuan(10_000_000), projects },
      { rule: 'greedy', maxGrant: yuan(500_000), maxProjects: 28 },
    );
    expect(fundedIds(result)).toHaveLength(28);
    expect(outcomeById(result, 'dg-29').reason).toBe('max-projects');
    expect(result.total).toBe(BigInt(yuan(8_400_000)));
  });

  it('pass score: a project below the line gets nothing even when money is left', () => {
    const result = allocate(
      { pool: yuan(100_000), projects: [project('ok', '60', yuan(10_000)), project('low', '59.99', yuan(10_000))] },
      { rule: 'greedy', passScore: '60' },
    );
    expect(summary(result)).toEqual({
      ok: [yuan(10_000), 'funded', 'funded-in-full'],
      low: [0, 'not-funded', 'below-threshold'],
    });
  });

  it('minimum grant: a cap that leaves less than the minimum is not worth a grant', () => {
    const result = allocate(
      { pool: yuan(100_000), projects: [project('tiny', '90', yuan(3_000)), project('fine', '80', yuan(8_000))] },
      { rule: 'greedy', minGrant: yuan(5_000) },
    );
    expect(outcomeById(result, 'tiny').reason).toBe('below-minimum');
    expect(outcomeById(result, 'fine').status).toBe('funded');
  });
});

describe('allocate — greedy with and without skip, partial funding', () => {
  const projects: AllocationProject[] = [
    project('A', '90', yuan(60_000)),
    project('B', '80', yuan(50_000)),
    project('C', '70', yuan(30_000)),
  ];

  it('greedy skips a misfit and funds the next project that fits', () => {
    const result = allocate({ pool: yuan(100_000), projects }, { rule: 'greedy' });
    expect(summary(result)).toEqual({
      A: [yuan(60_000), 'funded', 'funded-in-full'],
      B: [0, 'not-funded', 'pool-exhausted'],
      C: [yuan(30_000), 'funded', 'funded-in-full'],
    });
  });

  it('greedy-no-skip stops at the first misfit and says so', () => {
    const result = allocate({ pool: yuan(100_000), projects }, { rule: 'greedy-no-skip' });
    expect(summary(result)).toEqual({
      A: [yuan(60_000), 'funded', 'funded-in-full'],
      B: [0, 'not-funded', 'pool-exhausted'],
      C: [0, 'not-funded', 'stopped-at-first-misfit'],
    });
    expect(result.remainder).toBe(BigInt(yuan(40_000)));
  });

  it('partial funding gives the first misfit what is left, rounded down to the unit', () => {
    const result = allocate(
      { pool: yuan(100_050), projects },
      { rule: 'greedy', partial: { minimum: yuan(20_000) }, unit: yuan(100) },
    );
    expect(summary(result)).toEqual({
      A: [yuan(60_000), 'funded', 'funded-in-full'],
      B: [yuan(40_000), 'partly-funded', 'partial-remainder'],
      C: [0, 'not-funded', 'pool-exhausted'],
    });
    expect(result.remainder).toBe(BigInt(yuan(50)));
  });

  it('partial funding below its minimum is not made; greedy goes on', () => {
    const result = allocate({ pool: yuan(100_000), projects }, { rule: 'greedy', partial: { minimum: yuan(45_000) } });
    expect(fundedIds(result)).toEqual(['A', 'C']);
  });

  it('an explicit rank order from the ranking module is followed as given', () => {
    const result = allocate({ pool: yuan(100_000), projects, rankOrder: ['C', 'B', 'A'] }, { rule: 'greedy' });
    expect(result.outcomes.map((o) => [o.id, o.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
    ]);
    expect(fundedIds(result)).toEqual(['C', 'B']);
  });

  it('without a rank order, ties in score go to the smaller request, then the smaller id', () => {
    const result = allocate(
      {
        pool: yuan(50_000),
        projects: [
          project('y', '80', yuan(30_000)),
          project('x', '80', yuan(30_000)),
          project('w', '80', yuan(40_000)),
        ],
      },
      { rule: 'greedy' },
    );
    expect(result.outcomes.map((o) => o.id)).toEqual(['x', 'y', 'w']);
    expect(fundedIds(result)).toEqual(['x']);
  });
});

describe('allocate — category quotas', () => {
  const projects: AllocationProject[] = [
    project('edu-1', '90', yuan(60_000), { category: '教育' }),
    project('edu-2', '85', yuan(30_000), { category: '教育' }),
    project('old-1', '70', yuan(30_000), { category: '助老' }),
  ];

  it('a category minimum funds its best project ahead of rank, marked reserved', () => {
    const result = allocate(
      { pool: yuan(100_000), projects },
      { rule: 'greedy', quotas: [{ category: '助老', minCount: 1 }] },
    );
    expect(fundedIds(result)).toEqual(['edu-1', 'old-1']);
    expect(outcomeById(result, 'old-1').reserved).toBe(true);
    expect(outcomeById(result, 'edu-1').reserved).toBe(false);
    expect(outcomeById(result, 'edu-2').reason).toBe('pool-exhausted');
  });

  it('a category minimum nobody can meet is reported, not silently dropped', () => {
    const result = allocate(
      { pool: yuan(100_000), projects },
      { rule: 'greedy', quotas: [{ category: '助残', minCount: 1 }] },
    );
    expect(result.unmetQuotas).toEqual([
      { category: '助残', minCount: 1, minAmount: undefined, fundedCount: 0, fundedAmount: 0n },
    ]);
  });

  it('a category amount ceiling refuses the grant that would cross it', () => {
    const result = allocate(
      { pool: yuan(200_000), projects },
      { rule: 'greedy', quotas: [{ category: '教育', maxAmount: yuan(80_000) }] },
    );
    expect(summary(result)['edu-2']).toEqual([0, 'not-funded', 'category-quota']);
    expect(fundedIds(result)).toEqual(['edu-1', 'old-1']);
  });
});

describe('allocate — proportional to score with caps', () => {
  it('water-fills: a capped project’s surplus goes to the others, largest remainder gets the spare ¥100', () => {
    const result = allocate(
      {
        pool: yuan(100_000),
        projects: [
          project('A', '90', yuan(20_000)),
          project('B', '80', yuan(60_000)),
          project('C', '70', yuan(60_000)),
        ],
      },
      { rule: 'proportional', unit: yuan(100) },
    );
    expect(summary(result)).toEqual({
      A: [yuan(20_000), 'funded', 'funded-in-full'],
      B: [yuan(42_700), 'partly-funded', 'proportional-share'],
      C: [yuan(37_300), 'partly-funded', 'proportional-share'],
    });
    expect(result.remainder).toBe(0n);
  });

  it('equal scores and equal remainders: the spare unit goes to the better rank', () => {
    const result = allocate(
      { pool: 1_000, projects: [project('b', '80', 10_000), project('a', '80', 10_000), project('c', '80', 10_000)] },
      { rule: 'proportional', unit: 100 },
    );
    expect(result.outcomes.map((o) => [o.id, Number(o.amount)])).toEqual([
      ['a', 400],
      ['b', 300],
      ['c', 300],
    ]);
  });

  it('a share below the minimum grant drops the lowest-ranked project and the rest share again', () => {
    const result = allocate(
      {
        pool: yuan(10_000),
        projects: [
          project('A', '90', yuan(10_000)),
          project('B', '60', yuan(10_000)),
          project('C', '10', yuan(10_000)),
        ],
      },
      { rule: 'proportional', minGrant: yuan(2_000), unit: yuan(100) },
    );
    expect(summary(result)).toEqual({
      A: [yuan(6_000), 'partly-funded', 'proportional-share'],
      B: [yuan(4_000), 'partly-funded', 'proportional-share'],
      C: [0, 'not-funded', 'below-minimum'],
    });
  });

  it('佛山三水西南街道 2017: the ten winning communities get different amounts that add up to the pool', () => {
    const winners = [
      ['五顶岗', '便民利民类', '93.6'],
      ['洲边', '宣传教育类', '92.8'],
      ['江根', '扶贫帮困类', '91.5'],
      ['云秀', '扶贫帮困类', '90.2'],
      ['文锋西', '卫生保健类', '89.4'],
      ['月桂', '扶贫帮困类', '88.7'],
      ['康华', '文体娱乐类', '87.9'],
      ['桥头', '文体娱乐类', '86.3'],
      ['沙头', '卫生保健类', '85.1'],
      ['布心', '扶贫帮困类', '84.6'],
    ];
    const projects = [
      ...winners.map(([community, category, score]) =>
        project(community, score, yuan(50_000), { community, category }),
      ),
      project('未入围-1', '72.5', yuan(50_000)),
      project('未入围-2', '68', yuan(50_000)),
    ];
    const result = allocate(
      { pool: yuan(300_000), projects },
      { rule: 'proportional', passScore: '80', unit: yuan(100) },
    );
    const funded = result.outcomes.filter((o) => o.amount > 0n);
    expect(funded.map((o) => o.id)).toEqual(winners.map(([community]) => community));
    expect(new Set(funded.map((o) => o.amount)).size).toBe(10);
    expect(funded.every((o) => o.amount % BigInt(yuan(100)) === 0n)).toBe(true);
    expect(result.total).toBe(BigInt(yuan(300_000)));
    expect(outcomeById(result, '未入围-1').reason).toBe('below-threshold');
  });
});

describe('allocate — optimal', () => {
  it('beats greedy when two cheaper projects outscore one expensive one', () => {
    const projects = [
      project('A', '90', yuan(60_000)),
      project('B', '80', yuan(50_000)),
      project('C', '70', yuan(50_000)),
    ];
    const greedy = allocate({ pool: yuan(100_000), projects }, { rule: 'greedy' });
    const optimal = allocate({ pool: yuan(100_000), projects }, { rule: 'optimal' });
    expect(fundedIds(greedy)).toEqual(['A']);
    expect(summary(optimal)).toEqual({
      A: [0, 'not-funded', 'not-selected-optimal'],
      B: [yuan(50_000), 'funded', 'funded-in-full'],
      C: [yuan(50_000), 'funded', 'funded-in-full'],
    });
  });

  it('among equally good sets it keeps the better-ranked project', () => {
    const projects = [
      project('X1', '60', yuan(100_000)),
      project('X2', '30', yuan(50_000)),
      project('X3', '30', yuan(50_000)),
    ];
    const result = allocate({ pool: yuan(100_000), projects }, { rule: 'optimal' });
    expect(fundedIds(result)).toEqual(['X1']);
  });

  it('funds each chosen project at its cap and honours one per organization', () => {
    const projects = [
      project('A', '90', yuan(70_000), { organization: 'o1' }),
      project('B', '80', yuan(40_000), { organization: 'o1' }),
      project('C', '70', yuan(40_000), { organization: 'o2' }),
    ];
    const result = allocate(
      { pool: yuan(100_000), projects },
      { rule: 'optimal', maxGrant: yuan(60_000), onePerOrganization: true },
    );
    expect(summary(result)).toEqual({
      A: [yuan(60_000), 'partly-funded', 'cap-applied'],
      B: [0, 'not-funded', 'one-per-organization'],
      C: [yuan(40_000), 'funded', 'funded-in-full'],
    });
  });

  it('refuses a search too large to finish, naming costUnit, and succeeds with a stated unit', () => {
    const projects = [
      project('A', '90', 1_000_000_001),
      project('B', '80', 1_000_000_003),
      project('C', '70', 1_500_000_007),
    ];
    const input = { pool: 3_000_000_000, projects };
    expect(errorOf(() => allocate(input, { rule: 'optimal' }))).toMatchObject({
      code: ScoringErrorCode.InvalidPolicy,
      field: 'policy.costUnit',
    });
    const result = allocate(input, { rule: 'optimal', costUnit: 1_000_000 });
    expect(fundedIds(result)).toEqual(['A', 'B']);
    expect(result.total).toBe(2_000_000_004n);
  });
});

describe('allocate — refuses bad input, naming the field', () => {
  const ok = [project('a', '80', 100)];
  it.each([
    [
      'a negative request',
      { pool: 1000, projects: [project('a', '80', -1)] },
      ScoringErrorCode.InvalidAmount,
      'projects.0.requested',
    ],
    ['a fractional pool', { pool: 10.5, projects: ok }, ScoringErrorCode.InvalidAmount, 'pool'],
    [
      'a duplicate id',
      { pool: 1000, projects: [...ok, project('a', '70', 1)] },
      ScoringErrorCode.DuplicateId,
      'projects.1.id',
    ],
    [
      'a malformed score',
      { pool: 1000, projects: [project('a', '8,5', 1)] },
      ScoringErrorCode.InvalidNumber,
      'projects.0.score',
    ],
    [
      'a rank order naming a stranger',
      { pool: 1000, projects: ok, rankOrder: ['zz'] },
      ScoringErrorCode.InvalidRanking,
      'rankOrder.0',
    ],
    [
      'a rank order missing a project',
      { pool: 1000, projects: [...ok, project('b', '1', 1)], rankOrder: ['a'] },
      ScoringErrorCode.InvalidRanking,
      'rankOrder',
    ],
  ])('refuses input with %s, under plain greedy', (_label, input, code, field) => {
    expect(errorOf(() => allocate(input as never, { rule: 'greedy' }))).toMatchObject({ code, field });
  });

  it('refuses a budget share on projects without a budget, naming the budget', () => {
    const policy = { rule: 'greedy', maxShareOfBudget: '0.6' } as const;
    expect(errorOf(() => allocate({ pool: 1000, projects: ok }, policy))).toMatchObject({
      code: ScoringErrorCode.InvalidInput,
      field: 'projects.0.budget',
    });
  });

  it.each([
    ['a share above 1', { rule: 'greedy', maxShareOfBudget: '1.2' }, 'policy.maxShareOfBudget'],
    ['an unknown rule', { rule: 'lottery' }, 'policy.rule'],
    ['tiers without bands', { rule: 'tiers' }, 'policy.tiers'],
    ['quotas with optimal', { rule: 'optimal', quotas: [{ category: '*', maxCount: 1 }] }, 'policy.quotas'],
    ['minGrant above maxGrant', { rule: 'greedy', minGrant: 10, maxGrant: 5 }, 'policy.minGrant'],
    ['a lower rank band paying more', rankTiers([1, 1, 10], [2, 3, 20]), 'policy.tiers.bands.1.amount'],
    ['a gap between rank bands', rankTiers([1, 1, 10], [3, 3, 5]), 'policy.tiers.bands.1.from'],
    ['rank bands not starting at rank 1', rankTiers([2, 3, 10]), 'policy.tiers.bands.0.from'],
    ['overlapping rank bands', rankTiers([1, 3, 10], [3, 5, 5]), 'policy.tiers.bands.1.from'],
  ])('refuses a policy with %s as an invalid policy', (_label, policy, field) => {
    expect(errorOf(() => allocate({ pool: 1000, projects: ok }, policy as never))).toMatchObject({
      code: ScoringErrorCode.InvalidPolicy,
      field,
    });
  });
});
