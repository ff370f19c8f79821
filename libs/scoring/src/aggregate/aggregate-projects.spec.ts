import { ScoringErrorCode } from '../scoring.error';
import { aggregateProjects } from './aggregate-projects';
import type { AggregationInput, AggregationPolicy, Judge, Rubric, ScoreSheet } from './aggregation.types';
import { compileRubric, rubricTotal } from './rubric';
import { scoringErrorOf } from './aggregation.factory';

/** A roadshow rubric in the shape of published 公益创投 scoring sheets (100 points + a gate). */
const RUBRIC: Rubric = {
  criteria: [
    { key: 'need', label: { zh: '需求分析', en: 'community need' }, maxPoints: 30 },
    { key: 'design', label: { zh: '项目设计', en: 'project design' }, maxPoints: 30 },
    { key: 'team', label: { zh: '团队能力', en: 'team capacity' }, maxPoints: 20 },
    { key: 'budget', label: { zh: '预算合理', en: 'budget' }, maxPoints: 20 },
  ],
  gates: [{ key: 'partyBuilding', label: { zh: '党建引领', en: 'party-building lead' } }],
  markDecimals: 1,
};

const TRIMMED: AggregationPolicy = {
  method: { kind: 'trimmed-mean', drop: 1, minRemaining: 3, whenTooFew: 'mean' },
  decimals: 2,
};

/** Splits a judge's total over the four criteria so tests can speak in totals. */
function sheet(projectId: string, judgeId: string, total: number, gate = true): ScoreSheet {
  const need = Math.min(30, Math.round(total * 3) / 10);
  const design = Math.min(30, Math.round(total * 3) / 10);
  const rest = Math.round((total - need - design) * 10) / 10;
  const team = Math.round(rest * 5) / 10;
  const budget = Math.round((rest - team) * 10) / 10;
  return { projectId, judgeId, marks: { need, design, team, budget }, gates: { partyBuilding: gate } };
}

function panel(ids: readonly string[], group?: (id: string) => string): Judge[] {
  return ids.map((id, i) => ({ id, seat: i + 1, group: group?.(id) }));
}

function input(
  totals: Readonly<Record<string, Readonly<Record<string, number>>>>,
  extra: Partial<AggregationInput> = {},
): AggregationInput {
  const judgeIds = [...new Set(Object.values(totals).flatMap((byJudge) => Object.keys(byJudge)))];
  return {
    rubric: RUBRIC,
    judges: panel(judgeIds),
    projects: Object.keys(totals).map((id) => ({ id })),
    sheets: Object.entries(totals).flatMap(([projectId, byJudge]) =>
      Object.entries(byJudge).map(([judgeId, total]) => sheet(projectId, judgeId, total)),
    ),
    ...extra,
  };
}

