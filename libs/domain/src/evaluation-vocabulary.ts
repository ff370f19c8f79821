import type { AggregationRule, RubricCriterionRule } from './competition-rules';
import type { FieldLabel } from './field-label';
import type { Bilingual } from './labels';
import { JudgeGroup } from './vocabulary';

/**
 * Evaluations after the award (中期评估, 结项评估, 整改后复评), as the migrations' CHECK constraints
 * spell them. Spelled out, never renamed without a migration.
 */
export enum EvaluationStage {
  Mid = 'mid',
  Final = 'final',
  /** 整改后复评: the projects in remediation after a failed mid-term or final evaluation. */
  Reevaluation = 're-evaluation',
}

export enum EvaluationRoundState {
  Open = 'open',
  Closed = 'closed',
}

/** What a project's result in a round led to. */
export enum EvaluationOutcome {
  /** A or B: the tranche waiting on this stage is eligible; a remediation ends. */
  Passed = 'passed',
  /** C the first time: a remediation period until `remediationDueOn`, then a re-evaluation. */
  Remediation = 'remediation',
  /** C again after remediation: termination is proposed to the office. */
  TerminationProposed = 'termination-proposed',
}

/** 评估等次 a band of the score out of 100; `passes` says whether it counts as passing the stage. */
export interface EvaluationBandRule {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly minScore: string;
  readonly passes: boolean;
}

export interface EvaluationStarRule {
  readonly stars: number;
  readonly minScore: string;
}

/** The panel's mean mark on `criterion` must reach `minShare` of its maximum, or the stars drop (辛店: 党建 first). */
export interface EvaluationStarGateRule {
  readonly criterion: string;
  readonly minShare: string;
  readonly effect: 'one-fewer' | 'none';
}

/** A competition's evaluation rules, frozen with the rest of its rules. */
export interface EvaluationRules {
  readonly rubric: readonly RubricCriterionRule[];
  /** The four evaluator groups' weights and how marks combine, as the roadshow's aggregation states them. */
  readonly aggregation: AggregationRule;
  readonly bands: readonly EvaluationBandRule[];
  readonly stars: readonly EvaluationStarRule[];
  readonly starGates: readonly EvaluationStarGateRule[];
  /** Days a project that failed has to remediate before its re-evaluation. */
  readonly remediationDays: number;
}

/**
 * 义乌江东's panel of four kinds on quality, progress, public awareness, participation and
 * satisfaction (out of 100), the usual bands (≥ 85 A, 60–84 B, < 60 C) and stars from 70, quality
 * at 60% or one star fewer; 30 days to remediate.
 */
export const JIANGDONG_EVALUATION: EvaluationRules = {
  rubric: [
    { key: 'quality', labelZh: '项目质量', labelEn: 'Project quality', maxPoints: '30', weight: '1' },
    { key: 'progress', labelZh: '项目进度', labelEn: 'Progress', maxPoints: '20', weight: '1' },
    { key: 'awareness', labelZh: '社会知晓度', labelEn: 'Public awareness', maxPoints: '15', weight: '1' },
    { key: 'participation', labelZh: '居民参与度', labelEn: 'Resident participation', maxPoints: '15', weight: '1' },
    { key: 'satisfaction', labelZh: '满意度', labelEn: 'Satisfaction', maxPoints: '20', weight: '1' },
  ],
  aggregation: {
    method: 'trimmed-mean',
    drop: 1,
    minJudgesAfterTrim: 3,
    decimals: 2,
    groupWeights: {
      [JudgeGroup.Expert]: '0.3',
      [JudgeGroup.Department]: '0.2',
      [JudgeGroup.Media]: '0.2',
      [JudgeGroup.Resident]: '0.3',
    },
  },
  bands: [
    { key: 'A', labelZh: '优秀', labelEn: 'Excellent', minScore: '85', passes: true },
    { key: 'B', labelZh: '合格', labelEn: 'Pass', minScore: '60', passes: true },
    { key: 'C', labelZh: '不合格', labelEn: 'Fail', minScore: '0', passes: false },
  ],
  stars: [
    { stars: 5, minScore: '90' },
    { stars: 4, minScore: '80' },
    { stars: 3, minScore: '70' },
  ],
  starGates: [{ criterion: 'quality', minShare: '0.6', effect: 'one-fewer' }],
  remediationDays: 30,
};

/** Where an evaluator stands with one project of the round, as their tablet lists it. */
export enum EvaluatorSheetStatus {
  ToScore = 'to-score',
  Scored = 'scored',
  Recused = 'recused',
}

