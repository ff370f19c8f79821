import {
  AGREEMENT_LOCALES,
  AggregationRule,
  BilingualMessage,
  CategoryRule,
  CompetitionRules,
  DomainError,
  DomainErrorCode,
  GrantRules,
  JudgeGroup,
  ReportKind,
  RubricCriterionRule,
  TRANCHE_CONDITION_KINDS,
  TrancheCondition,
  TrancheRule,
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

type RulesDraft = {
  readonly [K in keyof Omit<CompetitionRules, 'tranches'>]?: CompetitionRules[K] | null;
} & { readonly tranches?: readonly TrancheDraft[] | null };

function refuse(field: string, message: BilingualMessage): never {
  throw new DomainError(DomainErrorCode.ValidationFailed, message, field);
}

function present<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null) refuse(field, { zh: `缺少必填字段 ${field}`, en: `${field} is required` });
  return value;
}

/**
 * A decimal as the rules store it: digits and an optional fraction of at most `places` digits; no
 * sign (not even on "-0", which would be stored and hashed as a second spelling of 0), no spaces,
 * no exponent.
 */
function decimal(value: string, field: string, places: number): Rational {
  if (value.startsWith('-')) {
    refuse(field, {
      zh: `${field} 不能为负数，也不能带负号（"${value}"）`,
      en: `${field} must not be negative or carry a minus sign ("${value}")`,
    });
  }
  const match = DECIMAL_PATTERN.exec(value);
  const fraction = match ? (value.split('.')[1] ?? '') : '';
  if (!match || fraction.length > places) {
    refuse(field, {
      zh: `${field} 必须是十进制数字文本（如 "25" 或 "7.5"），最多 ${places} 位小数`,
      en: `${field} must be a decimal string such as "25" or "7.5" with at most ${places} decimal places`,
    });
  }
  return Rational.parse(value);
}

/** A positive exact decimal with at most `places` decimals and at most `max`; the text stays as given. */
function positiveDecimal(value: string, field: string, places: number, max: number): string {
  const number = decimal(value, field, places);
  if (!number.gt(Rational.ZERO) || number.gt(Rational.of(max))) {
    refuse(field, { zh: `${field} 必须大于 0 且不超过 ${max}`, en: `${field} must be above 0 and at most ${max}` });
  }
  return value;
}

function uniqueKeys(items: readonly { readonly key: string }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!KEY_PATTERN.test(item.key)) {
      refuse(`${field}.${i}.key`, {
        zh: `${field}.${i}.key 只能用小写字母、数字和连字符，最长 40 个字符`,
        en: `${field}.${i}.key may use only lower-case letters, digits and hyphens, at most 40 characters`,
      });
    }
    if (seen.has(item.key)) {
      refuse(`${field}.${i}.key`, {
        zh: `${field}.${i}.key 重复：「${item.key}」已出现过`,
        en: `${field}.${i}.key repeats "${item.key}"`,
      });
    }
    seen.add(item.key);
  });
}

function checkCategories(categories: readonly CategoryRule[], field: string): CategoryRule[] {
  if (categories.length === 0) {
    refuse(field, { zh: `${field} 至少需要一个项目类别`, en: `${field} needs at least one category` });
  }
  uniqueKeys(categories, field);
  return categories.map(({ key, labelZh, labelEn }) => ({ key, labelZh, labelEn }));
}

function checkRubric(rubric: readonly RubricCriterionRule[], field: string): RubricCriterionRule[] {
  uniqueKeys(rubric, field);
  if (!rubric.some((criterion) => !criterion.gate)) {
    refuse(field, {
      zh: `${field} 至少需要一个计分项（门槛项不计入总分）`,
      en: `${field} needs at least one scored criterion (gate criteria do not add to the total)`,
    });
  }
  return rubric.map((criterion, i) => ({
    key: criterion.key,
    labelZh: criterion.labelZh,
    labelEn: criterion.labelEn,
    maxPoints: positiveDecimal(criterion.maxPoints, `${field}.${i}.maxPoints`, 2, 1000),
    weight: positiveDecimal(criterion.weight, `${field}.${i}.weight`, 4, 100),
    ...(criterion.gate ? { gate: true } : {}),
  }));
}

