import type { ScoringErrorCode } from '@app/scoring';
import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { AGGREGATION_METHOD_LABELS, TRANCHE_CONDITION_LABELS } from '../labels';
import { refusal } from './refusal';
import { SCORING_PROBLEMS } from './scoring.errors';

export enum RulesRefusal {
  Missing = 'RULE_MISSING',
  DecimalNegative = 'DECIMAL_NEGATIVE',
  DecimalFormat = 'DECIMAL_FORMAT',
  DecimalOutOfRange = 'DECIMAL_OUT_OF_RANGE',
  KeyFormat = 'KEY_FORMAT',
  KeyRepeated = 'KEY_REPEATED',
  NoCategory = 'NO_CATEGORY',
  NoScoredCriterion = 'NO_SCORED_CRITERION',
  TrimNeedsDrop = 'TRIM_NEEDS_DROP',
  TrimNeedsMinJudges = 'TRIM_NEEDS_MIN_JUDGES',
  OnlyForTrimmedMean = 'ONLY_FOR_TRIMMED_MEAN',
  GroupWeightsEmpty = 'GROUP_WEIGHTS_EMPTY',
  TieBreakUnknown = 'TIE_BREAK_UNKNOWN',
  TieBreakRepeated = 'TIE_BREAK_REPEATED',
  PassScoreAboveTop = 'PASS_SCORE_ABOVE_TOP',
  MinGrantAboveCap = 'MIN_GRANT_ABOVE_CAP',
  NoTranche = 'NO_TRANCHE',
  ConditionReportUnknown = 'CONDITION_REPORT_UNKNOWN',
  ConditionReportNotRequired = 'CONDITION_REPORT_NOT_REQUIRED',
  ConditionStage = 'CONDITION_STAGE_UNKNOWN',
  ConditionMilestone = 'CONDITION_MILESTONE_MISSING',
  ConditionDate = 'CONDITION_DATE_MISSING',
  ConditionKind = 'CONDITION_KIND_UNKNOWN',
  AgreementWithoutChinese = 'AGREEMENT_WITHOUT_CHINESE',
  AgreementLanguagesRepeated = 'AGREEMENT_LANGUAGES_REPEATED',
  TranchesNotWhole = 'TRANCHES_NOT_100_PERCENT',
  CapAbovePool = 'CAP_ABOVE_POOL',
  MinimumAboveCap = 'MINIMUM_ABOVE_CAP',
  ComponentWeightOrBonus = 'COMPONENT_WEIGHT_OR_BONUS',
  ComponentWeightsNotWhole = 'COMPONENT_WEIGHTS_NOT_1',
  ComponentNoRoadshow = 'COMPONENT_NO_ROADSHOW',
  ComponentRoadshowTwice = 'COMPONENT_ROADSHOW_TWICE',
  ComponentNeedsMaxPoints = 'COMPONENT_NEEDS_MAX_POINTS',
  ComponentFieldNotForSource = 'COMPONENT_FIELD_NOT_FOR_SOURCE',
  NormalizationFields = 'NORMALIZATION_FIELDS',
}

/** A field of the rules: as people name it, and where it is in the request. */
export interface RulesField {
  readonly name: BilingualMessage;
  readonly path: string;
}

function invalid(reason: string, at: RulesField, message: BilingualMessage) {
  return refusal(DomainErrorCode.ValidationFailed, reason, message, at.path);
}

const TRIMMED_MEAN = AGGREGATION_METHOD_LABELS['trimmed-mean'];

