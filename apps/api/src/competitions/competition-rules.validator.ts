import {
  AGREEMENT_LOCALES,
  AggregationRule,
  CategoryRule,
  CompetitionRules,
  EvaluationErrors,
  EvaluationRules,
  GrantRules,
  MONTHLY_CHECK_TOTAL,
  MonthlyCheckRules,
  SupervisionErrors,
  JIANGDONG_EVALUATION,
  SupervisionRules,
  JudgeGroup,
  ReportKind,
  RubricCriterionRule,
  RulesErrors,
  RulesField,
  ScoreComponentRule,
  NormalizationRule,
  TrancheCondition,
  TrancheRule,
  rulesFieldName,
} from '@app/domain';
import { isIsoDate } from '@app/grants';
import {
  allocate,
  allowedTieBreaks,
  parseAllocationRequest,
  Rational,
  resolveTieBreak,
  ScoringError,
  yuanFigure,
} from '@app/scoring';

export const AGGREGATION_METHODS: readonly AggregationRule['method'][] = ['mean', 'median', 'trimmed-mean'];

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const DECIMAL_PATTERN = /^\d{1,6}(\.\d+)?$/;

/** A tranche's condition as sent: checked field by field below, so every field is optional here. */
export interface TrancheConditionDraft {
  readonly kind: string;
  readonly report?: string;
  readonly stage?: string;
  readonly milestone?: number;
  readonly date?: string;
}

type TrancheDraft = Omit<TrancheRule, 'condition'> & { readonly condition?: TrancheConditionDraft | TrancheCondition };

export type RulesDraft = {
  readonly [K in keyof Omit<CompetitionRules, 'tranches'>]?: CompetitionRules[K] | null;
} & { readonly tranches?: readonly TrancheDraft[] | null };

/** A field of the rules by its path inside them, and where the rules sit in the request. */
type At = (path: string) => RulesField;

function present<T>(value: T | null | undefined, at: RulesField): T {
  if (value === undefined || value === null) throw RulesErrors.missing(at);
  return value;
}

/**
 * A decimal as the rules store it: digits and an optional fraction of at most `places` digits; no
 * sign (not even on "-0", which would be stored and hashed as a second spelling of 0), no spaces,
 * no exponent.
 */
function decimal(value: string, at: RulesField, places: number): Rational {
  if (value.startsWith('-')) throw RulesErrors.decimalNegative(at);
  const match = DECIMAL_PATTERN.exec(value);
  const fraction = match ? (value.split('.')[1] ?? '') : '';
  if (!match || fraction.length > places) throw RulesErrors.decimalFormat(at, places);
  return Rational.parse(value);
}

/** A positive exact decimal with at most `places` decimals and at most `max`; the text stays as given. */
function positiveDecimal(value: string, at: RulesField, places: number, max: number): string {
  const number = decimal(value, at, places);
  if (!number.gt(Rational.ZERO) || number.gt(Rational.of(max))) throw RulesErrors.decimalOutOfRange(at, max);
  return value;
}

function uniqueKeys(
  items: readonly { readonly key: string }[],
  list: 'categories' | 'rubric' | 'components' | 'supervision.monthlyChecks.checklist',
  at: At,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = at(`${list}.${i}.key`);
    if (!KEY_PATTERN.test(item.key)) throw RulesErrors.keyFormat(key);
    if (seen.has(item.key)) throw RulesErrors.keyRepeated(key, item.key);
    seen.add(item.key);
  });
}

function checkCategories(categories: readonly CategoryRule[], at: At): CategoryRule[] {
  if (categories.length === 0) throw RulesErrors.noCategory(at('categories'));
  uniqueKeys(categories, 'categories', at);
  return categories.map(({ key, labelZh, labelEn }) => ({ key, labelZh, labelEn }));
}

