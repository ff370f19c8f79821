import { CompetitionRules, GrantRules, TrancheRule } from './competition-rules';
import { JIANGDONG_EVALUATION } from './evaluation-vocabulary';
import { ReportKind } from './grant-vocabulary';
import { USUAL_SUPERVISION } from './supervision-vocabulary';
import { JudgeGroup } from './vocabulary';

/** Monthly reports by the 10th, mid-term and final reports, refunds within 30 days (the usual agreement). */
const USUAL_GRANT_TERMS: GrantRules = {
  agreementLocales: ['zh'],
  reports: { monthly: true, monthlyDueDay: 10, midTerm: true, final: true, finalDueDays: 30 },
  refundDays: 30,
};

/** A small project's schedule: 70% on signing, 30% once the final report is accepted (社区微创投, every direct purchase). */
export const ON_SIGNING_THEN_FINAL_REPORT: readonly TrancheRule[] = [
  { labelZh: '签约后拨付', labelEn: 'On signing', percent: 70, condition: { kind: 'on-signing' } },
  {
    labelZh: '结项报告通过后拨付',
    labelEn: 'After the final report is accepted',
    percent: 30,
    condition: { kind: 'report-accepted', report: ReportKind.Final },
  },
];

/** 社区微创投: a 100-point rubric, experts 60% and resident representatives 40%, 70/30 tranches. */
const COMMUNITY_MICRO: CompetitionRules = {
  categories: [
    { key: 'elderly', labelZh: '为老服务', labelEn: 'Elderly care' },
    { key: 'children', labelZh: '儿童关爱', labelEn: 'Child care' },
    { key: 'neighbourhood', labelZh: '邻里互助', labelEn: 'Neighbourhood mutual aid' },
    { key: 'environment', labelZh: '环境美化', labelEn: 'Environment' },
  ],
  rubric: [
    { key: 'need', labelZh: '需求与回应', labelEn: 'Need and response', maxPoints: '30', weight: '1' },
    { key: 'design', labelZh: '活动设计', labelEn: 'Activity design', maxPoints: '30', weight: '1' },
    { key: 'budget', labelZh: '预算合理', labelEn: 'Sound budget', maxPoints: '20', weight: '1' },
    { key: 'impact', labelZh: '预期成效', labelEn: 'Expected impact', maxPoints: '20', weight: '1' },
  ],
  aggregation: {
    method: 'trimmed-mean',
    drop: 1,
    minJudgesAfterTrim: 3,
    decimals: 2,
    groupWeights: { [JudgeGroup.Expert]: '0.6', [JudgeGroup.Resident]: '0.4' },
  },
  tieBreaks: ['median', 'lower-request', 'earlier-submission'],
  allocation: { rule: 'greedy', passScore: '60' },
  maxRequestFen: 1_000_000,
  onePerOrganization: true,
  tranches: ON_SIGNING_THEN_FINAL_REPORT,
  grants: { ...USUAL_GRANT_TERMS, reports: { ...USUAL_GRANT_TERMS.reports, midTerm: false } },
  supervision: USUAL_SUPERVISION,
  publicityDays: 5,
  pitchSeconds: 300,
  evaluation: JIANGDONG_EVALUATION,
};

/**
 * Starting points the office picks from, built from published rules (docs/product.md): the roadshow
 * drops the highest and lowest score and averages the rest to 2 decimals; agreements pay 50% on
 * signing, 30% after the mid-term evaluation and 20% after the final one; the grantee reports monthly
 * and returns money within 30 days of a termination.
 */
export const COMPETITION_PRESETS: Readonly<
  Record<'party-building' | 'community-micro' | 'dongguan' | 'qingdao', CompetitionRules>
