import {
  COMPETITION_PRESETS,
  DomainError,
  EvaluationRules,
  JIANGDONG_EVALUATION,
  RubricCriterionRule,
} from '@app/domain';
import { validateCompetitionRules } from './competition-rules.validator';

const PARTY = COMPETITION_PRESETS['party-building'];
const POOL = 30_000_000;

function refusal(rules: Record<string, unknown>, pool = POOL, field?: string): DomainError {
  try {
    validateCompetitionRules(rules, pool, field);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

type Criterion = { -readonly [K in keyof RubricCriterionRule]: RubricCriterionRule[K] };

function withRubric(change: (rubric: Criterion[]) => void): Record<string, unknown> {
  const rubric: Criterion[] = PARTY.rubric.map((criterion) => ({ ...criterion }));
  change(rubric);
  return { ...PARTY, rubric };
}

describe('validateCompetitionRules', () => {
  it.each(Object.entries(COMPETITION_PRESETS))('accepts the %s preset unchanged', (_, preset) => {
    expect(validateCompetitionRules(preset, POOL)).toEqual(preset);
  });

  it('keeps only the known fields of each rule', () => {
    const categories = [{ ...PARTY.categories[0], colour: 'red' }];
    expect(validateCompetitionRules({ ...PARTY, categories }, POOL).categories).toEqual([PARTY.categories[0]]);
  });

  it('names a missing rule', () => {
    const { rubric: _, ...rest } = PARTY;
    expect(refusal(rest)).toMatchObject({
      field: 'rules.rubric',
      reason: 'RULE_MISSING',
      messageZh: '请给出评分细则',
      messageEn: 'rubric is required',
    });
  });

  it('refuses a repeated rubric key, naming the second one', () => {
    const error = refusal(withRubric((rubric) => (rubric[2].key = 'need')));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'KEY_REPEATED',
      field: 'rules.rubric.2.key',
      messageZh: '评分细则第 3 项的评分项代码重复：「need」已出现过',
      messageEn: 'criterion key of criterion 3 repeats "need"',
    });
  });

  it.each([
    ['zero', '0'],
    ['negative', '-5'],
    ['not a number', 'twenty'],
    ['three decimals', '7.125'],
    ['an exponent', '1e2'],
    ['above 1000', '1000.5'],
  ])('refuses maxPoints that is %s', (_, maxPoints) => {
    expect(refusal(withRubric((rubric) => (rubric[1].maxPoints = maxPoints))).field).toBe('rules.rubric.1.maxPoints');
  });

  it('accepts a decimal weight and refuses a zero one', () => {
    expect(() =>
      validateCompetitionRules(
        withRubric((rubric) => (rubric[1].weight = '1.25')),
        POOL,
      ),
    ).not.toThrow();
    expect(refusal(withRubric((rubric) => (rubric[1].weight = '0.0'))).field).toBe('rules.rubric.1.weight');
  });

  it('needs at least one criterion that adds to the total', () => {
    const error = refusal(
      withRubric((rubric) => rubric.forEach((criterion) => Object.assign(criterion, { gate: true }))),
    );
    expect(error.field).toBe('rules.rubric');
  });

  it('refuses an empty category list and a category key with capitals', () => {
    expect(refusal({ ...PARTY, categories: [] }).field).toBe('rules.categories');
    const categories = [{ key: 'Health', labelZh: '卫生保健类', labelEn: 'Health care' }];
    expect(refusal({ ...PARTY, categories }).field).toBe('rules.categories.0.key');
  });

  it('refuses tranches that do not add up to 100%, stating the sum', () => {
    const tranches = PARTY.tranches.map((t, i) => (i === 0 ? { ...t, percent: 40 } : t));
    const error = refusal({ ...PARTY, tranches });
    expect(error).toMatchObject({
      field: 'rules.tranches',
      reason: 'TRANCHES_NOT_100_PERCENT',
      messageZh: '各期拨付比例之和必须为 100%，现为 90%',
      messageEn: "the tranches' percents must add up to 100, not 90",
    });
  });

  it('refuses a per-project cap above the pool, in yuan', () => {
    const error = refusal({ ...PARTY, maxRequestFen: 40_000_000 });
    expect(error.field).toBe('rules.maxRequestFen');
    expect(error.messageZh).toBe('单个项目申请上限 ¥400,000.00 不能超过资金池 ¥300,000.00');
  });

  it('refuses a minimum request above the cap', () => {
    expect(refusal({ ...PARTY, minRequestFen: 6_000_000 }).field).toBe('rules.minRequestFen');
  });

  it.each(['0', '1.5', '0.12345', 'half'])('refuses maxShareOfBudget %s', (share) => {
    expect(refusal({ ...PARTY, maxShareOfBudget: share }).field).toBe('rules.maxShareOfBudget');
  });

  it('accepts a share of exactly 1 (the whole budget)', () => {
    expect(validateCompetitionRules({ ...PARTY, maxShareOfBudget: '1' }, POOL).maxShareOfBudget).toBe('1');
  });

  it('refuses trimming with nothing to drop, and trimming settings on a plain mean', () => {
    expect(refusal({ ...PARTY, aggregation: { ...PARTY.aggregation, drop: 0 } }).field).toBe('rules.aggregation.drop');
    expect(refusal({ ...PARTY, aggregation: { method: 'mean', drop: 1, decimals: 2 } }).field).toBe(
      'rules.aggregation.drop',
    );
  });

  it('refuses an unknown tie-break and one naming a gate criterion, offering the ones there are in words', () => {
    expect(refusal({ ...PARTY, tieBreaks: ['median', 'coin-toss'] })).toMatchObject({
      field: 'rules.tieBreaks.1',
      reason: 'TIE_BREAK_UNKNOWN',
      messageZh: expect.stringMatching(/^同分排序规则第 2 项不是可用的同分排序规则；可用：评委总分中位数高者优先、/),
    });
    expect(refusal({ ...PARTY, tieBreaks: ['criterion:party-leadership'] }).field).toBe('rules.tieBreaks.0');
    expect(refusal({ ...PARTY, tieBreaks: ['median', 'median'] }).field).toBe('rules.tieBreaks.1');
  });

  it('lets the scoring engine judge the allocation policy, naming the field inside it', () => {
    expect(refusal({ ...PARTY, allocation: { rule: 'lottery' } })).toMatchObject({
      field: 'rules.allocation.rule',
      reason: 'SCORING_INVALID_POLICY',
      messageZh: '分配方式无效：与其他分配设置相矛盾，或不适用于所选的分配方式',
    });
    expect(refusal({ ...PARTY, allocation: { rule: 'greedy', minGrant: -1 } }).field).toBe('rules.allocation.minGrant');
    expect(refusal({ ...PARTY, allocation: { rule: 'greedy', bonus: true } }).field).toBe('rules.allocation.bonus');
    expect(refusal({ ...PARTY, allocation: { rule: 'tiers' } }).field).toBe('rules.allocation.tiers');
  });

  it.each([
    ['negative', '-5', '合格分数线不能为负数，也不能带负号'],
    ['minus zero', '-0', '合格分数线不能为负数，也不能带负号'],
    ['padded', ' 60', '合格分数线必须是数字（如 25 或 7.5），最多 4 位小数'],
    ['an exponent', '6e1', '合格分数线必须是数字（如 25 或 7.5），最多 4 位小数'],
  ])('refuses a pass score that is %s, saying why', (_, passScore, why) => {
    const error = refusal({ ...PARTY, allocation: { rule: 'greedy', passScore } });
    expect(error.field).toBe('rules.allocation.passScore');
    expect(error.messageZh).toBe(why);
  });

  it('refuses a pass score above the best possible total, which would fund nobody', () => {
    const error = refusal({ ...PARTY, allocation: { rule: 'greedy', passScore: '100.01' } });
    expect(error).toMatchObject({
      field: 'rules.allocation.passScore',
      reason: 'PASS_SCORE_ABOVE_TOP',
      messageZh: '合格分数线为 100.01，高于评分细则的满分 100，将没有项目能获得资助',
    });
    expect(() =>
      validateCompetitionRules({ ...PARTY, allocation: { rule: 'greedy', passScore: '100' } }, POOL),
    ).not.toThrow();
  });

  it.each(['-0', '0', '100.5', '-1', '0.00001'])('refuses a judge group weight of %s', (weight) => {
    const aggregation = { ...PARTY.aggregation, groupWeights: { expert: '0.6', resident: weight } };
    expect(refusal({ ...PARTY, aggregation })).toMatchObject({
      field: 'rules.aggregation.groupWeights.resident',
      messageZh: expect.stringMatching(/^居民代表组权重/),
    });
  });

  it('refuses a minus zero in a rubric weight rather than storing a second spelling of 0', () => {
    const error = refusal(withRubric((rubric) => (rubric[0].weight = '-0')));
    expect(error).toMatchObject({ field: 'rules.rubric.0.weight' });
    expect(error.messageZh).toContain('不能为负数');
  });

  it('names the fields from the top when the body is the rules themselves (PATCH …/rules)', () => {
    expect(
      refusal(
        withRubric((rubric) => (rubric[0].maxPoints = '0')),
        POOL,
        '',
      ).field,
    ).toBe('rubric.0.maxPoints');
    expect(refusal({ ...PARTY, maxRequestFen: 40_000_000 }, POOL, '').field).toBe('maxRequestFen');
    expect(refusal({ ...PARTY, allocation: { rule: 'greedy', passScore: '-1' } }, POOL, '').field).toBe(
      'allocation.passScore',
    );
  });

  it('refuses a minimum grant above the per-project cap, since nobody could be funded', () => {
    const error = refusal({ ...PARTY, allocation: { rule: 'greedy', minGrant: 6_000_000 } });
    expect(error).toMatchObject({
      field: 'rules.allocation.minGrant',
      reason: 'MIN_GRANT_ABOVE_CAP',
      messageZh: '最低资助额（分）为 ¥60,000.00，高于单个项目申请上限 ¥50,000.00，将没有项目能获得资助',
    });
  });

  it('gives a tranche sent without a condition the one its place in the schedule means', () => {
    const tranches = [20, 30, 50].map((percent, i) => ({
      labelZh: `第${i + 1}期`,
      labelEn: `Tranche ${i + 1}`,
      percent,
    }));
    expect(validateCompetitionRules({ ...PARTY, tranches }, POOL).tranches.map((t) => t.condition)).toEqual([
      { kind: 'on-signing' },
      { kind: 'evaluation-passed', stage: 'mid' },
      { kind: 'evaluation-passed', stage: 'final' },
    ]);
  });

  const validate = (rules: Record<string, unknown>) => validateCompetitionRules(rules, POOL);

  it('keeps a condition’s own fields only, and refuses one that is incomplete, naming the tranche', () => {
    const tranches = (condition: Record<string, unknown>) =>
      PARTY.tranches.map((t, i) => (i === 2 ? { ...t, condition } : t));
    expect(
      validate({ ...PARTY, tranches: tranches({ kind: 'date', date: '2027-12-01', stage: 'mid' }) }).tranches[2]
        .condition,
    ).toEqual({ kind: 'date', date: '2027-12-01' });
    expect(refusal({ ...PARTY, tranches: tranches({ kind: 'date', date: '2027-02-30' }) })).toMatchObject({
      field: 'rules.tranches.2.condition.date',
      messageZh: '第 3 期的拨付条件须写明日期，如 2027-06-30',
    });
    expect(refusal({ ...PARTY, tranches: tranches({ kind: 'milestone-accepted' }) }).field).toBe(
      'rules.tranches.2.condition.milestone',
    );
    expect(refusal({ ...PARTY, tranches: tranches({ kind: 'paid-whenever' }) }).field).toBe(
      'rules.tranches.2.condition.kind',
    );
  });

  it('refuses a tranche waiting for a report the rules do not call for', () => {
    const grants = { ...PARTY.grants, reports: { ...PARTY.grants.reports, final: false } };
    const tranches = PARTY.tranches.map((t, i) =>
      i === 2 ? { ...t, condition: { kind: 'report-accepted', report: 'final' } } : t,
    );
    expect(refusal({ ...PARTY, grants, tranches })).toMatchObject({
      field: 'rules.tranches.2.condition.report',
      messageZh: '第 3 期的拨付条件所依据的报告不在本大赛要求的报告之列，请先在资助条款中要求该报告',
    });
  });

  it('always renders the Chinese agreement, once, with English only beside it', () => {
    const locales = (agreementLocales: string[]) => ({ ...PARTY, grants: { ...PARTY.grants, agreementLocales } });
    expect(validate(locales(['en', 'zh'])).grants.agreementLocales).toEqual(['zh', 'en']);
    expect(refusal(locales(['en'])).field).toBe('rules.grants.agreementLocales');
    expect(refusal(locales(['zh', 'zh'])).field).toBe('rules.grants.agreementLocales');
  });

  it('holds the monthly checklist to 10 points with unique keys, and keeps the rules without monthly checks', () => {
    const checks = PARTY.supervision.monthlyChecks!;
    const withChecklist = (checklist: object[]) => ({
      ...PARTY,
      supervision: { ...PARTY.supervision, monthlyChecks: { ...checks, checklist } },
    });
    const heavier = checks.checklist.map((item) => (item.key === 'presence' ? { ...item, points: 4 } : item));
    expect(refusal(withChecklist(heavier))).toMatchObject({
      field: 'rules.supervision.monthlyChecks.checklist',
      reason: 'CHECKLIST_NOT_10_POINTS',
      messageZh: '考核细则各项分值合计须为 10 分，现为 11 分',
    });
    const repeated = checks.checklist.map((item) => (item.key === 'upkeep' ? { ...item, key: 'plan' } : item));
    expect(refusal(withChecklist(repeated))).toMatchObject({
      field: 'rules.supervision.monthlyChecks.checklist.3.key',
      reason: 'KEY_REPEATED',
    });
    const none = { ...PARTY, supervision: { ...PARTY.supervision, monthlyChecks: null } };
    expect(validateCompetitionRules(none, POOL).supervision.monthlyChecks).toBeNull();
  });
});