function checkRubric(rubric: readonly RubricCriterionRule[], at: At): RubricCriterionRule[] {
  uniqueKeys(rubric, 'rubric', at);
  if (!rubric.some((criterion) => !criterion.gate)) throw RulesErrors.noScoredCriterion(at('rubric'));
  return rubric.map((criterion, i) => ({
    key: criterion.key,
    labelZh: criterion.labelZh,
    labelEn: criterion.labelEn,
    maxPoints: positiveDecimal(criterion.maxPoints, at(`rubric.${i}.maxPoints`), 2, 1000),
    weight: positiveDecimal(criterion.weight, at(`rubric.${i}.weight`), 4, 100),
    ...(criterion.gate ? { gate: true } : {}),
  }));
}

function checkAggregation(aggregation: AggregationRule, at: At): AggregationRule {
  const { method, drop, minJudgesAfterTrim, decimals, groupWeights } = aggregation;
  if (method === 'trimmed-mean') {
    if (drop === undefined || drop < 1) throw RulesErrors.trimNeedsDrop(at('aggregation.drop'));
    if (minJudgesAfterTrim === undefined) {
      throw RulesErrors.trimNeedsMinJudges(at('aggregation.minJudgesAfterTrim'));
    }
  } else {
    for (const [name, value] of [
      ['drop', drop],
      ['minJudgesAfterTrim', minJudgesAfterTrim],
    ] as const) {
      if (value !== undefined) throw RulesErrors.onlyForTrimmedMean(at(`aggregation.${name}`));
    }
  }
  let weights: Partial<Record<JudgeGroup, string>> | undefined;
  if (groupWeights !== undefined) {
    weights = {};
    for (const group of Object.values(JudgeGroup)) {
      const weight = groupWeights[group];
      if (weight !== undefined) {
        weights[group] = positiveDecimal(weight, at(`aggregation.groupWeights.${group}`), 4, 100);
      }
    }
    if (Object.keys(weights).length === 0) throw RulesErrors.groupWeightsEmpty(at('aggregation.groupWeights'));
  }
  return {
    method,
    ...(drop !== undefined ? { drop } : {}),
    ...(minJudgesAfterTrim !== undefined ? { minJudgesAfterTrim } : {}),
    decimals,
    ...(weights ? { groupWeights: weights } : {}),
  };
}

/** The roadshow's aggregation: the panel's, plus normalization and the bias threshold. */
function checkRoadshowAggregation(aggregation: AggregationRule, at: At): AggregationRule {
  const { normalization, biasThreshold } = aggregation;
  return {
    ...checkAggregation(aggregation, at),
    ...(normalization ? { normalization: checkNormalization(normalization, at) } : {}),
    ...(biasThreshold !== undefined
      ? { biasThreshold: positiveDecimal(biasThreshold, at('aggregation.biasThreshold'), 2, 1000) }
      : {}),
  };
}

function checkNormalization(normalization: NormalizationRule, at: At): NormalizationRule {
  const { kind, sd, minProjectsPerJudge } = normalization;
  if (kind === 'none') {
    if (sd !== undefined || minProjectsPerJudge !== undefined) {
      throw RulesErrors.normalizationFields(at('aggregation.normalization'));
    }
    return { kind: 'none' };
  }
  if ((sd !== 'sample' && sd !== 'population') || minProjectsPerJudge === undefined || minProjectsPerJudge < 2) {
    throw RulesErrors.normalizationFields(at('aggregation.normalization'));
  }
  return { kind: 'z-score', sd, minProjectsPerJudge };
}

const SOURCE_NAMES: Readonly<Record<ScoreComponentRule['source'], string>> = {
  roadshow: '路演 roadshow',
  input: '录入 input',
  vote: '投票 vote',
};

/**
 * The parts of the final score: unique keys, one roadshow part, each part either weighted or a
 * capped bonus, the weights adding up to exactly 1 (so a weighted mix of 100-point parts stays a
 * 100-point score), and a maximum for every part the office or the vote supplies.
 */