export const RulesErrors = {
  componentWeightOrBonus: (at: RulesField) =>
    invalid(RulesRefusal.ComponentWeightOrBonus, at, {
      zh: `${at.name.zh}须给出权重或加分上限，二者只能选一`,
      en: `${at.name.en} needs either a weight or a bonus cap, not both`,
    }),

  componentWeightsNotWhole: (at: RulesField, total: string) =>
    invalid(RulesRefusal.ComponentWeightsNotWhole, at, {
      zh: `评分构成的权重合计须为 1（现为 ${total}），加分项不计入`,
      en: `the weights of the score components must add up to 1 (they add up to ${total}); bonuses do not count`,
    }),

  componentNoRoadshow: (at: RulesField) =>
    invalid(RulesRefusal.ComponentNoRoadshow, at, {
      zh: '评分构成须包含一项来源为“路演”的构成（评委当场打分）',
      en: 'the score components need one whose source is the roadshow (the judges’ scores)',
    }),

  componentRoadshowTwice: (at: RulesField) =>
    invalid(RulesRefusal.ComponentRoadshowTwice, at, {
      zh: '来源为“路演”的评分构成只能有一项',
      en: 'only one score component can come from the roadshow',
    }),

  componentNeedsMaxPoints: (at: RulesField) =>
    invalid(RulesRefusal.ComponentNeedsMaxPoints, at, {
      zh: `请给出${at.name.zh}：来源为录入或投票的评分构成须有最高分`,
      en: `${at.name.en} is required: a component entered by the office or from the vote has a maximum`,
    }),

  componentFieldNotForSource: (at: RulesField, source: string) =>
    invalid(RulesRefusal.ComponentFieldNotForSource, at, {
      zh: `来源为“${source}”的评分构成不设${at.name.zh}`,
      en: `a score component from "${source}" has no ${at.name.en}`,
    }),

  normalizationFields: (at: RulesField) =>
    invalid(RulesRefusal.NormalizationFields, at, {
      zh: `${at.name.zh}：按评委标准分标准化须给出标准差口径（样本或总体）和每位评委最少评分项目数（至少 2），不标准化时二者都不给`,
      en: `${at.name.en}: per-judge standardization needs the standard deviation (sample or population) and the minimum of projects per judge (at least 2); without it, neither is given`,
    }),

  missing: (at: RulesField) =>
    invalid(RulesRefusal.Missing, at, { zh: `请给出${at.name.zh}`, en: `${at.name.en} is required` }),

  decimalNegative: (at: RulesField) =>
    invalid(RulesRefusal.DecimalNegative, at, {
      zh: `${at.name.zh}不能为负数，也不能带负号`,
      en: `${at.name.en} must not be negative or carry a minus sign`,
    }),

  decimalFormat: (at: RulesField, places: number) =>
    invalid(RulesRefusal.DecimalFormat, at, {
      zh: `${at.name.zh}必须是数字（如 25 或 7.5），最多 ${places} 位小数`,
      en: `${at.name.en} must be a number such as 25 or 7.5, with at most ${places} decimal places`,
    }),

  decimalOutOfRange: (at: RulesField, max: number) =>
    invalid(RulesRefusal.DecimalOutOfRange, at, {
      zh: `${at.name.zh}必须大于 0 且不超过 ${max}`,
      en: `${at.name.en} must be above 0 and at most ${max}`,
    }),

  keyFormat: (at: RulesField) =>
    invalid(RulesRefusal.KeyFormat, at, {
      zh: `${at.name.zh}只能用小写字母、数字和连字符，最长 40 个字符`,
      en: `${at.name.en} may use only lower-case letters, digits and hyphens, at most 40 characters`,
    }),

  keyRepeated: (at: RulesField, key: string) =>
    invalid(RulesRefusal.KeyRepeated, at, {
      zh: `${at.name.zh}重复：「${key}」已出现过`,
      en: `${at.name.en} repeats "${key}"`,
    }),

  noCategory: (at: RulesField) =>
    invalid(RulesRefusal.NoCategory, at, { zh: '至少需要一个项目类别', en: 'at least one category is needed' }),

  noScoredCriterion: (at: RulesField) =>
    invalid(RulesRefusal.NoScoredCriterion, at, {
      zh: '评分细则至少需要一个计分项（门槛项不计入总分）',
      en: 'the rubric needs at least one scored criterion (gate criteria do not add to the total)',
    }),

  trimNeedsDrop: (at: RulesField) =>
    invalid(RulesRefusal.TrimNeedsDrop, at, {
      zh: `计分方式为“${TRIMMED_MEAN.zh}”时，${at.name.zh}至少为 1`,
      en: `with a trimmed mean, the ${at.name.en} must be at least 1`,
    }),

  trimNeedsMinJudges: (at: RulesField) =>
    invalid(RulesRefusal.TrimNeedsMinJudges, at, {
      zh: `计分方式为“${TRIMMED_MEAN.zh}”时须给出${at.name.zh}`,
      en: `with a trimmed mean, the ${at.name.en} is required`,
    }),

  onlyForTrimmedMean: (at: RulesField) =>
    invalid(RulesRefusal.OnlyForTrimmedMean, at, {
      zh: `${at.name.zh}只适用于“${TRIMMED_MEAN.zh}”`,
      en: `the ${at.name.en} is used only with a trimmed mean`,
    }),

  groupWeightsEmpty: (at: RulesField) =>
    invalid(RulesRefusal.GroupWeightsEmpty, at, {
      zh: `给出${at.name.zh}时，至少要有一个评委组的权重`,
      en: `${at.name.en}, when given, need the weight of at least one judge group`,
    }),

  /** `allowed` are the tie-breaks the rubric offers, as people read them. */
  tieBreakUnknown: (at: RulesField, allowed: readonly BilingualMessage[]) =>
    invalid(RulesRefusal.TieBreakUnknown, at, {
      zh: `${at.name.zh}不是可用的同分排序规则；可用：${allowed.map((a) => a.zh).join('、')}`,
      en: `${at.name.en} is not a known tie-break; use one of: ${allowed.map((a) => a.en).join('; ')}`,
    }),

  tieBreakRepeated: (at: RulesField, tieBreak: BilingualMessage) =>
    invalid(RulesRefusal.TieBreakRepeated, at, {
      zh: `${at.name.zh}重复：「${tieBreak.zh}」已在前面出现`,
      en: `${at.name.en} repeats "${tieBreak.en}"`,
    }),

  /** The scoring engine refused the allocation policy: its code is the reason. */
  allocationInvalid: (at: RulesField, code: `${ScoringErrorCode}`) =>
    invalid(code, at, {
      zh: `${at.name.zh}无效：${SCORING_PROBLEMS[code].zh}`,
      en: `${at.name.en} is not valid: ${SCORING_PROBLEMS[code].en}`,
    }),

  passScoreAboveTop: (at: RulesField, passScore: string, top: string) =>
    invalid(RulesRefusal.PassScoreAboveTop, at, {
      zh: `${at.name.zh}为 ${passScore}，高于评分细则的满分 ${top}，将没有项目能获得资助`,
      en: `the ${at.name.en}, ${passScore}, is above the rubric's highest possible total of ${top}, so no project could be funded`,
    }),

  minGrantAboveCap: (at: RulesField, minGrant: string, cap: string) =>
    invalid(RulesRefusal.MinGrantAboveCap, at, {
      zh: `${at.name.zh}为 ${minGrant}，高于单个项目申请上限 ${cap}，将没有项目能获得资助`,
      en: `the ${at.name.en}, ${minGrant}, is above the per-project cap of ${cap}, so no project could be funded`,
    }),

  noTranche: (at: RulesField) =>
    invalid(RulesRefusal.NoTranche, at, { zh: '拨付计划至少需要一期', en: 'the tranches need at least one payment' }),

  conditionReportUnknown: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionReportUnknown, at, {
      zh: `第 ${index + 1} 期的拨付条件须依据中期报告或结项报告`,
      en: `the condition of tranche ${index + 1} must name the mid-term or the final report`,
    }),

  conditionReportNotRequired: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionReportNotRequired, at, {
      zh: `第 ${index + 1} 期的拨付条件所依据的报告不在本大赛要求的报告之列，请先在资助条款中要求该报告`,
      en: `the condition of tranche ${index + 1} names a report the rules do not call for; require it in the grant terms first`,
    }),

  conditionStage: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionStage, at, {
      zh: `第 ${index + 1} 期的拨付条件须为中期评估或结项评估`,
      en: `the condition of tranche ${index + 1} must be the mid-term or the final evaluation`,
    }),

  conditionMilestone: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionMilestone, at, {
      zh: `第 ${index + 1} 期的拨付条件须写明项目计划中的里程碑序号（从 1 起）`,
      en: `the condition of tranche ${index + 1} must name a milestone of the project plan by its number, from 1`,
    }),

  conditionDate: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionDate, at, {
      zh: `第 ${index + 1} 期的拨付条件须写明日期，如 2027-06-30`,
      en: `the condition of tranche ${index + 1} must name a date such as 2027-06-30`,
    }),

  conditionKind: (at: RulesField, index: number) =>
    invalid(RulesRefusal.ConditionKind, at, {
      zh: `第 ${index + 1} 期的拨付条件须为以下之一：${Object.values(TRANCHE_CONDITION_LABELS)
        .map((label) => label.zh)
        .join('、')}`,
      en: `the condition of tranche ${index + 1} must be one of: ${Object.values(TRANCHE_CONDITION_LABELS)
        .map((label) => label.en.toLowerCase())
        .join(', ')}`,
    }),

  agreementWithoutChinese: (at: RulesField) =>
    invalid(RulesRefusal.AgreementWithoutChinese, at, {
      zh: '协议书语言须包含中文：中文协议书是签约依据',
      en: 'the agreement languages must include Chinese: the Chinese agreement governs',
    }),

  agreementLanguagesRepeated: (at: RulesField) =>
    invalid(RulesRefusal.AgreementLanguagesRepeated, at, {
      zh: '协议书语言每种只列一次，可选中文和英文',
      en: 'the agreement languages list each language once, from Chinese and English',
    }),

  tranchesNotWhole: (at: RulesField, total: number) =>
    invalid(RulesRefusal.TranchesNotWhole, at, {
      zh: `各期拨付比例之和必须为 100%，现为 ${total}%`,
      en: `the tranches' percents must add up to 100, not ${total}`,
    }),

  capAbovePool: (at: RulesField, cap: string, pool: string) =>
    invalid(RulesRefusal.CapAbovePool, at, {
      zh: `单个项目申请上限 ${cap} 不能超过资金池 ${pool}`,
      en: `the per-project cap of ${cap} must not exceed the pool of ${pool}`,
    }),

  minimumAboveCap: (at: RulesField, minimum: string, cap: string) =>
    invalid(RulesRefusal.MinimumAboveCap, at, {
      zh: `申请下限 ${minimum} 不能高于申请上限 ${cap}`,
      en: `the minimum request of ${minimum} must not exceed the cap of ${cap}`,
    }),
} as const;