describe('aggregateProjects', () => {
  describe('rubric', () => {
    it("adds a judge's criterion marks into the total and keeps the 党建引领 gate apart", () => {
      const marks = { need: 27.5, design: 26, team: 18.5, budget: 17 };
      expect(rubricTotal(compileRubric(RUBRIC), marks).toDecimalString()).toBe('89');
      const result = aggregateProjects(
        {
          rubric: RUBRIC,
          judges: panel(['J1', 'J2', 'J3']),
          projects: [{ id: 'wudinggang' }],
          sheets: [
            { projectId: 'wudinggang', judgeId: 'J1', marks, gates: { partyBuilding: true } },
            { projectId: 'wudinggang', judgeId: 'J2', marks, gates: { partyBuilding: true } },
            { projectId: 'wudinggang', judgeId: 'J3', marks, gates: { partyBuilding: false } },
          ],
        },
        TRIMMED,
      );
      const project = result.projects[0];
      expect(project.display).toBe('89.00');
      expect(project.gates).toEqual([{ key: 'partyBuilding', passCount: 2, judgeCount: 3, passed: true }]);
      expect(project.criterionKeys).toEqual(['need', 'design', 'team', 'budget']);
      expect(project.criterionSums.map(String)).toEqual(['82.5', '78', '55.5', '51']);
    });

    it('fails a gate that a unanimous rule requires and one judge refused', () => {
      const result = aggregateProjects(
        {
          ...input({ P: { J1: 80, J2: 80, J3: 80 } }),
          sheets: ['J1', 'J2', 'J3'].map((judge, i) => sheet('P', judge, 80, i !== 2)),
        },
        { ...TRIMMED, gateRule: 'unanimous' },
      );
      expect(result.projects[0].gatesPassed).toBe(false);
    });

    it('applies criterion weights to the marks', () => {
      const rubric: Rubric = {
        criteria: [
          { key: 'quality', maxPoints: 10, weight: '0.6' },
          { key: 'reach', maxPoints: 10, weight: '0.4' },
        ],
        markDecimals: 1,
      };
      expect(rubricTotal(compileRubric(rubric), { quality: 8.5, reach: 7 }).toDecimalString()).toBe('7.9');
    });

    it('names the field of a missing, unknown, out-of-range or too precise mark', () => {
      const base = input({ P: { J1: 80 } });
      const withMarks = (marks: Record<string, number | string>): AggregationInput => ({
        ...base,
        sheets: [{ projectId: 'P', judgeId: 'J1', marks, gates: { partyBuilding: true } }],
      });
      const full = { need: 20, design: 20, team: 10, budget: 10 };
      const { budget: _omitted, ...withoutBudget } = full;
      expect(scoringErrorOf(() => aggregateProjects(withMarks(withoutBudget), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.MissingCriterion,
        field: 'sheets.0.marks.budget',
      });
      expect(scoringErrorOf(() => aggregateProjects(withMarks({ ...full, charisma: 5 }), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.UnknownCriterion,
        field: 'sheets.0.marks.charisma',
      });
      expect(scoringErrorOf(() => aggregateProjects(withMarks({ ...full, team: 21 }), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.CriterionOutOfRange,
        field: 'sheets.0.marks.team',
      });
      expect(scoringErrorOf(() => aggregateProjects(withMarks({ ...full, team: -1 }), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.CriterionOutOfRange,
        field: 'sheets.0.marks.team',
      });
      expect(scoringErrorOf(() => aggregateProjects(withMarks({ ...full, team: 10.25 }), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.InvalidNumber,
        field: 'sheets.0.marks.team',
      });
      expect(scoringErrorOf(() => aggregateProjects(withMarks({ ...full, team: 'ten' }), TRIMMED))).toMatchObject({
        code: ScoringErrorCode.InvalidNumber,
        field: 'sheets.0.marks.team',
      });
    });

    it('names a missing gate mark', () => {
      const base = input({ P: { J1: 80 } });
      const sheets = [{ projectId: 'P', judgeId: 'J1', marks: { need: 1, design: 1, team: 1, budget: 1 } }];
      expect(scoringErrorOf(() => aggregateProjects({ ...base, sheets }, TRIMMED))).toMatchObject({
        code: ScoringErrorCode.MissingCriterion,
        field: 'sheets.0.gates.partyBuilding',
      });
    });

    it('refuses a rubric with a repeated criterion or a non-positive maximum', () => {
      const base = input({ P: { J1: 80 } });
      const repeated: Rubric = { criteria: [RUBRIC.criteria[0], RUBRIC.criteria[0]], markDecimals: 1 };
      expect(scoringErrorOf(() => aggregateProjects({ ...base, rubric: repeated }, TRIMMED))).toMatchObject({
        code: ScoringErrorCode.DuplicateId,
        field: 'rubric.criteria.1.key',
      });
      const zero: Rubric = { criteria: [{ key: 'x', maxPoints: 0 }], markDecimals: 0 };
      expect(scoringErrorOf(() => aggregateProjects({ ...base, rubric: zero }, TRIMMED))).toMatchObject({
        code: ScoringErrorCode.InvalidRubric,
        field: 'rubric.criteria.0.maxPoints',
      });
    });
  });

  describe('trimmed mean on a roadshow panel', () => {
    it('drops the highest and lowest total and averages the rest to 2 decimals, recording who was dropped', () => {
      const result = aggregateProjects(input({ P: { J1: 85, J2: 91.5, J3: 78, J4: 86, J5: 86 } }), TRIMMED);
      const project = result.projects[0];
      expect(project.display).toBe('85.67');
      expect(project.exact.toString()).toBe('257/3');
      expect(project.groups[0].droppedHigh).toEqual([{ judgeId: 'J2', score: '91.5' }]);
      expect(project.groups[0].droppedLow).toEqual([{ judgeId: 'J3', score: '78' }]);
      expect(project.median.toDecimalString()).toBe('86');
    });

    it('averages all judges, and says so, when fewer than 3 would remain', () => {
      const result = aggregateProjects(input({ P: { J1: 80, J2: 90, J3: 70, J4: 60 } }), TRIMMED);
      expect(result.projects[0].display).toBe('75.00');
      expect(result.projects[0].groups[0]).toMatchObject({ method: 'mean', fellBackToMean: true, droppedHigh: [] });
    });

    it('leaves a recused judge out entirely (回避)', () => {
      const totals = { P: { J1: 80, J2: 82, J3: 84, J4: 86, J5: 99, J6: 88 } };
      const recused = aggregateProjects(input(totals, { recusals: [{ projectId: 'P', judgeId: 'J5' }] }), TRIMMED);
      expect(recused.projects[0].display).toBe('84.00');
      expect(recused.projects[0].judgeCount).toBe(5);
      expect(recused.projects[0].recused).toEqual(['J5']);
      expect(recused.projects[0].groups[0].droppedHigh).toEqual([{ judgeId: 'J6', score: '88' }]);
    });

    it('refuses a project with fewer sheets than the policy requires', () => {
      expect(
        scoringErrorOf(() =>
          aggregateProjects(input({ P: { J1: 80, J2: 90 } }), { ...TRIMMED, minJudgesPerProject: 3 }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.NotEnoughJudges, field: 'projects.0' });
    });

    it('refuses a second sheet from the same judge and sheets naming unknown judges or projects', () => {
      const base = input({ P: { J1: 80, J2: 90 } });
      expect(
        scoringErrorOf(() => aggregateProjects({ ...base, sheets: [...base.sheets, sheet('P', 'J1', 70)] }, TRIMMED)),
      ).toMatchObject({ code: ScoringErrorCode.DuplicateId });
      expect(
        scoringErrorOf(() => aggregateProjects({ ...base, sheets: [sheet('P', 'J9', 70)] }, TRIMMED)),
      ).toMatchObject({ code: ScoringErrorCode.UnknownReference, field: 'sheets.0.judgeId' });
      expect(
        scoringErrorOf(() => aggregateProjects({ ...base, sheets: [sheet('Q', 'J1', 70)] }, TRIMMED)),
      ).toMatchObject({ code: ScoringErrorCode.UnknownReference, field: 'sheets.0.projectId' });
    });

    it('returns projects ordered by id', () => {
      const result = aggregateProjects(input({ b: { J1: 1 }, c: { J1: 2 }, a: { J1: 3 } }), TRIMMED);
      expect(result.projects.map((p) => p.projectId)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('judge groups', () => {
    const yiwu = (id: string): string =>
      ({ E: 'expert', D: 'department', M: 'media', R: 'resident' })[id[0]] ?? 'unknown';
    const groups = [
      { group: 'expert', weight: '0.4' },
      { group: 'department', weight: '0.2' },
      { group: 'media', weight: '0.2' },
      { group: 'resident', weight: '0.2' },
    ];
    const totals = {
      P: { E1: 90, E2: 88, E3: 86, D1: 80, D2: 82, M1: 70, M2: 74, R1: 95, R2: 93, R3: 97 },
    };

    it('Yiwu four-part panel (experts, departments, media, residents): each group averaged, then weighted 40/20/20/20', () => {
      const base = input(totals);
      const result = aggregateProjects(
        { ...base, judges: panel(Object.keys(totals.P), yiwu) },
        { method: { kind: 'mean' }, groups, decimals: 2 },
      );
      const project = result.projects[0];
      expect(project.groups.map((g) => [g.group, g.value.toDecimalString()])).toEqual([
        ['expert', '88'],
        ['department', '81'],
        ['media', '72'],
        ['resident', '95'],
      ]);
      // 0.4 × 88 + 0.2 × (81 + 72 + 95) = 35.2 + 49.6
      expect(project.display).toBe('84.80');
    });

    it('shares out the weight of a group with no scoring judge, or refuses when the policy says so', () => {
      const withoutMedia = { P: { E1: 90, E2: 88, E3: 86, D1: 80, D2: 82, R1: 95, R2: 93, R3: 97 } };
      const base = { ...input(withoutMedia), judges: panel([...Object.keys(withoutMedia.P), 'M1'], yiwu) };
      const result = aggregateProjects(base, { method: { kind: 'mean' }, groups, decimals: 2 });
      // (0.4 × 88 + 0.2 × 81 + 0.2 × 95) / 0.8
      expect(result.projects[0].display).toBe('88.00');
      expect(result.projects[0].missingGroups).toEqual(['media']);
      expect(
        scoringErrorOf(() =>
          aggregateProjects(base, { method: { kind: 'mean' }, groups, decimals: 2, missingGroup: 'error' }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.NotEnoughJudges });
    });

    it('trims within each group, not across the whole panel', () => {
      const base = { ...input(totals), judges: panel(Object.keys(totals.P), yiwu) };
      const result = aggregateProjects(base, {
        method: { kind: 'trimmed-mean', drop: 1, minRemaining: 1, whenTooFew: 'mean' },
        groups,
        decimals: 2,
      });
      const expert = result.projects[0].groups.find((g) => g.group === 'expert');
      expect(expert?.droppedHigh).toEqual([{ judgeId: 'E1', score: '90' }]);
      expect(result.projects[0].groups.find((g) => g.group === 'media')?.fellBackToMean).toBe(true);
    });

    it('rounds once at the end: 50/50 of 85.125 and 80.135 publishes 82.63, not 82.64', () => {
      const rubric: Rubric = { criteria: [{ key: 'score', maxPoints: 100 }], markDecimals: 2 };
      const marks: Record<string, string> = {
        E1: '85.1',
        E2: '85.2',
        E3: '85.1',
        E4: '85.1',
        R1: '80.13',
        R2: '80.14',
      };
      const result = aggregateProjects(
        {
          rubric,
          judges: panel(Object.keys(marks), (id) => (id.startsWith('E') ? 'expert' : 'resident')),
          projects: [{ id: 'P' }],
          sheets: Object.entries(marks).map(([judgeId, score]) => ({ projectId: 'P', judgeId, marks: { score } })),
        },
        {
          method: { kind: 'mean' },
          groups: [
            { group: 'expert', weight: 1 },
            { group: 'resident', weight: 1 },
          ],
          decimals: 2,
        },
      );
      expect(result.projects[0].exact.toDecimalString()).toBe('82.63');
      expect(result.projects[0].display).toBe('82.63');
    });

    it('refuses a judge whose group the policy does not weight', () => {
      const base = {
        ...input(totals),
        judges: panel(Object.keys(totals.P), (id) => (id === 'M1' ? 'press' : yiwu(id))),
      };
      expect(
        scoringErrorOf(() => aggregateProjects(base, { method: { kind: 'mean' }, groups, decimals: 2 })),
      ).toMatchObject({ code: ScoringErrorCode.UnknownReference });
    });
  });

  describe('components and stages', () => {
    it('Dongguan 2011: 60% on-site expert panel + 20% directed donations + 20% online vote', () => {
      const base = input({ P: { J1: 80, J2: 84, J3: 88, J4: 92, J5: 96 } });
      const result = aggregateProjects(
        { ...base, projects: [{ id: 'P', components: { donations: '70', vote: '95.5' } }] },
        {
          ...TRIMMED,
          components: [
            { key: 'panel', weight: '0.6', source: 'panel' },
            { key: 'donations', weight: '0.2', source: 'input' },
            { key: 'vote', weight: '0.2', source: 'input' },
          ],
        },
      );
      const project = result.projects[0];
      // 0.6 × 88 + 0.2 × 70 + 0.2 × 95.5 = 52.8 + 14 + 19.1
      expect(project.display).toBe('85.90');
      expect(project.components.map((c) => [c.key, c.weight.mul(c.value).toDecimalString()])).toEqual([
        ['panel', '52.8'],
        ['donations', '14'],
        ['vote', '19.1'],
      ]);
    });

    it('Qingdao: 15% preliminary + 25% documents + 60% roadshow', () => {
      const base = input({ P: { J1: 85, J2: 86, J3: 87 } });
      const result = aggregateProjects(
        { ...base, projects: [{ id: 'P', components: { preliminary: '78.5', documents: '90' } }] },
        {
          ...TRIMMED,
          components: [
            { key: 'preliminary', weight: '0.15', source: 'input' },
            { key: 'documents', weight: '0.25', source: 'input' },
            { key: 'roadshow', weight: '0.60', source: 'panel' },
          ],
        },
      );
      // 11.775 + 22.5 + 51.6 = 85.875 → half-up
      expect(result.projects[0].exact.toDecimalString()).toBe('85.875');
      expect(result.projects[0].display).toBe('85.88');
    });

    it('博爱100: project score plus a fundraising bonus, components added at weight 1', () => {
      const base = input({ P: { J1: 82, J2: 82, J3: 82 } });
      const result = aggregateProjects(
        { ...base, projects: [{ id: 'P', components: { fundraising: '35' } }] },
        {
          ...TRIMMED,
          components: [
            { key: 'project', weight: 1, source: 'panel' },
            { key: 'fundraising', weight: 1, source: 'input' },
          ],
        },
      );
      expect(result.projects[0].display).toBe('117.00');
    });

    it('博爱100: a fundraising bonus of up to 50 and a special bonus of up to 20 add their value, capped', () => {
      const base = input({ P: { J1: 82, J2: 82, J3: 82 }, Q: { J1: 80, J2: 80, J3: 80 } });
      const result = aggregateProjects(
        {
          ...base,
          projects: [
            { id: 'P', components: { fundraising: '64.5', special: '12' } },
            { id: 'Q', components: { fundraising: '30', special: '25' } },
          ],
        },
        {
          ...TRIMMED,
          components: [
            { key: 'project', weight: 1, source: 'panel' },
            { key: 'fundraising', bonusCap: '50', source: 'input' },
            { key: 'special', bonusCap: '20', source: 'input' },
          ],
        },
      );
      // P: 82 + min(64.5, 50) + min(12, 20) = 144; Q: 80 + 30 + min(25, 20) = 130.
      expect(result.projects.map((p) => p.display)).toEqual(['144.00', '130.00']);
      expect(
        result.projects[0].components.map((c) => [
          c.key,
          c.kind,
          c.value.toDecimalString(),
          c.points.toDecimalString(),
        ]),
      ).toEqual([
        ['project', 'weighted', '82', '82'],
        ['fundraising', 'bonus', '64.5', '50'],
        ['special', 'bonus', '12', '12'],
      ]);
    });

    it('refuses a component with both a weight and a bonus cap, or neither', () => {
      const base = input({ P: { J1: 85 } });
      for (const component of [
        { key: 'vote', source: 'input' as const, weight: '0.4', bonusCap: '10' },
        { key: 'vote', source: 'input' as const },
      ]) {
        expect(
          scoringErrorOf(() =>
            aggregateProjects(base, {
              ...TRIMMED,
              components: [{ key: 'roadshow', weight: '0.6', source: 'panel' }, component],
            }),
          ),
        ).toMatchObject({ code: ScoringErrorCode.InvalidPolicy, field: 'components.1' });
      }
    });

    it('names the project and component when a component value is missing', () => {
      const base = input({ P: { J1: 85 } });
      expect(
        scoringErrorOf(() =>
          aggregateProjects(base, {
            ...TRIMMED,
            components: [
              { key: 'roadshow', weight: '0.6', source: 'panel' },
              { key: 'vote', weight: '0.4', source: 'input' },
            ],
          }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.MissingComponent, field: 'projects.0.components.vote' });
    });
  });

  describe('per-judge z-score normalization', () => {
    // Judge A is generous and spread out, judge B strict and compressed; both order the projects alike.
    const totals = { P1: { A: 70, B: 60 }, P2: { A: 80, B: 65 }, P3: { A: 90, B: 70 } };

    it('with population SD, rescales both judges to the pooled mean 72.5 and SD, so they agree', () => {
      const result = aggregateProjects(input(totals), {
        method: { kind: 'mean' },
        normalization: { kind: 'z-score', sd: 'population', minProjectsPerJudge: 3 },
        decimals: 2,
      });
      expect(result.projects.map((p) => p.display)).toEqual(['60.38', '72.50', '84.62']);
      expect(result.projects[0].groups[0].value.eq(result.projects[0].median)).toBe(true);
      expect(result.normalization?.pooledMean.toDecimalString()).toBe('72.5');
      expect(result.normalization?.judges.map((j) => [j.judgeId, j.reason])).toEqual([
        ['A', 'applied'],
        ['B', 'applied'],
      ]);
    });

    it('with sample SD (n − 1), gives the different published numbers 61.66 / 72.50 / 83.34', () => {
      const result = aggregateProjects(input(totals), {
        method: { kind: 'mean' },
        normalization: { kind: 'z-score', sd: 'sample', minProjectsPerJudge: 3 },
        decimals: 2,
      });
      expect(result.projects.map((p) => p.display)).toEqual(['61.66', '72.50', '83.34']);
    });

    it('the README worked example: each step of the sample and the population rescaling by hand', () => {
      // Pooled totals 70 80 90 60 65 70: mean 72.5, squared deviations sum 587.5.
      // Judge A: mean 80, squared deviations 200; judge B: mean 65, squared deviations 50.
      // Population (÷ n):    pooled SD √(587.5/6) = 9.895285; A's SD √(200/3) = 8.164966; B's √(50/3) = 4.082483.
      //   ratio A = √((587.5/6)/(200/3)) = √1.46875 = 1.211920, ratio B = √5.875 = 2.423840.
      //   P1: A 72.5 − 10 × 1.2119199 = 60.380800, B 72.5 − 5 × 2.4238399 = 60.380800 → 60.38.
      // Sample (÷ n − 1):    pooled SD √(587.5/5) = 10.839742; A's SD 10; B's SD 5.
      //   ratio A = 1.083974, ratio B = 2.167948; P1: 72.5 − 10.839742 = 61.660258 → 61.66.
      const policy = (sd: 'sample' | 'population'): AggregationPolicy => ({
        method: { kind: 'mean' },
        normalization: { kind: 'z-score', sd, minProjectsPerJudge: 3 },
        decimals: 2,
      });
      const population = aggregateProjects(input(totals), policy('population'));
      expect(population.normalization?.judges.map((j) => Number(j.ratio).toFixed(6))).toEqual(['1.211920', '2.423840']);
      expect(population.normalization?.pooledSd.toFixed(6)).toBe('9.895285');
      expect(population.projects[0].exact.toDecimalString(6)).toBe('60.380800');
      const sample = aggregateProjects(input(totals), policy('sample'));
      expect(sample.normalization?.judges.map((j) => Number(j.ratio).toFixed(6))).toEqual(['1.083974', '2.167948']);
      expect(sample.normalization?.pooledSd.toFixed(6)).toBe('10.839742');
      expect(sample.projects[0].exact.toDecimalString(6)).toBe('61.660258');
      expect(sample.projects[2].exact.toDecimalString(6)).toBe('83.339742');
    });

    it('keeps the raw totals of a judge with too few projects, and of one who gave every project the same', () => {
      const withExtra = {
        P1: { A: 70, B: 60, C: 50, D: 75 },
        P2: { A: 80, B: 65, D: 75 },
        P3: { A: 90, B: 70, D: 75 },
      };
      const result = aggregateProjects(input(withExtra), {
        method: { kind: 'mean' },
        normalization: { kind: 'z-score', sd: 'population', minProjectsPerJudge: 2 },
        decimals: 2,
      });
      const reasons = Object.fromEntries(result.normalization?.judges.map((j) => [j.judgeId, j.reason]) ?? []);
      expect(reasons).toEqual({ A: 'applied', B: 'applied', C: 'too-few-projects', D: 'no-spread' });
      const p1 = result.projects[0];
      expect(p1.groups[0].judgeCount).toBe(4);
      expect(result.normalization?.judges.find((j) => j.judgeId === 'C')?.mean.toDecimalString()).toBe('50');
    });

    it('refuses a minimum below 2 projects per judge', () => {
      expect(
        scoringErrorOf(() =>
          aggregateProjects(input(totals), {
            method: { kind: 'mean' },
            normalization: { kind: 'z-score', sd: 'sample', minProjectsPerJudge: 1 },
            decimals: 2,
          }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.InvalidPolicy, field: 'normalization.minProjectsPerJudge' });
    });
  });

  describe('policy checks', () => {
    const base = input({ P: { J1: 80 } });

    it('refuses negative weights, repeated groups and bad decimals', () => {
      expect(
        scoringErrorOf(() => aggregateProjects(base, { ...TRIMMED, groups: [{ group: 'expert', weight: '-1' }] })),
      ).toMatchObject({ code: ScoringErrorCode.InvalidWeights, field: 'groups.0.weight' });
      expect(
        scoringErrorOf(() =>
          aggregateProjects(base, {
            ...TRIMMED,
            groups: [
              { group: 'expert', weight: 1 },
              { group: 'expert', weight: 1 },
            ],
          }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.DuplicateId, field: 'groups.1.group' });
      expect(scoringErrorOf(() => aggregateProjects(base, { ...TRIMMED, decimals: 1.5 }))).toMatchObject({
        code: ScoringErrorCode.InvalidPolicy,
        field: 'decimals',
      });
    });

    it('refuses two panel components', () => {
      expect(
        scoringErrorOf(() =>
          aggregateProjects(base, {
            ...TRIMMED,
            components: [
              { key: 'a', weight: 1, source: 'panel' },
              { key: 'b', weight: 1, source: 'panel' },
            ],
          }),
        ),
      ).toMatchObject({ code: ScoringErrorCode.InvalidPolicy, field: 'components' });
    });
  });
});