describe('the evaluation section of the rules', () => {
  const EVALUATION = JIANGDONG_EVALUATION;
  const withEvaluation = (change: Partial<EvaluationRules>) => ({ ...PARTY, evaluation: { ...EVALUATION, ...change } });

  it('gives rules sent without one 义乌江东’s five criteria, the usual bands and stars', () => {
    const { evaluation: _, ...rest } = PARTY;
    const evaluation = validateCompetitionRules(rest, POOL).evaluation;
    expect(evaluation?.rubric.map((criterion) => criterion.labelZh)).toEqual([
      '项目质量',
      '项目进度',
      '社会知晓度',
      '居民参与度',
      '满意度',
    ]);
    expect(evaluation?.bands.map((band) => [band.key, band.minScore, band.passes])).toEqual([
      ['A', '85', true],
      ['B', '60', true],
      ['C', '0', false],
    ]);
  });

  it('refuses bands that leave low scores without a band, or where none passes', () => {
    expect(refusal(withEvaluation({ bands: EVALUATION.bands.slice(0, 2) }))).toMatchObject({
      reason: 'EVALUATION_BANDS_WITHOUT_FLOOR',
      field: 'rules.evaluation.bands',
    });
    const failing = EVALUATION.bands.map((band) => ({ ...band, passes: false }));
    expect(refusal(withEvaluation({ bands: failing }))).toMatchObject({ reason: 'EVALUATION_BANDS_NONE_PASSES' });
  });

  it('refuses a threshold above 100 and a star level given twice, naming the field', () => {
    const bands = [{ ...EVALUATION.bands[0], minScore: '101' }, ...EVALUATION.bands.slice(1)];
    expect(refusal(withEvaluation({ bands }))).toMatchObject({
      reason: 'EVALUATION_SCORE_ABOVE_100',
      field: 'rules.evaluation.bands.0.minScore',
      messageZh: '评估等次第 1 项的最低分数不能超过 100 分（评估结果按百分制）',
    });
    const stars = [...EVALUATION.stars, { stars: 3, minScore: '65' }];
    expect(refusal(withEvaluation({ stars }))).toMatchObject({
      reason: 'EVALUATION_STARS_REPEATED',
      field: 'rules.evaluation.stars.3.stars',
    });
  });

  it('refuses a star gate on a criterion the evaluation rubric does not score', () => {
    const starGates = [{ criterion: 'party-leadership', minShare: '0.6', effect: 'none' as const }];
    expect(refusal(withEvaluation({ starGates }))).toMatchObject({
      reason: 'EVALUATION_STAR_GATE_CRITERION',
      field: 'rules.evaluation.starGates.0.criterion',
    });
  });

  it('checks the evaluation rubric as the roadshow’s, naming its own fields', () => {
    const rubric = EVALUATION.rubric.map((criterion, i) => (i === 1 ? { ...criterion, key: 'quality' } : criterion));
    expect(refusal(withEvaluation({ rubric }))).toMatchObject({
      reason: 'KEY_REPEATED',
      field: 'rules.evaluation.rubric.1.key',
      messageZh: '评估细则第 2 项的评估项代码重复：「quality」已出现过',
    });
  });
});

