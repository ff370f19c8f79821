/**
 * Scoring benchmark: 10,000 projects × 15 judges × 6 criteria through aggregation, ranking and each
 * allocation rule, plus the optimal rule on 1,000 projects. Data comes from a seeded PRNG so runs
 * are comparable; each figure is the median of several runs.
 *
 * Run: npm run bench:scoring
 */
import { performance } from 'node:perf_hooks';
import {
  aggregateProjects,
  allocate,
  rankProjects,
  type AggregationInput,
  type AggregationPolicy,
  type AllocationPolicy,
  type AllocationProject,
  type AllocationResult,
  type ProjectAggregate,
  type ProjectFacts,
  type ProjectRankingPolicy,
  type ScoreSheet,
  seededRandom,
  yuanFigure,
} from '../src';

const SEED = 20_170_601;
const PROJECTS = 10_000;
const JUDGES = 15;
const CRITERIA = [
  { key: 'need', maxPoints: 20 },
  { key: 'design', maxPoints: 20 },
  { key: 'team', maxPoints: 15 },
  { key: 'budget', maxPoints: 15 },
  { key: 'impact', maxPoints: 15 },
  { key: 'party-building', maxPoints: 15 },
];
const RUNS = 7;
const OPTIMAL_PROJECTS = 1_000;

interface Competition {
  readonly input: AggregationInput;
  readonly facts: ProjectFacts[];
  readonly details: Map<
    string,
    { requested: number; budget: number; category: string; organization: string; community: string }
  >;
}

const CATEGORIES = ['助老', '助残', '青少年', '妇女儿童', '社区治理', '环保'];

/** Requests between ¥10,000 and ¥200,000 in whole steps of `stepYuan`. */
function requestFen(random: () => number, stepYuan: number): number {
  const steps = Math.floor((190_000 / stepYuan) * random());
  return (10_000 + steps * stepYuan) * 100;
}

function buildCompetition(projectCount: number, random: () => number): Competition {
  const judges = Array.from({ length: JUDGES }, (_, j) => ({
    id: `judge-${String(j + 1).padStart(2, '0')}`,
    seat: j + 1,
  }));
  const leniency = judges.map(() => (random() - 0.5) * 0.15);
  const projects = Array.from({ length: projectCount }, (_, p) => ({ id: `P${String(p + 1).padStart(5, '0')}` }));
  const sheets: ScoreSheet[] = [];
  const facts: ProjectFacts[] = [];
  const details: Competition['details'] = new Map();
  for (const project of projects) {
    const quality = 0.45 + random() * 0.5;
    judges.forEach((judge, j) => {
      const marks: Record<string, number> = {};
      for (const criterion of CRITERIA) {
        const raw = (quality + leniency[j] + (random() - 0.5) * 0.2) * criterion.maxPoints;
        marks[criterion.key] = Math.min(criterion.maxPoints, Math.max(0, Math.round(raw * 2) / 2));
      }
      sheets.push({ projectId: project.id, judgeId: judge.id, marks });
    });
    const requested = requestFen(random, 100);
    facts.push({ projectId: project.id, requestedAmountFen: requested });
    details.set(project.id, {
      requested,
      budget: Math.round(requested / (0.5 + random() * 0.5)),
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      organization: `org-${Math.floor(random() * projectCount * 0.6)}`,
      community: `community-${Math.floor(random() * 400)}`,
    });
  }
  return { input: { rubric: { criteria: CRITERIA, markDecimals: 1 }, judges, projects, sheets }, facts, details };
}

const AGGREGATION: AggregationPolicy = {
  method: { kind: 'trimmed-mean', drop: 1, minRemaining: 3, whenTooFew: 'mean' },
  decimals: 2,
};
const RANKING: ProjectRankingPolicy = { tieBreaks: [{ kind: 'exact-score' }, { kind: 'requested-amount' }] };

function allocationInput(
  competition: Competition,
  aggregates: readonly ProjectAggregate[],
  rankOrder: readonly string[],
  poolShare: number,
) {
  const projects: AllocationProject[] = aggregates.map((aggregate) => {
    const detail = competition.details.get(aggregate.projectId);
    if (detail === undefined) throw new Error(`no details for ${aggregate.projectId}`);
    return { id: aggregate.projectId, score: aggregate.rounded, ...detail };
  });
  const requestedTotal = projects.reduce((sum, project) => sum + Number(project.requested), 0);
  // Pools are quoted in whole ¥10,000 in published rules.
  const pool = Math.floor((requestedTotal * poolShare) / 1_000_000) * 1_000_000;
  return { pool, projects, rankOrder };
}