function checkAggregation(aggregation: AggregationRule, field: string): AggregationRule {
  const { method, drop, minJudgesAfterTrim, decimals, groupWeights } = aggregation;
  if (method === 'trimmed-mean') {
    if (drop === undefined || drop < 1) {
      refuse(`${field}.drop`, {
        zh: `去掉最高分和最低分时 ${field}.drop 至少为 1`,
        en: `${field}.drop must be at least 1 for a trimmed mean`,
      });
    }
    if (minJudgesAfterTrim === undefined) {
      refuse(`${field}.minJudgesAfterTrim`, {
        zh: `去掉最高分和最低分时须给出 ${field}.minJudgesAfterTrim`,
        en: `${field}.minJudgesAfterTrim is required for a trimmed mean`,
      });
    }
  } else {
    for (const [name, value] of [
      ['drop', drop],
      ['minJudgesAfterTrim', minJudgesAfterTrim],
    ] as const) {
      if (value !== undefined) {
        refuse(`${field}.${name}`, {
          zh: `${field}.${name} 只适用于 trimmed-mean（去掉最高分和最低分）`,
          en: `${field}.${name} applies only to trimmed-mean`,
        });
      }
    }
  }
  let weights: Partial<Record<JudgeGroup, string>> | undefined;
  if (groupWeights !== undefined) {
    weights = {};
    for (const group of Object.values(JudgeGroup)) {
      const weight = groupWeights[group];
      if (weight !== undefined) weights[group] = positiveDecimal(weight, `${field}.groupWeights.${group}`, 4, 100);
    }
    if (Object.keys(weights).length === 0) {
      refuse(`${field}.groupWeights`, {
        zh: `${field}.groupWeights 给出时至少要有一个评委组的权重`,
        en: `${field}.groupWeights, when given, needs the weight of at least one judge group`,
      });
    }
  }
  return {
    method,
    ...(drop !== undefined ? { drop } : {}),
    ...(minJudgesAfterTrim !== undefined ? { minJudgesAfterTrim } : {}),
    decimals,
    ...(weights ? { groupWeights: weights } : {}),
  };
}

