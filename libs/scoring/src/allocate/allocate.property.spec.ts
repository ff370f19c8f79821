import fc from 'fast-check';
import { Rational } from '../rational';
import { allocate } from './allocate';
import { AllocationPolicy, AllocationProject, AllocationResult, AllocationRule, TierPolicy } from './allocation.types';

const CATEGORIES = ['教育', '助老', '助残'];
const ORGANIZATIONS = ['o1', 'o2', 'o3', 'o4'];
const COMMUNITIES = ['c1', 'c2', 'c3'];

function scoreText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const projectsArb = fc
  .array(
    fc.record({
      hundredths: fc.integer({ min: 0, max: 10_000 }),
      requested: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(0, 10_000, 50_000)),
      budgetExtra: fc.integer({ min: 0, max: 200_000 }),
      category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
      organization: fc.option(fc.constantFrom(...ORGANIZATIONS), { nil: undefined }),
      community: fc.option(fc.constantFrom(...COMMUNITIES), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((row, i): AllocationProject => ({
      id: `p${i}`,
      score: scoreText(row.hundredths),
      requested: row.requested,
      budget: row.requested + row.budgetExtra,
      category: row.category,
      organization: row.organization,
      community: row.community,
    })),
  );

/** Pools that land exactly on, one fen under and one fen over a sum of requests find off-by-one errors. */
const inputArb: fc.Arbitrary<[AllocationProject[], number]> = projectsArb.chain((projects) =>
  fc.tuple(
    fc.constant(projects),
    fc.oneof(
      fc.integer({ min: 0, max: 600_000 }),
      fc
        .tuple(fc.subarray(projects), fc.integer({ min: -1, max: 1 }))
        .map(([some, delta]) => Math.max(0, some.reduce((sum, p) => sum + Number(p.requested), 0) + delta)),
    ),
  ),
);

const tiersArb: fc.Arbitrary<TierPolicy> = fc.oneof(
  fc
    .array(fc.record({ width: fc.integer({ min: 1, max: 3 }), drop: fc.integer({ min: 0, max: 30_000 }) }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((steps): TierPolicy => {
      let from = 1;
      let amount = 120_000;
      return {
        by: 'rank',
        bands: steps.map(({ width, drop }) => {
          amount = Math.max(0, amount - drop);
          const band = { from, to: from + width - 1, amount };
          from += width;
          return band;
        }),
      };
    }),
  fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 4 }).chain((minScores) =>
    fc
      .array(fc.integer({ min: 0, max: 40_000 }), { minLength: minScores.length, maxLength: minScores.length })
      .map((drops): TierPolicy => {
        let amount = 150_000;
        return {
          by: 'score',
          bands: [...minScores]
            .sort((a, b) => b - a)
            .map((hundredths, k) => {
              amount = Math.max(0, amount - drops[k]);
              return { minScore: scoreText(hundredths), amount };
            }),
        };
      }),
  ),
);

const commonArb = fc.record(
  {
    passScore: fc.constantFrom('0', '40', '60.5'),
    minGrant: fc.integer({ min: 0, max: 30_000 }),
    maxGrantAbove: fc.integer({ min: 0, max: 150_000 }),
    maxShareOfBudget: fc.constantFrom('0.5', '0.6', '1'),
    onePerOrganization: fc.boolean(),
  },
  { requiredKeys: [] },
);

const limitsArb = fc.record(
  {
    maxProjects: fc.integer({ min: 0, max: 8 }),
    communityLimit: fc.integer({ min: 1, max: 3 }),
    quotas: fc.uniqueArray(
      fc.record(
        {
          category: fc.constantFrom('*', ...CATEGORIES),
          minCount: fc.integer({ min: 0, max: 2 }),
          maxCount: fc.integer({ min: 2, max: 4 }),
          minAmount: fc.integer({ min: 0, max: 50_000 }),
          maxAmount: fc.integer({ min: 50_000, max: 300_000 }),
        },
        { requiredKeys: ['category'] },
      ),
      { selector: (quota) => quota.category, maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

function policyArb(rule: AllocationRule): fc.Arbitrary<AllocationPolicy> {
  return fc
    .tuple(
      commonArb,
      limitsArb,
      fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined }),
      fc.constantFrom(1, 100, 1_000),
      tiersArb,
    )
    .map(([common, limits, partialMinimum, unit, tiers]): AllocationPolicy => {
      const { maxGrantAbove, ...rest } = common;
      const base: AllocationPolicy = {
        rule,
        ...rest,
        maxGrant: maxGrantAbove === undefined ? undefined : (common.minGrant ?? 0) + maxGrantAbove,
      };
      switch (rule) {
        case 'greedy':
        case 'greedy-no-skip':
          return {
            ...base,
            ...limits,
            unit,
            partial: partialMinimum === undefined ? undefined : { minimum: partialMinimum },
          };
        case 'tiers':
          return {
            ...base,
            ...limits,
            tiers,
            partial: partialMinimum === undefined ? undefined : { minimum: partialMinimum },
          };
        case 'proportional':
          return {
            ...base,
            unit,
            maxProjects: limits.maxProjects,
            communityLimit: limits.communityLimit,
            quotas: limits.quotas?.map(({ category, maxCount }) => ({ category, maxCount })),
          };
        case 'optimal':
          return base;
      }
    });
}

const anyRuleArb = fc
  .constantFrom<AllocationRule>('greedy', 'greedy-no-skip', 'tiers', 'proportional', 'optimal')
  .chain(policyArb);
/**
 * Rules where a project's amount does not depend on its rank. Under tiers a better rank pays a
 * bigger band, which may no longer fit what is left of the pool or a cap (see allocate.spec).
 */
const requestOrderRuleArb = fc.constantFrom<AllocationRule>('greedy', 'greedy-no-skip').chain(policyArb);

function capOf(project: AllocationProject, policy: AllocationPolicy): bigint {
  let cap = BigInt(project.requested);
  if (policy.maxGrant !== undefined && BigInt(policy.maxGrant) < cap) cap = BigInt(policy.maxGrant);
  if (policy.maxShareOfBudget !== undefined) {
    const share = Rational.of(BigInt(project.budget ?? 0))
      .mul(Rational.parse(String(policy.maxShareOfBudget)))
      .floor();
    if (share < cap) cap = share;
  }
  return cap;
}

function fundedScore(result: AllocationResult): Rational {
  return Rational.sum(result.outcomes.filter((o) => o.amount > 0n).map((o) => o.score));
}

describe('allocate — invariants (fast-check)', () => {
  it('never allocates more than the pool, and total and remainder add up', () => {
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        const sum = result.outcomes.reduce((acc, o) => acc + o.amount, 0n);
        expect(result.total).toBe(sum);
        expect(result.total <= BigInt(pool)).toBe(true);
        expect(result.remainder).toBe(BigInt(pool) - result.total);
      }),
      { numRuns: 300 },
    );
  });

  it('never grants above the request, maxGrant or the share of the budget', () => {
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        for (const outcome of result.outcomes) {
          const source = projects.find((p) => p.id === outcome.id) as AllocationProject;
          expect(outcome.cap).toBe(capOf(source, policy));
          expect(outcome.amount <= outcome.cap).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grants at least minGrant and nothing to a project below the pass score', () => {
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        for (const outcome of result.outcomes) {
          if (outcome.amount > 0n) expect(outcome.amount >= BigInt(policy.minGrant ?? 0)).toBe(true);
          if (policy.passScore !== undefined && outcome.score.lt(Rational.parse(String(policy.passScore)))) {
            expect(outcome.amount).toBe(0n);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('states a status that matches the amount and a reason that matches the status', () => {
    const fundedReasons = ['funded-in-full'];
    const partlyReasons = ['cap-applied', 'partial-remainder', 'tier-amount', 'proportional-share'];
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        for (const outcome of allocate({ pool, projects }, policy).outcomes) {
          if (outcome.amount === 0n) {
            expect(outcome.status).toBe('not-funded');
            expect([...fundedReasons, 'partial-remainder', 'tier-amount', 'proportional-share']).not.toContain(
              outcome.reason,
            );
          } else if (outcome.amount === outcome.requested) {
            expect([outcome.status, outcome.reason]).toEqual(['funded', 'funded-in-full']);
          } else {
            expect(outcome.status).toBe('partly-funded');
            expect(partlyReasons).toContain(outcome.reason);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same result', () => {
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        expect(allocate({ pool, projects }, policy)).toEqual(allocate({ pool, projects }, policy));
      }),
      { numRuns: 150 },
    );
  });

  it('permuting the input projects changes nothing', () => {
    fc.assert(
      fc.property(
        inputArb.chain(([projects, pool]) =>
          fc.tuple(
            fc.constant(projects),
            fc.constant(pool),
            fc.shuffledSubarray(projects, { minLength: projects.length }),
          ),
        ),
        anyRuleArb,
        ([projects, pool, shuffled], policy) => {
          expect(allocate({ pool, projects: shuffled }, policy)).toEqual(allocate({ pool, projects }, policy));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('raising one project’s score never lowers its grant under greedy or greedy-no-skip', () => {
    fc.assert(
      fc.property(
        inputArb.filter(([projects]) => projects.length > 0),
        requestOrderRuleArb,
        fc.nat(),
        fc.integer({ min: 1, max: 5_000 }),
        ([projects, pool], policy, pick, raise) => {
          const k = pick % projects.length;
          const raised = projects.map((p, i) =>
            i === k
              ? {
                  ...p,
                  score: Rational.parse(p.score as string)
                    .add(Rational.of(raise, 100))
                    .toDecimalString(2),
                }
              : p,
          );
          const before = allocate({ pool, projects }, policy).outcomes.find((o) => o.id === projects[k].id);
          const after = allocate({ pool, projects: raised }, policy).outcomes.find((o) => o.id === projects[k].id);
          expect((after?.amount ?? 0n) >= (before?.amount ?? 0n)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('respects category quotas, one per organization, community limits and maxProjects', () => {
    fc.assert(
      fc.property(inputArb, anyRuleArb, ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        const funded = result.outcomes
          .filter((o) => o.amount > 0n)
          .map((o) => ({ o, p: projects.find((p) => p.id === o.id) as AllocationProject }));
        if (policy.maxProjects !== undefined) expect(funded.length <= policy.maxProjects).toBe(true);
        const count = (key: (p: AllocationProject) => string | undefined, value: string): number =>
          funded.filter(({ p }) => key(p) === value).length;
        if (policy.onePerOrganization)
          ORGANIZATIONS.forEach((org) => expect(count((p) => p.organization, org) <= 1).toBe(true));
        if (policy.communityLimit !== undefined) {
          COMMUNITIES.forEach((c) =>
            expect(count((p) => p.community, c) <= (policy.communityLimit as number)).toBe(true),
          );
        }
        for (const category of CATEGORIES) {
          const named = policy.quotas?.find((q) => q.category === category);
          // "*" stands for every category that some project belongs to.
          const present = projects.some((p) => p.category === category);
          const quota = named ?? (present ? policy.quotas?.find((q) => q.category === '*') : undefined);
          if (quota === undefined) continue;
          const own = funded.filter(({ p }) => p.category === category);
          if (quota.maxCount !== undefined) expect(own.length <= quota.maxCount).toBe(true);
          const amount = own.reduce((sum, { o }) => sum + o.amount, 0n);
          if (quota.maxAmount !== undefined) expect(amount <= BigInt(quota.maxAmount)).toBe(true);
          const short =
            (quota.minCount !== undefined && own.length < quota.minCount) ||
            (quota.minAmount !== undefined && amount < BigInt(quota.minAmount));
          expect(result.unmetQuotas.some((u) => u.category === category)).toBe(short);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('optimal’s total score is never below greedy’s under the same caps and limits', () => {
    fc.assert(
      fc.property(inputArb, policyArb('optimal'), ([projects, pool], policy) => {
        const optimal = allocate({ pool, projects }, policy);
        const greedy = allocate({ pool, projects }, { ...policy, rule: 'greedy' });
        expect(fundedScore(optimal).gte(fundedScore(greedy))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('optimal matches an exhaustive search over every affordable set', () => {
    fc.assert(
      fc.property(inputArb, policyArb('optimal'), ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        const eligible = result.outcomes.filter(
          (o) =>
            o.cap > 0n &&
            o.cap >= BigInt(policy.minGrant ?? 0) &&
            !o.score.lt(Rational.parse(String(policy.passScore ?? '0'))),
        );
        let best = Rational.ZERO;
        for (let mask = 0; mask < 1 << eligible.length; mask += 1) {
          const chosen = eligible.filter((_, i) => (mask >> i) & 1);
          const cost = chosen.reduce((sum, o) => sum + o.cap, 0n);
          const organizations = chosen
            .map((o) => projects.find((p) => p.id === o.id)?.organization)
            .filter((org) => org !== undefined);
          if (cost > BigInt(pool) || (policy.onePerOrganization && new Set(organizations).size < organizations.length))
            continue;
          const score = Rational.sum(chosen.map((o) => o.score));
          if (score.gt(best)) best = score;
        }
        expect(fundedScore(result).eq(best)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('proportional leaves less than one unit per uncapped project unspent', () => {
    fc.assert(
      fc.property(inputArb, policyArb('proportional'), ([projects, pool], policy) => {
        const result = allocate({ pool, projects }, policy);
        const uncapped = result.outcomes.filter((o) => o.amount > 0n && o.amount < o.cap).length;
        const allCapped = result.outcomes.every((o) => o.amount === 0n || o.amount === o.cap);
        if (!allCapped) expect(result.remainder < BigInt(policy.unit ?? 1) * BigInt(Math.max(uncapped, 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