const POLICIES: Record<string, AllocationPolicy> = {
  greedy: { rule: 'greedy', passScore: '60', maxGrant: 20_000_000, maxShareOfBudget: '0.6' },
  'greedy-no-skip': { rule: 'greedy-no-skip', passScore: '60', maxGrant: 20_000_000, maxShareOfBudget: '0.6' },
  'greedy + limits': {
    rule: 'greedy',
    passScore: '60',
    maxGrant: 20_000_000,
    partial: { minimum: 1_000_000 },
    unit: 10_000,
    onePerOrganization: true,
    communityLimit: 3,
    quotas: [{ category: '*', maxCount: 600, minCount: 50 }],
  },
  tiers: {
    rule: 'tiers',
    passScore: '60',
    tiers: {
      by: 'rank',
      bands: [
        { from: 1, to: 100, amount: 10_000_000 },
        { from: 101, to: 500, amount: 7_000_000 },
        { from: 501, to: 1_500, amount: 5_000_000 },
        { from: 1_501, to: 3_000, amount: 3_000_000 },
        { from: 3_001, to: 5_000, amount: 1_000_000 },
      ],
    },
  },
  proportional: { rule: 'proportional', passScore: '60', maxGrant: 20_000_000, maxShareOfBudget: '0.6', unit: 10_000 },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure<T>(runs: number, work: () => T): { ms: number; min: number; result: T } {
  work();
  let result = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), min: Math.min(...times), result };
}

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(0)} MB`;
}

function memory(): string {
  const usage = process.memoryUsage();
  return `heap ${mb(usage.heapUsed)}, rss ${mb(usage.rss)}`;
}

function line(label: string, ms: number, extra = ''): void {
  process.stdout.write(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${extra}\n`);
}

function fundedSummary(result: AllocationResult): string {
  const funded = result.outcomes.filter((o) => o.amount > 0n).length;
  return `${funded} funded, ${yuanFigure(result.total)} of ${yuanFigure(result.pool)}`;
}

function main(): void {
  const random = seededRandom(SEED);
  process.stdout.write(
    `scoring bench — seed ${SEED}, median of ${RUNS} runs after two warm-ups, Node ${process.version}\n`,
  );
  const competition = buildCompetition(PROJECTS, random);
  process.stdout.write(
    `${PROJECTS} projects × ${JUDGES} judges × ${CRITERIA.length} criteria = ${competition.input.sheets.length} sheets; ${memory()}\n\n`,
  );

  const aggregated = measure(RUNS, () => aggregateProjects(competition.input, AGGREGATION));
  line('aggregate (trimmed mean, drop 1 high + 1 low)', aggregated.ms, memory());
  const ranked = measure(RUNS, () => rankProjects(aggregated.result.projects, RANKING, competition.facts));
  line('rank (exact score, then lower request, then id)', ranked.ms, memory());
  const rankOrder = ranked.result.map((entry) => entry.id);
  const byId = new Map(aggregated.result.projects.map((aggregate) => [aggregate.projectId, aggregate]));
  const ordered = rankOrder.map((id) => byId.get(id) as ProjectAggregate);

  process.stdout.write('\nallocation alone (input already aggregated and ranked)\n');
  for (const [name, policy] of Object.entries(POLICIES)) {
    const input = allocationInput(competition, ordered, rankOrder, 0.25);
    const allocated = measure(RUNS, () => allocate(input, policy));
    line(`allocate ${name}`, allocated.ms, fundedSummary(allocated.result));
  }

  process.stdout.write('\nwhole pipeline: aggregate → rank → allocate (target < 300 ms)\n');
  for (const [name, policy] of Object.entries(POLICIES)) {
    const pipeline = measure(RUNS, () => {
      const aggregates = aggregateProjects(competition.input, AGGREGATION).projects;
      const ranking = rankProjects(aggregates, RANKING, competition.facts);
      const order = ranking.map((entry) => entry.id);
      return allocate(allocationInput(competition, aggregates, order, 0.25), policy);
    });
    line(`pipeline ${name}`, pipeline.ms, memory());
  }

  process.stdout.write(`\noptimal on ${OPTIMAL_PROJECTS} projects (target < 1 s)\n`);
  const small = buildCompetition(OPTIMAL_PROJECTS, seededRandom(SEED + 1));
  const smallAggregates = aggregateProjects(small.input, AGGREGATION).projects;
  const smallOrder = rankProjects(smallAggregates, RANKING, small.facts).map((entry) => entry.id);
  const variants: [string, number, AllocationPolicy][] = [
    ['requests in whole ¥1,000, pool 25%', 1_000, { rule: 'optimal', passScore: '60' }],
    ['requests in whole ¥100, pool 25%, costUnit ¥1,000', 100, { rule: 'optimal', passScore: '60', costUnit: 100_000 }],
    ['requests in whole ¥100, pool 25% (exact, 2.5e8 cells)', 100, { rule: 'optimal', passScore: '60' }],
    [
      'requests in whole ¥1,000, one per organization',
      1_000,
      { rule: 'optimal', passScore: '60', onePerOrganization: true },
    ],
  ];
  for (const [label, stepYuan, policy] of variants) {
    const stepRandom = seededRandom(SEED + stepYuan);
    for (const detail of small.details.values()) detail.requested = requestFen(stepRandom, stepYuan);
    const input = allocationInput(small, smallAggregates, smallOrder, 0.25);
    const optimal = measure(3, () => allocate(input, policy));
    const greedy = allocate(input, { ...policy, rule: 'greedy', costUnit: undefined });
    const scoreOf = (result: AllocationResult): number =>
      result.outcomes.filter((o) => o.amount > 0n).reduce((sum, o) => sum + o.score.toNumber(), 0);
    line(
      `optimal, ${label}`,
      optimal.ms,
      `${fundedSummary(optimal.result)}; Σscore ${scoreOf(optimal.result).toFixed(2)} vs greedy ${scoreOf(greedy).toFixed(2)}; ${memory()}`,
    );
  }
  process.stdout.write(`\npeak rss ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
}

main();