describe('validateCompetitionRules: normalization and score components', () => {
  const DONGGUAN = COMPETITION_PRESETS.dongguan;
  const withComponents = (change: (components: Record<string, unknown>[]) => void): Record<string, unknown> => {
    const components = (DONGGUAN.components ?? []).map((component) => ({ ...component }));
    change(components);
    return { ...DONGGUAN, components };
  };

  it('refuses weights that do not add up to 1, saying what they add up to', () => {
    expect(refusal(withComponents((c) => (c[1].weight = '0.3')))).toMatchObject({
      reason: 'COMPONENT_WEIGHTS_NOT_1',
      field: 'rules.components',
      messageZh: '评分构成的权重合计须为 1（现为 1.1），加分项不计入',
    });
  });

  it('refuses a component with both a weight and a bonus cap, naming it', () => {
    expect(refusal(withComponents((c) => (c[2].bonusCap = '20')))).toMatchObject({
      reason: 'COMPONENT_WEIGHT_OR_BONUS',
      field: 'rules.components.2',
    });
  });

  it('refuses components without the roadshow, and an input without its maximum', () => {
    expect(refusal(withComponents((c) => c.splice(0, 1)))).toMatchObject({ reason: 'COMPONENT_NO_ROADSHOW' });
    expect(refusal(withComponents((c) => delete c[1].maxPoints))).toMatchObject({
      reason: 'COMPONENT_NEEDS_MAX_POINTS',
      field: 'rules.components.1.maxPoints',
      messageEn:
        'maximum points of component 2 is required: a component entered by the office or from the vote has a maximum',
    });
  });

  it('refuses donations per point on a vote', () => {
    expect(refusal(withComponents((c) => (c[2].fenPerPoint = 100)))).toMatchObject({
      reason: 'COMPONENT_FIELD_NOT_FOR_SOURCE',
      field: 'rules.components.2.fenPerPoint',
    });
  });

  it('accepts 博爱100’s bonuses beside a roadshow weighted 1', () => {
    const rules = withComponents((c) => {
      c.splice(0, c.length);
      c.push(
        { key: 'project', labelZh: '项目评审', labelEn: 'Project review', source: 'roadshow', weight: '1' },
        {
          key: 'fundraising',
          labelZh: '筹款加分',
          labelEn: 'Fundraising bonus',
          source: 'input',
          bonusCap: '50',
          maxPoints: '100',
        },
        {
          key: 'special',
          labelZh: '特别加分',
          labelEn: 'Special bonus',
          source: 'input',
          bonusCap: '20',
          maxPoints: '20',
        },
      );
    });
    expect(validateCompetitionRules(rules, POOL).components?.map((c) => c.bonusCap ?? c.weight)).toEqual([
      '1',
      '50',
      '20',
    ]);
  });

  it('reads empty components as none, and z-score needs both of its settings', () => {
    expect(validateCompetitionRules({ ...DONGGUAN, components: [] }, POOL).components).toBeUndefined();
    const aggregation = { ...DONGGUAN.aggregation, normalization: { kind: 'z-score', sd: 'sample' } };
    expect(refusal({ ...DONGGUAN, aggregation })).toMatchObject({
      reason: 'NORMALIZATION_FIELDS',
      field: 'rules.aggregation.normalization',
    });
    const complete = {
      ...aggregation,
      normalization: { kind: 'z-score' as const, sd: 'sample' as const, minProjectsPerJudge: 3 },
    };
    expect(validateCompetitionRules({ ...DONGGUAN, aggregation: complete }, POOL).aggregation.normalization).toEqual({
      kind: 'z-score',
      sd: 'sample',
      minProjectsPerJudge: 3,
    });
  });
});
