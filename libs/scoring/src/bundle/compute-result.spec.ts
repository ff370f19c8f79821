import fc from 'fast-check';
import { ScoringError } from '../scoring.error';
import { PARTY_BUILDING_RULES, SANSHUI, sanshuiInputs, sheetFor } from './bundle-inputs.factory';
import type { BundleInputs, BundleResult } from './bundle.types';
import { canonicalJson } from './canonical-json';
import { RESULT_STAGES, computeResult, resultSteps } from './compute-result';
import { sha256Hex } from '../cli/sha256';

function errorOf(run: () => unknown): ScoringError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  throw new Error('expected a ScoringError');
}

function withoutHash(result: BundleResult): Omit<BundleResult, 'inputHash'> {
  const { inputHash: _hash, ...rest } = result;
  return rest;
}

function byId(result: BundleResult, id: string) {
  const project = result.projects.find((candidate) => candidate.projectId === id);
  if (!project) throw new Error(`no project ${id}`);
  return project;
}

describe('computeResult: 佛山三水西南街道 "红色核动力" by hand', () => {
  const result = computeResult(sanshuiInputs(), sha256Hex);

  it('announces the trimmed mean: 五顶岗 (85.01 + 90.50 + 92.00 + 88.00 + 81.25) / 5 = 87.352 → 87.35', () => {
    const wudinggang = byId(result, 'p1-wudinggang');
    expect(wudinggang.score).toBe('87.35');
    expect(wudinggang.breakdown.score.exact).toBe('87.352');
    expect(wudinggang.breakdown.score.judges.filter((judge) => judge.dropped)).toEqual([
      { judgeId: 'judge-3', total: '78.00', dropped: 'low' },
      { judgeId: 'judge-7', total: '95.00', dropped: 'high' },
    ]);
  });

  it('leaves recused judges out: 洲边 averages 4 of 6 totals without judge 7 → 87.265 → 87.27', () => {
    const zhoubian = byId(result, 'p2-zhoubian');
    expect(zhoubian.score).toBe('87.27');
    expect(zhoubian.breakdown.score.judgeCount).toBe(6);
    expect(zhoubian.breakdown.score.judges.map((judge) => judge.judgeId)).not.toContain('judge-7');
  });

  it('ranks by published score and explains each place', () => {
    expect(result.projects.map((project) => [project.position, project.projectId, project.score])).toEqual([
      [1, 'p4-yunxiu', '91.81'],
      [2, 'p1-wudinggang', '87.35'],
      [3, 'p2-zhoubian', '87.27'],
      [4, 'p3-jianggen', '72.50'],
      [5, 'p5-wenfengxi', '61.20'],
    ]);
    expect(result.projects.map((project) => project.decidedBy.kind)).toEqual([
      'score',
      'score',
      'score',
      'score',
      'last',
    ]);
  });

  it('allocates greedily under the 80%-of-budget cap: 3 × ¥28,000, 江根 skipped, 文锋西 ¥9,600', () => {
    expect(
      result.projects.map((project) => [project.projectId, project.grantFen, project.status, project.reason]),
    ).toEqual([
      ['p4-yunxiu', 2_800_000, 'partly-funded', 'cap-applied'],
      ['p1-wudinggang', 2_800_000, 'partly-funded', 'cap-applied'],
      ['p2-zhoubian', 2_800_000, 'partly-funded', 'cap-applied'],
      ['p3-jianggen', 0, 'not-funded', 'pool-exhausted'],
      ['p5-wenfengxi', 960_000, 'partly-funded', 'cap-applied'],
    ]);
    expect(result.totalFen).toBe(9_360_000);
    expect(result.statistics.allocation).toMatchObject({
      rule: 'greedy',
      poolFen: 10_000_000,
      totalFen: 9_360_000,
      remainderFen: 640_000,
      partlyFundedCount: 4,
      notFundedCount: 1,
    });
  });

  it('reports judge agreement on the projects every judge scored, and says what it left out', () => {
    const agreement = result.statistics.agreement;
    expect(agreement.table).toEqual({ projects: 3, judges: 7, excludedProjects: 2 });
    expect(agreement.icc?.forms['ICC(2,1)']).toMatch(/^-?\d+\.\d{6}$/);
    expect(agreement.kendallW?.W).toMatch(/^\d\.\d{6}$/);
    expect(agreement.leniency.judges.map((judge) => judge.judgeId)).toEqual([
      'judge-1',
      'judge-2',
      'judge-3',
      'judge-4',
      'judge-5',
      'judge-6',
      'judge-7',
    ]);
    expect(agreement.notes[0].zh).toContain('2 个项目');
  });

  it('records the sha256 of the canonical inputs', () => {
    expect(result.inputHash).toBe(sha256Hex(canonicalJson(sanshuiInputs())));
    expect(result.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('computeResult: invariants', () => {
  it('gives a byte-identical canonical result for the same inputs', () => {
    expect(canonicalJson(computeResult(sanshuiInputs(), sha256Hex))).toBe(
      canonicalJson(computeResult(sanshuiInputs(), sha256Hex)),
    );
  });

  it('does not depend on the order of projects, judges, sheets or recusals', () => {
    const inputs = sanshuiInputs();
    const reference = canonicalJson(withoutHash(computeResult(inputs, sha256Hex)));
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...inputs.projects], { minLength: inputs.projects.length }),
        fc.shuffledSubarray([...inputs.judges], { minLength: inputs.judges.length }),
        fc.shuffledSubarray([...inputs.sheets], { minLength: inputs.sheets.length }),
        fc.shuffledSubarray([...inputs.recusals], { minLength: inputs.recusals.length }),
        (projects, judges, sheets, recusals) => {
          const permuted: BundleInputs = { ...inputs, projects, judges, sheets, recusals };
          expect(canonicalJson(withoutHash(computeResult(permuted, sha256Hex)))).toBe(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never grants more than the pool, and the grants add up to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), (poolFen) => {
        const result = computeResult(sanshuiInputs({ poolFen }), sha256Hex);
        const sum = result.projects.reduce((total, project) => total + project.grantFen, 0);
        expect(sum).toBe(result.totalFen);
        expect(result.totalFen).toBeLessThanOrEqual(poolFen);
      }),
      { numRuns: 50 },
    );
  });

  it('reports the stages in order before returning the result', () => {
    const steps = resultSteps(sanshuiInputs(), sha256Hex);
    const seen: string[] = [];
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) {
        expect(next.value.projects).toHaveLength(5);
        break;
      }
      seen.push(next.value);
    }
    expect(seen).toEqual(RESULT_STAGES);
  });
});

