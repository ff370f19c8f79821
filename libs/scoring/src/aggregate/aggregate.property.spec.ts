import fc from 'fast-check';
import { Rational } from '../rational';
import { aggregateMarks, type JudgeMark } from './aggregate-marks';
import { aggregateProjects } from './aggregate-projects';
import type { AggregationInput, AggregationPolicy, CombineMethod, Rubric } from './aggregation.types';

const RUBRIC: Rubric = {
  criteria: [
    { key: 'need', maxPoints: 40 },
    { key: 'design', maxPoints: 30, weight: '1.5' },
    { key: 'team', maxPoints: 15 },
  ],
  markDecimals: 1,
};
const RUBRIC_MAX = Rational.of(40 + 45 + 15);

const tenths = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);

const markList = fc
  .array(
    fc.integer({ min: 0, max: 1000 }).map((n) => (n / 10).toString()),
    { minLength: 1, maxLength: 25 },
  )
  .map((scores): JudgeMark[] => scores.map((score, i) => ({ judgeId: `J${i}`, score, seat: i })));

const method: fc.Arbitrary<CombineMethod> = fc.oneof(
  fc.constant<CombineMethod>({ kind: 'mean' }),
  fc.constant<CombineMethod>({ kind: 'median' }),
  fc.record({
    kind: fc.constant('trimmed-mean' as const),
    drop: fc.integer({ min: 0, max: 4 }),
    minRemaining: fc.integer({ min: 1, max: 3 }),
    whenTooFew: fc.constant('mean' as const),
  }),
);

/** A competition where every judge scores every project, with a few recusals. */
const competition: fc.Arbitrary<AggregationInput> = fc
  .record({
    judges: fc.integer({ min: 1, max: 9 }),
    projects: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.tuple(tenths(40), tenths(30), tenths(15), fc.boolean()), { minLength: 54, maxLength: 54 }),
  })
  .map(({ judges, projects, seed }): AggregationInput => {
    const judgeIds = Array.from({ length: judges }, (_, j) => `J${j}`);
    const projectIds = Array.from({ length: projects }, (_, p) => `P${p}`);
    const sheets = projectIds.flatMap((projectId, p) =>
      judgeIds.map((judgeId, j) => {
        const [need, design, team] = seed[(p * judges + j) % seed.length];
        return { projectId, judgeId, marks: { need, design, team } };
      }),
    );
    // A judge recuses where the seed says so, but never the project's only judge.
    const recusals = sheets.filter((_, i) => seed[i % seed.length][3] && i % judges !== 0);
    return {
      rubric: RUBRIC,
      judges: judgeIds.map((id, i) => ({ id, seat: i + 1, group: i % 2 === 0 ? 'expert' : 'resident' })),
      projects: projectIds.map((id) => ({ id, components: { vote: '77.5' } })),
      sheets,
      recusals: recusals.map(({ projectId, judgeId }) => ({ projectId, judgeId })),
    };
  });