> = {
  'party-building': {
    categories: [
      { key: 'convenience', labelZh: '便民利民类', labelEn: 'Convenience services' },
      { key: 'education', labelZh: '宣传教育类', labelEn: 'Outreach and education' },
      { key: 'poverty-relief', labelZh: '扶贫帮困类', labelEn: 'Poverty relief' },
      { key: 'health', labelZh: '卫生保健类', labelEn: 'Health care' },
      { key: 'culture-sports', labelZh: '文体娱乐类', labelEn: 'Culture and sports' },
    ],
    rubric: [
      {
        key: 'party-leadership',
        labelZh: '党建引领',
        labelEn: 'Party-building leadership',
        maxPoints: '1',
        weight: '1',
        gate: true,
      },
      { key: 'need', labelZh: '需求精准', labelEn: 'Need addressed', maxPoints: '25', weight: '1' },
      { key: 'design', labelZh: '方案设计', labelEn: 'Project design', maxPoints: '25', weight: '1' },
      { key: 'feasibility', labelZh: '可行性与预算', labelEn: 'Feasibility and budget', maxPoints: '20', weight: '1' },
      { key: 'participation', labelZh: '居民参与', labelEn: 'Resident participation', maxPoints: '15', weight: '1' },
      { key: 'sustainability', labelZh: '可持续性', labelEn: 'Sustainability', maxPoints: '15', weight: '1' },
    ],
    aggregation: { method: 'trimmed-mean', drop: 1, minJudgesAfterTrim: 3, decimals: 2 },
    tieBreaks: ['median', 'criterion:need', 'lower-request', 'earlier-submission'],
    allocation: { rule: 'greedy', passScore: '60', minGrant: 500_000 },
    maxRequestFen: 5_000_000,
    minRequestFen: 500_000,
    maxShareOfBudget: '0.8',
    onePerOrganization: true,
    tranches: [
      { labelZh: '签约后拨付', labelEn: 'On signing', percent: 50, condition: { kind: 'on-signing' } },
      {
        labelZh: '中期评估合格后拨付',
        labelEn: 'After the mid-term evaluation',
        percent: 30,
        condition: { kind: 'evaluation-passed', stage: 'mid' },
      },
      {
        labelZh: '结项评估合格后拨付',
        labelEn: 'After the final evaluation',
        percent: 20,
        condition: { kind: 'evaluation-passed', stage: 'final' },
      },
    ],
    grants: USUAL_GRANT_TERMS,
    supervision: USUAL_SUPERVISION,
    publicityDays: 7,
    pitchSeconds: 420,
    evaluation: JIANGDONG_EVALUATION,
  },
  'community-micro': COMMUNITY_MICRO,
  /**
   * 东莞市第一届公益创投 (2011): 60% the on-site panel, 20% directed donations, 20% the online vote
   * (docs/score-components.md). Donations are entered in fen and give one point per ¥1,000 up to 100.
   */
  dongguan: {
    ...COMMUNITY_MICRO,
    aggregation: { method: 'trimmed-mean', drop: 1, minJudgesAfterTrim: 3, decimals: 2, biasThreshold: '5' },
    components: [
      { key: 'roadshow', labelZh: '现场评审', labelEn: 'On-site panel', source: 'roadshow', weight: '0.6' },
      {
        key: 'donations',
        labelZh: '定向捐赠',
        labelEn: 'Directed donations',
        source: 'input',
        weight: '0.2',
        maxPoints: '100',
        fenPerPoint: 100_000,
      },
      { key: 'vote', labelZh: '网络投票', labelEn: 'Online vote', source: 'vote', weight: '0.2', maxPoints: '100' },
    ],
  },
  /** 青岛: 15% the preliminary round, 25% the document review, 60% the roadshow (docs/score-components.md). */
  qingdao: {
    ...COMMUNITY_MICRO,
    aggregation: { method: 'trimmed-mean', drop: 1, minJudgesAfterTrim: 3, decimals: 2, biasThreshold: '5' },
    components: [
      {
        key: 'preliminary',
        labelZh: '初评',
        labelEn: 'Preliminary round',
        source: 'input',
        weight: '0.15',
        maxPoints: '100',
      },
      {
        key: 'documents',
        labelZh: '材料评审',
        labelEn: 'Document review',
        source: 'input',
        weight: '0.25',
        maxPoints: '100',
      },
      { key: 'roadshow', labelZh: '路演', labelEn: 'Roadshow', source: 'roadshow', weight: '0.6' },
    ],
  },
};

export type CompetitionPresetName = keyof typeof COMPETITION_PRESETS;

/**
 * The presets that are a way of making the final score (components, normalization, bias threshold):
 * the office may put one on a draft competition's rules from the rules editor, keeping the rest.
 */
export const SCORE_COMPONENT_PRESETS: readonly CompetitionPresetName[] = (
  Object.keys(COMPETITION_PRESETS) as CompetitionPresetName[]
).filter((name) => COMPETITION_PRESETS[name].components !== undefined);