function checkTieBreaks(tieBreaks: readonly string[], rubric: readonly RubricCriterionRule[], field: string): string[] {
  const seen = new Set<string>();
  tieBreaks.forEach((tieBreak, i) => {
    try {
      resolveTieBreak(tieBreak, rubric, `${field}.${i}`);
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      const allowed = allowedTieBreaks(rubric).join(', ');
      refuse(`${field}.${i}`, {
        zh: `${field}.${i} 不是可用的并列处理规则「${tieBreak}」；可用：${allowed}`,
        en: `${field}.${i} "${tieBreak}" is not a known tie-break; use one of: ${allowed}`,
      });
    }
    if (seen.has(tieBreak)) {
      refuse(`${field}.${i}`, { zh: `${field}.${i} 重复：「${tieBreak}」`, en: `${field}.${i} repeats "${tieBreak}"` });
    }
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
  field: string,
): Readonly<Record<string, unknown>> {
  try {
    const request = parseAllocationRequest({ pool: poolFen, projects: [], policy: allocation });
    allocate(request.input, request.policy);
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error;
    const at = error.field?.startsWith('policy') ? `${field}${error.field.slice('policy'.length)}` : field;
    refuse(at, { zh: `${at} 无效：${error.message}`, en: `${at} is invalid: ${error.message}` });
  }
  const { passScore, maxShareOfBudget } = allocation;
  if (typeof passScore === 'string') {
    const score = decimal(passScore, `${field}.passScore`, 4);
    // The best possible total: every scored criterion at its maximum, times its weight.
    const top = Rational.sum(
      rubric
        .filter((criterion) => !criterion.gate)
        .map((criterion) => Rational.parse(criterion.maxPoints).mul(Rational.parse(criterion.weight))),
    );
    if (score.gt(top)) {
      refuse(`${field}.passScore`, {
        zh: `${field}.passScore（${passScore}）高于评分细则的满分 ${top.toDecimalString()}，将没有项目能获得资助`,
        en: `${field}.passScore (${passScore}) is above the rubric's highest possible total of ${top.toDecimalString()}, so no project could be funded`,
      });
    }
  }
  if (typeof maxShareOfBudget === 'string') positiveDecimal(maxShareOfBudget, `${field}.maxShareOfBudget`, 4, 1);
  const minGrant = allocation.minGrant;
  if (typeof minGrant === 'number' && minGrant > maxRequestFen) {
    refuse(`${field}.minGrant`, {
      zh: `${field}.minGrant（${yuanFigure(minGrant)}）高于单个项目申请上限 ${yuanFigure(maxRequestFen)}，将没有项目能获得资助`,
      en: `${field}.minGrant (${yuanFigure(minGrant)}) is above the per-project cap of ${yuanFigure(maxRequestFen)}, so no project could be funded`,
    });
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
  field: string,
  index: number,
): TrancheCondition {
  const sent = draft as TrancheConditionDraft;
  const zh = `第 ${index + 1} 期的拨付条件`;
  const en = `the condition of tranche ${index + 1}`;
  switch (sent.kind) {
    case 'on-signing':
      return { kind: 'on-signing' };
    case 'report-accepted': {
      const kinds = { [ReportKind.MidTerm]: grants.reports.midTerm, [ReportKind.Final]: grants.reports.final };
      if (sent.report !== ReportKind.MidTerm && sent.report !== ReportKind.Final) {
        refuse(`${field}.report`, {
          zh: `${zh}须依据中期报告（mid-term）或结项报告（final）`,
          en: `${en} must name the mid-term or the final report`,
        });
      }
      if (!kinds[sent.report]) {
        refuse(`${field}.report`, {
          zh: `${zh}所依据的报告不在本大赛要求的报告之列，请先在资助管理设置中要求该报告`,
          en: `${en} names a report the rules do not call for; require it in the grant terms first`,
        });
      }
      return { kind: 'report-accepted', report: sent.report };
    }
    case 'evaluation-passed':
      if (sent.stage !== 'mid' && sent.stage !== 'final') {
        refuse(`${field}.stage`, {
          zh: `${zh}须为中期评估（mid）或结项评估（final）`,
          en: `${en} must be the mid-term (mid) or the final (final) evaluation`,
        });
      }
      return { kind: 'evaluation-passed', stage: sent.stage };
    case 'milestone-accepted':
      if (sent.milestone === undefined || !Number.isInteger(sent.milestone) || sent.milestone < 1) {
        refuse(`${field}.milestone`, {
          zh: `${zh}须写明项目计划中的里程碑序号（从 1 起）`,
          en: `${en} must name a milestone of the project plan by its number, from 1`,
        });
      }
      return { kind: 'milestone-accepted', milestone: sent.milestone };
    case 'date':
      if (sent.date === undefined || !isIsoDate(sent.date)) {
        refuse(`${field}.date`, {
          zh: `${zh}须写明日期，如 2027-06-30`,
          en: `${en} must name a date such as 2027-06-30`,
        });
      }
      return { kind: 'date', date: sent.date };
    default:
      return refuse(`${field}.kind`, {
        zh: `${zh}须为以下之一：${TRANCHE_CONDITION_KINDS.join(', ')}`,
        en: `${en} must be one of: ${TRANCHE_CONDITION_KINDS.join(', ')}`,
      });
  }
}

function checkTranches(tranches: readonly TrancheDraft[], grants: GrantRules, field: string): TrancheRule[] {
  if (tranches.length === 0) {
    refuse(field, { zh: `${field} 至少需要一期拨付`, en: `${field} needs at least one tranche` });
  }
  const total = tranches.reduce((sum, tranche) => sum + tranche.percent, 0);
  if (total !== 100) {
    refuse(field, {
      zh: `${field} 各期拨付比例之和必须为 100%，现为 ${total}%`,
      en: `${field} percents must add up to 100, not ${total}`,
    });
  }
  return tranches.map(({ labelZh, labelEn, percent, condition }, i) => ({
    labelZh,
    labelEn,
    percent,
    condition: condition
      ? checkCondition(condition, grants, `${field}.${i}.condition`, i)
      : defaultCondition(i, tranches.length),
  }));
}

/** The grant terms as a whole: the Chinese agreement always (it governs), each language once. */
function checkGrantRules(grants: GrantRules, field: string): GrantRules {
  const locales = [...grants.agreementLocales];
  if (!locales.includes('zh')) {
    refuse(`${field}.agreementLocales`, {
      zh: '协议书语言须包含中文：中文协议书是签约依据',
      en: 'the agreement languages must include Chinese: the Chinese agreement governs',
    });
  }
  if (new Set(locales).size !== locales.length || locales.some((l) => !AGREEMENT_LOCALES.includes(l))) {
    refuse(`${field}.agreementLocales`, {
      zh: `协议书语言每种只列一次，可选：${AGREEMENT_LOCALES.join(', ')}`,
      en: `the agreement languages list each language once, from: ${AGREEMENT_LOCALES.join(', ')}`,
    });
  }
  const { monthly, monthlyDueDay, midTerm, final, finalDueDays } = grants.reports;
  return {
    agreementLocales: AGREEMENT_LOCALES.filter((l) => locales.includes(l)),
    reports: { monthly, monthlyDueDay, midTerm, final, finalDueDays },
    refundDays: grants.refundDays,
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
  const at = (name: string): string => (field ? `${field}.${name}` : name);
  const categories = checkCategories(present(draft.categories, at('categories')), at('categories'));
  const rubric = checkRubric(present(draft.rubric, at('rubric')), at('rubric'));
  const aggregation = checkAggregation(present(draft.aggregation, at('aggregation')), at('aggregation'));
  const tieBreaks = checkTieBreaks(present(draft.tieBreaks, at('tieBreaks')), rubric, at('tieBreaks'));
  const maxRequestFen = present(draft.maxRequestFen, at('maxRequestFen'));
  if (maxRequestFen > poolFen) {
    refuse(at('maxRequestFen'), {
      zh: `单个项目申请上限 ${yuanFigure(maxRequestFen)} 不能超过资金池 ${yuanFigure(poolFen)}`,
      en: `the per-project cap of ${yuanFigure(maxRequestFen)} must not exceed the pool of ${yuanFigure(poolFen)}`,
    });
  }
  const minRequestFen = draft.minRequestFen ?? undefined;
  if (minRequestFen !== undefined && minRequestFen > maxRequestFen) {
    refuse(at('minRequestFen'), {
      zh: `申请下限 ${yuanFigure(minRequestFen)} 不能高于申请上限 ${yuanFigure(maxRequestFen)}`,
      en: `the minimum request of ${yuanFigure(minRequestFen)} must not exceed the cap of ${yuanFigure(maxRequestFen)}`,
    });
  }
  const maxShareOfBudget = draft.maxShareOfBudget ?? undefined;
  if (maxShareOfBudget !== undefined) {
    positiveDecimal(maxShareOfBudget, at('maxShareOfBudget'), 4, 1);
  }
  const grants = checkGrantRules(present(draft.grants, at('grants')), at('grants'));
  const allocation = checkAllocation(
    present(draft.allocation, at('allocation')),
    poolFen,
    maxRequestFen,
    rubric,
    at('allocation'),
  );
  return {
    categories,
    rubric,
    aggregation,
    tieBreaks,
    allocation,
    maxRequestFen,
    ...(minRequestFen !== undefined ? { minRequestFen } : {}),
    ...(maxShareOfBudget !== undefined ? { maxShareOfBudget } : {}),
    onePerOrganization: present(draft.onePerOrganization, at('onePerOrganization')),
    tranches: checkTranches(present(draft.tranches, at('tranches')), grants, at('tranches')),
    grants,
    publicityDays: present(draft.publicityDays, at('publicityDays')),
    pitchSeconds: present(draft.pitchSeconds, at('pitchSeconds')),
  };
}