function checkComponents(components: readonly ScoreComponentRule[], at: At): ScoreComponentRule[] {
  uniqueKeys(components, 'components', at);
  const roadshow = components.filter((component) => component.source === 'roadshow').length;
  if (roadshow === 0) throw RulesErrors.componentNoRoadshow(at('components'));
  if (roadshow > 1) throw RulesErrors.componentRoadshowTwice(at('components'));
  let total = Rational.ZERO;
  const checked = components.map((component, i) => {
    const { key, labelZh, labelEn, source, weight, bonusCap, maxPoints, fenPerPoint } = component;
    if ((weight === undefined) === (bonusCap === undefined)) {
      throw RulesErrors.componentWeightOrBonus(at(`components.${i}`));
    }
    if (weight !== undefined) {
      positiveDecimal(weight, at(`components.${i}.weight`), 4, 1);
      total = total.add(Rational.parse(weight));
    }
    if (bonusCap !== undefined) positiveDecimal(bonusCap, at(`components.${i}.bonusCap`), 2, 1000);
    if (source === 'roadshow' && maxPoints !== undefined) {
      throw RulesErrors.componentFieldNotForSource(at(`components.${i}.maxPoints`), SOURCE_NAMES[source]);
    }
    if (source !== 'roadshow' && maxPoints === undefined) {
      throw RulesErrors.componentNeedsMaxPoints(at(`components.${i}.maxPoints`));
    }
    if (maxPoints !== undefined) positiveDecimal(maxPoints, at(`components.${i}.maxPoints`), 2, 100000);
    if (fenPerPoint !== undefined && source !== 'input') {
      throw RulesErrors.componentFieldNotForSource(at(`components.${i}.fenPerPoint`), SOURCE_NAMES[source]);
    }
    return {
      key,
      labelZh,
      labelEn,
      source,
      ...(weight !== undefined ? { weight } : {}),
      ...(bonusCap !== undefined ? { bonusCap } : {}),
      ...(maxPoints !== undefined ? { maxPoints } : {}),
      ...(fenPerPoint !== undefined ? { fenPerPoint } : {}),
    };
  });
  if (!total.eq(Rational.ONE)) {
    throw RulesErrors.componentWeightsNotWhole(at('components'), total.toDecimalString());
  }
  return checked;
}

function checkTieBreaks(tieBreaks: readonly string[], rubric: readonly RubricCriterionRule[], at: At): string[] {
  const seen = new Set<string>();
  tieBreaks.forEach((tieBreak, i) => {
    const field = at(`tieBreaks.${i}`);
    let label;
    try {
      label = resolveTieBreak(tieBreak, rubric, field.path).label;
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      throw RulesErrors.tieBreakUnknown(
        field,
        allowedTieBreaks(rubric).map((name) => resolveTieBreak(name, rubric, field.path).label),
      );
    }
    if (seen.has(tieBreak)) throw RulesErrors.tieBreakRepeated(field, label);
    seen.add(tieBreak);
  });
  return [...tieBreaks];
}

/** The scoring engine is the judge of an allocation policy: it is run once on no projects. */
function checkAllocation(
  allocation: Readonly<Record<string, unknown>>,
  poolFen: number,
  maxRequestFen: number,
  rubric: readonly RubricCriterionRule[],
  at: At,
): Readonly<Record<string, unknown>> {
  const { passScore, maxShareOfBudget } = allocation;
  // The decimals first, in the rules' own words; then the engine judges the policy as a whole.
  const passScoreText = typeof passScore === 'string' ? passScore : undefined;
  const score = passScoreText === undefined ? undefined : decimal(passScoreText, at('allocation.passScore'), 4);
  if (typeof maxShareOfBudget === 'string') {
    positiveDecimal(maxShareOfBudget, at('allocation.maxShareOfBudget'), 4, 1);
  }
  try {
    const request = parseAllocationRequest({ pool: poolFen, projects: [], policy: allocation });
    allocate(request.input, request.policy);
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error;
    const inside = error.field?.startsWith('policy') ? error.field.slice('policy'.length) : '';
    throw RulesErrors.allocationInvalid(at(`allocation${inside}`), error.code);
  }
  if (score !== undefined && passScoreText !== undefined) {
    // The best possible total: every scored criterion at its maximum, times its weight.
    const top = Rational.sum(
      rubric
        .filter((criterion) => !criterion.gate)
        .map((criterion) => Rational.parse(criterion.maxPoints).mul(Rational.parse(criterion.weight))),
    );
    if (score.gt(top)) {
      throw RulesErrors.passScoreAboveTop(at('allocation.passScore'), passScoreText, top.toDecimalString());
    }
  }
  const minGrant = allocation.minGrant;
  if (typeof minGrant === 'number' && minGrant > maxRequestFen) {
    throw RulesErrors.minGrantAboveCap(at('allocation.minGrant'), yuanFigure(minGrant), yuanFigure(maxRequestFen));
  }
  return allocation;
}

