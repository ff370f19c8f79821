import { BilingualMessage } from './domain-error';
import { EVALUATION_RULES_FIELD_LABELS } from './evaluation-vocabulary';
import { FieldLabel, FieldStep, fieldName } from './field-label';
import { JUDGE_GROUP_LABELS } from './labels';
import { JudgeGroup } from './vocabulary';

function label(zh: string, en: string, enItem?: string): FieldLabel {
  return enItem === undefined ? { zh, en } : { zh, en, enItem };
}

function groupWeight(group: JudgeGroup): FieldLabel {
  const { zh, en } = JUDGE_GROUP_LABELS[group];
  return label(`${zh}组权重`, `weight of the ${en.toLowerCase()} group`);
}

/**
 * The fields of a competition's rules as people name them, by their path inside the rules (`*`
 * for an item of a list). The rules DTOs label their properties from here, and the rules
 * validator, the scoring engine's refusals and a failed ranking run name fields through
 * rulesFieldName, so a field reads the same wherever it is refused.
 */
export const RULES_FIELD_LABELS = {
  categories: label('项目类别', 'categories', 'category'),
  'categories.*.key': label('类别代码', 'category key'),
  'categories.*.labelZh': label('中文名称', 'Chinese name'),
  'categories.*.labelEn': label('英文名称', 'English name'),
  rubric: label('评分细则', 'rubric', 'criterion'),
  'rubric.*.key': label('评分项代码', 'criterion key'),
  'rubric.*.labelZh': label('中文名称', 'Chinese name'),
  'rubric.*.labelEn': label('英文名称', 'English name'),
  'rubric.*.maxPoints': label('满分', 'maximum points'),
  'rubric.*.weight': label('权重', 'weight'),
  'rubric.*.gate': label('门槛项', 'gate'),
  aggregation: label('计分方法', 'aggregation'),
  'aggregation.method': label('计分方式', 'aggregation method'),
  'aggregation.drop': label('去掉最高分和最低分的个数', 'number of highest and lowest scores dropped'),
  'aggregation.minJudgesAfterTrim': label('去分后至少保留的评委数', 'minimum of judges left after dropping'),
  'aggregation.decimals': label('保留小数位数', 'decimal places'),
  'aggregation.groupWeights': label('评委组权重', 'judge group weights'),
  'aggregation.groupWeights.expert': groupWeight(JudgeGroup.Expert),
  'aggregation.groupWeights.department': groupWeight(JudgeGroup.Department),
  'aggregation.groupWeights.media': groupWeight(JudgeGroup.Media),
  'aggregation.groupWeights.resident': groupWeight(JudgeGroup.Resident),
  'aggregation.normalization': label('评委标准化', 'normalization'),
  'aggregation.normalization.kind': label('标准化方式', 'normalization method'),
  'aggregation.normalization.sd': label('标准差口径', 'standard deviation (sample or population)'),
  'aggregation.normalization.minProjectsPerJudge': label(
    '标准化所需的每位评委最少评分项目数',
    'minimum of projects a judge scored to be normalized',
  ),
  'aggregation.biasThreshold': label('评委倾向性提示阈值', 'judge bias threshold'),
  components: label('评分构成', 'score components', 'component'),
  'components.*.key': label('构成代码', 'component key'),
  'components.*.labelZh': label('中文名称', 'Chinese name'),
  'components.*.labelEn': label('英文名称', 'English name'),
  'components.*.source': label('分数来源', 'source'),
  'components.*.weight': label('权重', 'weight'),
  'components.*.bonusCap': label('加分上限', 'bonus cap'),
  'components.*.maxPoints': label('最高分', 'maximum points'),
  'components.*.fenPerPoint': label('每分对应捐赠金额（分）', 'donation per point (fen)'),
  tieBreaks: label('同分排序规则', 'tie-breaks', 'tie-break'),
  allocation: label('资金分配规则', 'allocation policy'),
  'allocation.rule': label('分配方式', 'allocation rule'),
  'allocation.passScore': label('合格分数线', 'pass score'),
  'allocation.minGrant': label('最低资助额（分）', 'minimum grant in fen'),
  'allocation.maxGrant': label('最高资助额（分）', 'maximum grant in fen'),
  'allocation.maxShareOfBudget': label('资助额占项目预算的上限', 'largest share of the budget granted'),
  'allocation.unit': label('金额取整单位（分）', 'rounding unit of amounts in fen'),
  'allocation.partial': label('部分资助', 'partial funding'),
  'allocation.partial.minimum': label('部分资助的最低剩余资金（分）', 'least remainder worth a partial grant in fen'),
  'allocation.tiers': label('名次档位', 'tiers'),
  'allocation.tiers.by': label('分档依据', 'what the tiers go by'),
  'allocation.tiers.bands': label('档位', 'tiers', 'tier'),
  'allocation.tiers.bands.*.from': label('起始名次', 'first rank'),
  'allocation.tiers.bands.*.to': label('截止名次', 'last rank'),
  'allocation.tiers.bands.*.amount': label('每项金额（分）', 'amount each in fen'),
  'allocation.tiers.bands.*.minScore': label('最低分数', 'lowest score'),
  'allocation.maxProjects': label('最多资助项目数', 'most projects funded'),
  'allocation.onePerOrganization': label('每个组织最多资助一个项目', 'at most one grant per organization'),
  'allocation.communityLimit': label('每个社区最多资助项目数', 'most projects funded per community'),
  'allocation.quotas': label('类别配额', 'category quotas', 'quota'),
  'allocation.quotas.*.category': label('类别', 'category'),
  'allocation.quotas.*.minCount': label('最少资助项目数', 'fewest projects funded'),
  'allocation.quotas.*.maxCount': label('最多资助项目数', 'most projects funded'),
  'allocation.quotas.*.minAmount': label('最少资助金额（分）', 'least amount granted in fen'),
  'allocation.quotas.*.maxAmount': label('最多资助金额（分）', 'most amount granted in fen'),
  'allocation.costUnit': label('最优分配的计算单位（分）', 'cost unit of the optimal rule in fen'),
  maxRequestFen: label('单个项目申请上限（分）', 'per-project cap in fen'),
  minRequestFen: label('单个项目申请下限（分）', 'per-project minimum in fen'),
  maxShareOfBudget: label('申请额占总预算的上限', 'largest share of the budget requested'),
  onePerOrganization: label('每个组织限报一个项目', 'one project per organization'),
  tranches: label('拨付计划', 'tranches', 'tranche'),
  'tranches.*.labelZh': label('中文说明', 'Chinese description'),
  'tranches.*.labelEn': label('英文说明', 'English description'),
  'tranches.*.percent': label('拨付比例（%）', 'percent paid'),
  'tranches.*.condition': label('拨付条件', 'condition'),
  'tranches.*.condition.kind': label('拨付条件', 'condition'),
  'tranches.*.condition.report': label('所依据的报告', 'report'),
  'tranches.*.condition.stage': label('评估阶段', 'evaluation stage'),
  'tranches.*.condition.milestone': label('里程碑序号', 'milestone number'),
  'tranches.*.condition.date': label('日期', 'date'),
  grants: label('资助条款', 'grant terms'),
  'grants.agreementLocales': label('协议书语言', 'agreement languages', 'language'),
  'grants.reports': label('报告要求', 'reports required'),
  'grants.reports.monthly': label('月度报告', 'monthly reports'),
  'grants.reports.monthlyDueDay': label('月度报告截止日（次月几日）', 'day of the next month monthly reports are due'),
  'grants.reports.midTerm': label('中期报告', 'mid-term report'),
  'grants.reports.final': label('结项报告', 'final report'),
  'grants.reports.finalDueDays': label('结项报告期限（天）', 'days to file the final report'),
  'grants.refundDays': label('退款期限（天）', 'days to refund'),
  supervision: label('监管条款', 'supervision terms'),
  'supervision.sanctionYears': label('违约限制申报年限', 'years a breach bars new submissions'),
  'supervision.monthlyChecks': label('月度考核', 'monthly checks'),
  'supervision.monthlyChecks.checklist': label('考核细则', 'checklist', 'checklist item'),
  'supervision.monthlyChecks.checklist.*.key': label('考核项代码', 'item key'),
  'supervision.monthlyChecks.checklist.*.labelZh': label('考核项中文名称', 'Chinese name of the item'),
  'supervision.monthlyChecks.checklist.*.labelEn': label('考核项英文名称', 'English name of the item'),
  'supervision.monthlyChecks.checklist.*.points': label('分值', 'points'),
  'supervision.monthlyChecks.exit': label('退出规则', 'exit rule'),
  'supervision.monthlyChecks.exit.below': label('退出分数线', 'exit line'),
  'supervision.monthlyChecks.exit.consecutive': label('连续低于分数线的月数', 'months in a row below the line'),
  'supervision.eligibility': label('申报资格', 'eligibility'),
  'supervision.eligibility.noActiveSanction': label('限制申报期内不得申报', 'no submissions while sanctioned'),
  'supervision.eligibility.noOverdueReport': label('有逾期报告不得申报', 'no submissions with a report overdue'),
  'supervision.eligibility.maxActiveGrants': label('在执行资助项目上限', 'most grants running at once'),
  'supervision.eligibility.noFailedEvaluationInLast': label(
    '最近几次评估中不得有不合格',
    'no failed evaluation among the last few',
  ),
  publicityDays: label('公示天数', 'days of public notice'),
  pitchSeconds: label('路演陈述时长（秒）', 'pitch length in seconds'),
  ...EVALUATION_RULES_FIELD_LABELS,
} as const satisfies Readonly<Record<string, FieldLabel>>;

export type RulesFieldPath = keyof typeof RULES_FIELD_LABELS;

const LABELS: Readonly<Record<string, FieldLabel | undefined>> = RULES_FIELD_LABELS;

/**
 * A field of the rules by its path inside them (`rubric.2.maxPoints`, `allocation.tiers.bands.0.amount`),
 * as people name it: "评分细则第 3 项的满分" / "maximum points of criterion 3".
 */
export function rulesFieldName(path: string): BilingualMessage {
  const steps: FieldStep[] = [];
  const pattern: string[] = [];
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) {
      steps.push({ index: Number(segment) });
      pattern.push('*');
    } else {
      pattern.push(segment);
      steps.push({ label: LABELS[pattern.join('.')] });
    }
  }
  return fieldName(steps);
}