describe('computeResult: rules', () => {
  it('excludes a project that fails the 党建引领 gate from funding, and the pool goes further', () => {
    const inputs = sanshuiInputs();
    const sheets = inputs.sheets.map((sheet) =>
      sheet.projectId === 'p4-yunxiu' ? { ...sheet, gates: { 'party-leadership': false } } : sheet,
    );
    const result = computeResult({ ...inputs, sheets }, sha256Hex);
    expect(byId(result, 'p4-yunxiu')).toMatchObject({
      position: 1,
      grantFen: 0,
      status: 'not-funded',
      reason: 'gate-failed',
    });
    expect(byId(result, 'p4-yunxiu').breakdown.score.gatesPassed).toBe(false);
    expect(byId(result, 'p3-jianggen')).toMatchObject({ grantFen: 2_800_000, reason: 'cap-applied' });
  });

  it('breaks a tie on the published score by the rules, and names the tie-break', () => {
    const inputs = sanshuiInputs();
    // Middle five add up to 436.76 like 五顶岗's (87.35), but the median is 89.00 against 88.00.
    const totals = ['70.00', '81.26', '84.00', '89.00', '90.00', '92.50', '99.00'];
    const sheets = inputs.sheets.map((sheet) =>
      sheet.projectId === 'p3-jianggen'
        ? sheetFor('p3-jianggen', sheet.judgeId, totals[Number(sheet.judgeId.slice('judge-'.length)) - 1])
        : sheet,
    );
    const tied = computeResult({ ...inputs, sheets }, sha256Hex);
    const jianggen = byId(tied, 'p3-jianggen');
    const wudinggang = byId(tied, 'p1-wudinggang');
    expect(jianggen.score).toBe(wudinggang.score);
    expect(jianggen.displayRank).toBe(wudinggang.displayRank);
    expect(jianggen.position).toBe(wudinggang.position - 1);
    expect(jianggen.decidedBy).toMatchObject({
      kind: 'tie-break',
      step: 1,
      key: 'median',
      labelZh: '评委总分中位数高者优先',
    });
  });

  it('refuses an unknown tie-break and names the rule', () => {
    const inputs = sanshuiInputs({ rules: { ...PARTY_BUILDING_RULES, tieBreaks: ['coin-toss'] } });
    expect(errorOf(() => computeResult(inputs, sha256Hex)).field).toBe('rules.tieBreaks.0');
  });

  it('refuses a bad allocation rule and names it under rules.allocation', () => {
    const inputs = sanshuiInputs({ rules: { ...PARTY_BUILDING_RULES, allocation: { rule: 'lottery' } } });
    expect(errorOf(() => computeResult(inputs, sha256Hex)).field).toBe('rules.allocation.rule');
  });

  it('refuses a personal judge weight other than 1', () => {
    const inputs = sanshuiInputs();
    const judges = inputs.judges.map((judge, i) => (i === 2 ? { ...judge, weight: '2' } : judge));
    expect(errorOf(() => computeResult({ ...inputs, judges }, sha256Hex)).field).toBe('judges.2.weight');
  });

  it('refuses a project without any counted sheet', () => {
    const inputs = sanshuiInputs();
    const sheets = inputs.sheets.filter((sheet) => sheet.projectId !== SANSHUI[2].id);
    expect(errorOf(() => computeResult({ ...inputs, sheets }, sha256Hex)).code).toBe('SCORING_NOT_ENOUGH_JUDGES');
  });
});