/**
 * What a tranche sent without a condition waits for, by its place in the schedule, as the usual
 * agreement words it: the first on signing, the last after the final evaluation, those in between
 * after the mid-term evaluation.
 */
function defaultCondition(index: number, count: number): TrancheCondition {
  if (index === 0) return { kind: 'on-signing' };
  return { kind: 'evaluation-passed', stage: index === count - 1 ? 'final' : 'mid' };
}

function checkCondition(
  draft: TrancheConditionDraft | TrancheCondition,
  grants: GrantRules,
  at: At,
  index: number,
): TrancheCondition {
  const sent = draft as TrancheConditionDraft;
  const where = (part: string) => at(`tranches.${index}.condition.${part}`);
  switch (sent.kind) {
    case 'on-signing':
      return { kind: 'on-signing' };
    case 'report-accepted': {
      if (sent.report !== ReportKind.MidTerm && sent.report !== ReportKind.Final) {
        throw RulesErrors.conditionReportUnknown(where('report'), index);
      }
      const required = { [ReportKind.MidTerm]: grants.reports.midTerm, [ReportKind.Final]: grants.reports.final };
      if (!required[sent.report]) throw RulesErrors.conditionReportNotRequired(where('report'), index);
      return { kind: 'report-accepted', report: sent.report };
    }
    case 'evaluation-passed':
      if (sent.stage !== 'mid' && sent.stage !== 'final') throw RulesErrors.conditionStage(where('stage'), index);
      return { kind: 'evaluation-passed', stage: sent.stage };
    case 'milestone-accepted':
      if (sent.milestone === undefined || !Number.isInteger(sent.milestone) || sent.milestone < 1) {
        throw RulesErrors.conditionMilestone(where('milestone'), index);
      }
      return { kind: 'milestone-accepted', milestone: sent.milestone };
    case 'date':
      if (sent.date === undefined || !isIsoDate(sent.date)) throw RulesErrors.conditionDate(where('date'), index);
      return { kind: 'date', date: sent.date };
    default:
      throw RulesErrors.conditionKind(where('kind'), index);
  }
}

function checkTranches(tranches: readonly TrancheDraft[], grants: GrantRules, at: At): TrancheRule[] {
  if (tranches.length === 0) throw RulesErrors.noTranche(at('tranches'));
  const total = tranches.reduce((sum, tranche) => sum + tranche.percent, 0);
  if (total !== 100) throw RulesErrors.tranchesNotWhole(at('tranches'), total);
  return tranches.map(({ labelZh, labelEn, percent, condition }, i) => ({
    labelZh,
    labelEn,
    percent,
    condition: condition ? checkCondition(condition, grants, at, i) : defaultCondition(i, tranches.length),
  }));
}