const policy: fc.Arbitrary<AggregationPolicy> = fc.record({
  method,
  decimals: fc.integer({ min: 0, max: 4 }),
  normalization: fc.constantFrom(
    { kind: 'none' } as const,
    { kind: 'z-score', sd: 'population', minProjectsPerJudge: 2 } as const,
    { kind: 'z-score', sd: 'sample', minProjectsPerJudge: 3 } as const,
  ),
  groups: fc.constantFrom(undefined, [
    { group: 'expert', weight: '0.7' },
    { group: 'resident', weight: '0.3' },
  ]),
});

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('aggregation invariants', () => {
  it('a mean, median or trimmed mean lies between the lowest and highest score', () => {
    fc.assert(
      fc.property(markList, method, (marks, how) => {
        const values = marks.map((m) => Rational.parse(String(m.score)));
        const value = aggregateMarks(marks, how).value;
        expect(values.some((v) => v.lte(value))).toBe(true);
        expect(values.some((v) => v.gte(value))).toBe(true);
      }),
    );
  });

  it('a trimmed mean drops exactly k scores at each end and averages exactly the sorted middle', () => {
    fc.assert(
      fc.property(markList, fc.integer({ min: 0, max: 5 }), (marks, k) => {
        fc.pre(marks.length - 2 * k >= 1);
        const result = aggregateMarks(marks, { kind: 'trimmed-mean', drop: k, minRemaining: 1, whenTooFew: 'error' });
        expect(result.droppedLow).toHaveLength(k);
        expect(result.droppedHigh).toHaveLength(k);
        const sorted = marks.map((m) => Rational.parse(String(m.score))).sort((a, b) => a.compare(b));
        const middle = sorted.slice(k, sorted.length - k);
        expect(result.value).toEqual(Rational.sum(middle).div(Rational.of(middle.length)));
      }),
    );
  });

  it('permuting the marks changes nothing, including which judges are dropped', () => {
    fc.assert(
      fc.property(
        markList.chain((marks) => fc.tuple(fc.constant(marks), shuffled(marks))),
        method,
        ([marks, permuted], how) => {
          expect(aggregateMarks(permuted, how)).toEqual(aggregateMarks(marks, how));
        },
      ),
    );
  });

  it('permuting judges, projects, sheets and recusals changes no result', () => {
    fc.assert(
      fc.property(
        competition.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.record({
              rubric: fc.constant(input.rubric),
              judges: shuffled(input.judges),
              projects: shuffled(input.projects),
              sheets: shuffled(input.sheets),
              recusals: shuffled(input.recusals ?? []),
            }),
          ),
        ),
        policy,
        ([input, permuted], rules) => {
          expect(aggregateProjects(permuted, rules)).toEqual(aggregateProjects(input, rules));
        },
      ),
    );
  });

  it('is deterministic: the same input and policy give an identical result', () => {
    fc.assert(
      fc.property(competition, policy, (input, rules) => {
        expect(JSON.stringify(aggregateProjects(input, rules))).toBe(JSON.stringify(aggregateProjects(input, rules)));
      }),
    );
  });

  it('publishes the exact score rounded half-up once, within half a unit of the last place', () => {
    fc.assert(
      fc.property(competition, policy, (input, rules) => {
        const half = Rational.of(1n, 2n * 10n ** BigInt(rules.decimals));
        for (const project of aggregateProjects(input, rules).projects) {
          expect(project.display).toBe(project.exact.toDecimalString(rules.decimals));
          expect(project.rounded).toEqual(project.exact.round(rules.decimals));
          expect(project.rounded.sub(project.exact).abs().lte(half)).toBe(true);
        }
      }),
    );
  });

  it('keeps every panel score inside the rubric range, normalized or not', () => {
    fc.assert(
      fc.property(competition, policy, (input, rules) => {
        for (const project of aggregateProjects(input, rules).projects) {
          expect(project.panel.gte(Rational.ZERO) && project.panel.lte(RUBRIC_MAX)).toBe(true);
          expect(project.median.gte(Rational.ZERO) && project.median.lte(RUBRIC_MAX)).toBe(true);
        }
      }),
    );
  });

  it('never counts a recused judge', () => {
    fc.assert(
      fc.property(competition, policy, (input, rules) => {
        const recused = new Set((input.recusals ?? []).map((r) => `${r.projectId}|${r.judgeId}`));
        for (const project of aggregateProjects(input, rules).projects) {
          const sheets = input.sheets.filter((s) => s.projectId === project.projectId);
          expect(project.judgeCount).toBe(sheets.filter((s) => !recused.has(`${s.projectId}|${s.judgeId}`)).length);
          const dropped = project.groups.flatMap((g) => [...g.droppedLow, ...g.droppedHigh]);
          expect(dropped.some((d) => recused.has(`${project.projectId}|${d.judgeId}`))).toBe(false);
        }
      }),
    );
  });

  it("one whole panel without normalization gives what aggregateMarks gives on the judges' totals", () => {
    fc.assert(
      fc.property(competition, method, (input, how) => {
        const result = aggregateProjects({ ...input, recusals: [] }, { method: how, decimals: 2 });
        for (const project of result.projects) {
          const marks = input.sheets
            .filter((s) => s.projectId === project.projectId)
            .map((s) => ({
              judgeId: s.judgeId,
              seat: Number(s.judgeId.slice(1)),
              score: Rational.parse(String(s.marks.need))
                .add(Rational.parse(String(s.marks.design)).mul(Rational.parse('1.5')))
                .add(Rational.parse(String(s.marks.team)))
                .toDecimalString(),
            }));
          expect(project.exact).toEqual(aggregateMarks(marks, how).value);
        }
      }),
    );
  });
});