export const EVALUATOR_SHEET_STATUS_LABELS: Readonly<Record<EvaluatorSheetStatus, Bilingual>> = {
  [EvaluatorSheetStatus.ToScore]: { zh: '待评分', en: 'To score' },
  [EvaluatorSheetStatus.Scored]: { zh: '已评分', en: 'Scored' },
  [EvaluatorSheetStatus.Recused]: { zh: '已回避', en: 'Recused' },
};

export const EVALUATION_STAGE_LABELS: Readonly<Record<EvaluationStage, Bilingual>> = {
  [EvaluationStage.Mid]: { zh: '中期评估', en: 'Mid-term evaluation' },
  [EvaluationStage.Final]: { zh: '结项评估', en: 'Final evaluation' },
  [EvaluationStage.Reevaluation]: { zh: '整改后复评', en: 'Re-evaluation after remediation' },
};

export const EVALUATION_ROUND_STATE_LABELS: Readonly<Record<EvaluationRoundState, Bilingual>> = {
  [EvaluationRoundState.Open]: { zh: '评估中', en: 'Open' },
  [EvaluationRoundState.Closed]: { zh: '已结束', en: 'Closed' },
};

export const EVALUATION_OUTCOME_LABELS: Readonly<Record<EvaluationOutcome, Bilingual>> = {
  [EvaluationOutcome.Passed]: { zh: '评估合格', en: 'Passed' },
  [EvaluationOutcome.Remediation]: { zh: '限期整改', en: 'Remediation' },
  [EvaluationOutcome.TerminationProposed]: { zh: '建议终止资助', en: 'Termination proposed' },
};

const field = (zh: string, en: string, enItem?: string): FieldLabel => (enItem ? { zh, en, enItem } : { zh, en });

/** The evaluation section's fields as people name them, by their path inside the rules. */
export const EVALUATION_RULES_FIELD_LABELS = {
  evaluation: field('评估规则', 'evaluation rules'),
  'evaluation.rubric': field('评估细则', 'evaluation rubric', 'evaluation criterion'),
  'evaluation.rubric.*.key': field('评估项代码', 'criterion key'),
  'evaluation.rubric.*.labelZh': field('中文名称', 'Chinese name'),
  'evaluation.rubric.*.labelEn': field('英文名称', 'English name'),
  'evaluation.rubric.*.maxPoints': field('满分', 'maximum points'),
  'evaluation.rubric.*.weight': field('权重', 'weight'),
  'evaluation.rubric.*.gate': field('门槛项', 'gate'),
  'evaluation.aggregation': field('评估计分方法', 'evaluation aggregation'),
  'evaluation.aggregation.method': field('计分方式', 'aggregation method'),
  'evaluation.aggregation.drop': field('去掉最高分和最低分的个数', 'number of highest and lowest scores dropped'),
  'evaluation.aggregation.minJudgesAfterTrim': field(
    '去分后至少保留的评估人数',
    'minimum of evaluators left after dropping',
  ),
  'evaluation.aggregation.decimals': field('保留小数位数', 'decimal places'),
  'evaluation.aggregation.groupWeights': field('评估组权重', 'evaluator group weights'),
  'evaluation.aggregation.groupWeights.expert': field('技术专家组权重', 'weight of the expert group'),
  'evaluation.aggregation.groupWeights.department': field('职能部门组权重', 'weight of the department group'),
  'evaluation.aggregation.groupWeights.media': field('新闻媒体组权重', 'weight of the media group'),
  'evaluation.aggregation.groupWeights.resident': field('居民代表组权重', 'weight of the resident group'),
  'evaluation.bands': field('评估等次', 'bands', 'band'),
  'evaluation.bands.*.key': field('等次代码', 'band key'),
  'evaluation.bands.*.labelZh': field('中文名称', 'Chinese name'),
  'evaluation.bands.*.labelEn': field('英文名称', 'English name'),
  'evaluation.bands.*.minScore': field('最低分数', 'lowest score'),
  'evaluation.bands.*.passes': field('是否合格', 'passes'),
  'evaluation.stars': field('星级', 'star levels', 'star level'),
  'evaluation.stars.*.stars': field('星数', 'stars'),
  'evaluation.stars.*.minScore': field('最低分数', 'lowest score'),
  'evaluation.starGates': field('星级门槛', 'star gates', 'star gate'),
  'evaluation.starGates.*.criterion': field('门槛评估项', 'gate criterion'),
  'evaluation.starGates.*.minShare': field('须达到满分的比例', 'share of the maximum required'),
  'evaluation.starGates.*.effect': field('未达门槛的后果', 'effect of a failed gate'),
  'evaluation.remediationDays': field('整改期限（天）', 'days to remediate'),
} as const satisfies Readonly<Record<string, FieldLabel>>;