/** The grant terms as a whole: the Chinese agreement always (it governs), each language once. */
function checkGrantRules(grants: GrantRules, at: At): GrantRules {
  const locales = [...grants.agreementLocales];
  if (!locales.includes('zh')) throw RulesErrors.agreementWithoutChinese(at('grants.agreementLocales'));
  if (new Set(locales).size !== locales.length || locales.some((l) => !AGREEMENT_LOCALES.includes(l))) {
    throw RulesErrors.agreementLanguagesRepeated(at('grants.agreementLocales'));
  }
  const { monthly, monthlyDueDay, midTerm, final, finalDueDays } = grants.reports;
  return {
    agreementLocales: AGREEMENT_LOCALES.filter((l) => locales.includes(l)),
    reports: { monthly, monthlyDueDay, midTerm, final, finalDueDays },
    refundDays: grants.refundDays,
  };
}

/** The monthly checklist: unique keys, points adding up to the score's total. */
function checkMonthlyChecks(checks: MonthlyCheckRules, at: At): MonthlyCheckRules {
  uniqueKeys(checks.checklist, 'supervision.monthlyChecks.checklist', at);
  const total = checks.checklist.reduce((sum, item) => sum + item.points, 0);
  if (total !== MONTHLY_CHECK_TOTAL) {
    throw SupervisionErrors.checklistNotWhole(at('supervision.monthlyChecks.checklist'), total);
  }
  return {
    checklist: checks.checklist.map(({ key, labelZh, labelEn, points }) => ({ key, labelZh, labelEn, points })),
    exit: { below: checks.exit.below, consecutive: checks.exit.consecutive },
  };
}

/** A score out of 100 as evaluations publish it: 0 to 100 with at most 2 decimals. */
function scoreOutOf100(value: string, at: RulesField): Rational {
  const score = decimal(value, at, 2);
  if (score.gt(Rational.of(100))) throw EvaluationErrors.scoreAbove100(at);
  return score;
}

/**
 * The evaluation section: its rubric and aggregation checked as the roadshow's are, then bands
 * covering 0–100 with at least one passing, one threshold per star level, and star gates on scored
 * criteria. Rules sent without one take 义乌江东's preset, so every saved rules set states its own.
 */
function checkEvaluation(evaluation: EvaluationRules, rules: At): EvaluationRules {
  const at: At = (path) => rules(`evaluation.${path}`);
  const rubric = checkRubric(present(evaluation.rubric, at('rubric')), at);
  const aggregation = checkAggregation(present(evaluation.aggregation, at('aggregation')), at);
  const bands = present(evaluation.bands, at('bands'));
  const floors = new Map<string, string>();
  bands.forEach((band, i) => {
    if (bands.slice(0, i).some((earlier) => earlier.key === band.key)) {
      throw RulesErrors.keyRepeated(at(`bands.${i}.key`), band.key);
    }
    const score = scoreOutOf100(band.minScore, at(`bands.${i}.minScore`)).toDecimalString(2);
    if (floors.has(score)) throw EvaluationErrors.bandScoreRepeated(at(`bands.${i}.minScore`), band.minScore);
    floors.set(score, band.key);
  });
  if (!floors.has('0.00')) throw EvaluationErrors.bandsWithoutFloor(at('bands'));
  if (!bands.some((band) => band.passes)) throw EvaluationErrors.bandsNonePasses(at('bands'));
  const stars = present(evaluation.stars, at('stars'));
  const levels = new Set<number>();
  stars.forEach((level, i) => {
    scoreOutOf100(level.minScore, at(`stars.${i}.minScore`));
    if (levels.has(level.stars)) throw EvaluationErrors.starsRepeated(at(`stars.${i}.stars`), level.stars);
    levels.add(level.stars);
  });
  const scored = new Set(rubric.filter((criterion) => !criterion.gate).map((criterion) => criterion.key));
  const starGates = present(evaluation.starGates, at('starGates'));
  starGates.forEach((gate, i) => {
    if (!scored.has(gate.criterion)) {
      throw EvaluationErrors.starGateCriterion(at(`starGates.${i}.criterion`), gate.criterion);
    }
    positiveDecimal(gate.minShare, at(`starGates.${i}.minShare`), 4, 1);
  });
  return {
    rubric,
    aggregation,
    bands: bands.map(({ key, labelZh, labelEn, minScore, passes }) => ({ key, labelZh, labelEn, minScore, passes })),
    stars: stars.map(({ stars: count, minScore }) => ({ stars: count, minScore })),
    starGates: starGates.map(({ criterion, minShare, effect }) => ({ criterion, minShare, effect })),
    remediationDays: present(evaluation.remediationDays, at('remediationDays')),
  };
}

/** The supervision terms with only the known fields; their ranges are the DTO's. */
function checkSupervision(supervision: SupervisionRules, at: At): SupervisionRules {
  const { noActiveSanction, noOverdueReport, maxActiveGrants, noFailedEvaluationInLast } = supervision.eligibility;
  return {
    sanctionYears: supervision.sanctionYears,
    monthlyChecks: supervision.monthlyChecks ? checkMonthlyChecks(supervision.monthlyChecks, at) : null,
    eligibility: {
      noActiveSanction,
      noOverdueReport,
      maxActiveGrants,
      noFailedEvaluationInLast,
    },
  };
}

/**
 * Checks a complete set of rules against itself and the pool, and returns them as plain data
 * with only the known fields. Field-level types and ranges are the DTO's job; this checks what
 * only the whole can tell (unique keys, sums, cross-references, caps against the pool) and the
 * decimals the DTO takes as text. `field` is where the rules sit in the request, so that errors
 * name the request's own paths: `rules` in a competition's body, `''` when the body is the rules.
 */
export function validateCompetitionRules(draft: RulesDraft, poolFen: number, field = 'rules'): CompetitionRules {
  const at: At = (path) => ({ name: rulesFieldName(path), path: field ? `${field}.${path}` : path });
  const categories = checkCategories(present(draft.categories, at('categories')), at);
  const rubric = checkRubric(present(draft.rubric, at('rubric')), at);
  const aggregation = checkRoadshowAggregation(present(draft.aggregation, at('aggregation')), at);
  const components =
    draft.components && draft.components.length > 0 ? checkComponents(draft.components, at) : undefined;
  const tieBreaks = checkTieBreaks(present(draft.tieBreaks, at('tieBreaks')), rubric, at);
  const maxRequestFen = present(draft.maxRequestFen, at('maxRequestFen'));
  if (maxRequestFen > poolFen) {
    throw RulesErrors.capAbovePool(at('maxRequestFen'), yuanFigure(maxRequestFen), yuanFigure(poolFen));
  }
  const minRequestFen = draft.minRequestFen ?? undefined;
  if (minRequestFen !== undefined && minRequestFen > maxRequestFen) {
    throw RulesErrors.minimumAboveCap(at('minRequestFen'), yuanFigure(minRequestFen), yuanFigure(maxRequestFen));
  }
  const maxShareOfBudget = draft.maxShareOfBudget ?? undefined;
  if (maxShareOfBudget !== undefined) {
    positiveDecimal(maxShareOfBudget, at('maxShareOfBudget'), 4, 1);
  }
  const grants = checkGrantRules(present(draft.grants, at('grants')), at);
  const allocation = checkAllocation(present(draft.allocation, at('allocation')), poolFen, maxRequestFen, rubric, at);
  return {
    categories,
    rubric,
    aggregation,
    ...(components ? { components } : {}),
    tieBreaks,
    allocation,
    maxRequestFen,
    ...(minRequestFen !== undefined ? { minRequestFen } : {}),
    ...(maxShareOfBudget !== undefined ? { maxShareOfBudget } : {}),
    onePerOrganization: present(draft.onePerOrganization, at('onePerOrganization')),
    tranches: checkTranches(present(draft.tranches, at('tranches')), grants, at),
    grants,
    supervision: checkSupervision(present(draft.supervision, at('supervision')), at),
    publicityDays: present(draft.publicityDays, at('publicityDays')),
    pitchSeconds: present(draft.pitchSeconds, at('pitchSeconds')),
    evaluation: checkEvaluation(draft.evaluation ?? JIANGDONG_EVALUATION, at),
  };
}
