import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import {
  AGREEMENT_LOCALES,
  AgreementLanguage,
  COMPETITION_PRESETS,
  CompetitionRules,
  GrantRules,
  RULES_FIELD_LABELS,
  ReportKind,
  SupervisionRules,
  EligibilityRules,
  ExitRule,
  MONTHLY_CHECK_TOTAL,
  MonthlyCheckItem,
  MonthlyCheckRules,
  XINDIAN_MONTHLY_CHECKS,
  TRANCHE_CONDITION_KINDS,
  TrancheCondition,
  TrancheConditionKind,
} from '@app/domain';
import { ALLOCATION_RULES, AllocationRule } from '@app/scoring';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { ArrayField, IntField, IsFen, Optional, StringField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { EvaluationRulesDto } from './evaluation-rules.dto';
import { RubricCriterionRuleDto } from './panel-rules.dto';
import { RoadshowAggregationRuleDto, ScoreComponentRuleDto } from './score-components.dto';

const PRESET = COMPETITION_PRESETS['party-building'];

/** Optional and removable: null clears the rule (e.g. no minimum request any more). */
const Clearable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined && value !== null);

export class CategoryRuleDto {
  @ApiProperty({ example: 'convenience', description: 'a-z 0-9 -; unique within the competition' })
  @Label(RULES_FIELD_LABELS['categories.*.key'])
  @StringField(40)
  key: string;

  @ApiProperty({ example: '便民利民类', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['categories.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'Convenience services', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['categories.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;
}

export class TrancheConditionDto {
  @ApiProperty({
    enum: TRANCHE_CONDITION_KINDS,
    example: 'evaluation-passed',
    description:
      'on-signing 签约后 / report-accepted 报告通过后（report）/ evaluation-passed 评估合格后（stage）/ ' +
      'milestone-accepted 里程碑验收后（milestone）/ date 某日起（date）',
  })
  @IsIn(TRANCHE_CONDITION_KINDS)
  @Label(RULES_FIELD_LABELS['tranches.*.condition.kind'])
  kind: TrancheConditionKind;

  @ApiPropertyOptional({ enum: [ReportKind.MidTerm, ReportKind.Final], description: 'report-accepted: which report' })
  @Optional()
  @IsIn([ReportKind.MidTerm, ReportKind.Final])
  @Label(RULES_FIELD_LABELS['tranches.*.condition.report'])
  report?: ReportKind.MidTerm | ReportKind.Final;

  @ApiPropertyOptional({ enum: ['mid', 'final'], example: 'mid', description: 'evaluation-passed: which evaluation' })
  @Optional()
  @IsIn(['mid', 'final'])
  @Label(RULES_FIELD_LABELS['tranches.*.condition.stage'])
  stage?: 'mid' | 'final';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 24, description: 'milestone-accepted: its number' })
  @Optional()
  @IntField(1, 24)
  @Label(RULES_FIELD_LABELS['tranches.*.condition.milestone'])
  milestone?: number;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'date: YYYY-MM-DD, Beijing time' })
  @Optional()
  @StringField(10)
  @Label(RULES_FIELD_LABELS['tranches.*.condition.date'])
  date?: string;
}

export class TrancheRuleDto {
  @ApiProperty({ example: '签约后拨付', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['tranches.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'On signing', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['tranches.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;

  @ApiProperty({ type: 'integer', example: 50, minimum: 1, maximum: 100 })
  @Label(RULES_FIELD_LABELS['tranches.*.percent'])
  @IntField(1, 100)
  percent: number;

  @ApiPropertyOptional({
    type: TrancheConditionDto,
    example: { kind: 'on-signing' },
    description:
      '拨付条件；不填时按位置：首期签约后、末期结项评估后、其余中期评估后 / ' +
      'when absent: the first on signing, the last after the final evaluation, others after the mid-term one',
  })
  @Optional()
  @ValidateNested()
  @Type(() => TrancheConditionDto)
  @Label(RULES_FIELD_LABELS['tranches.*.condition'])
  condition?: TrancheConditionDto;
}

/** A tranche as stored: its condition always present. */
export class StoredTrancheRuleDto extends TrancheRuleDto {
  @ApiProperty({ type: TrancheConditionDto, example: { kind: 'on-signing' } })
  @Label(RULES_FIELD_LABELS['tranches.*.condition'])
  declare condition: TrancheCondition;
}

export class ReportTermsDto {
  @ApiProperty({ example: true, description: '每月报告进展 / monthly progress reports' })
  @IsBoolean()
  @Label(RULES_FIELD_LABELS['grants.reports.monthly'])
  monthly: boolean;

  @ApiProperty({
    example: 10,
    minimum: 1,
    maximum: 31,
    description: '次月几日前提交 / due by this day of the next month',
  })
  @IntField(1, 31)
  @Label(RULES_FIELD_LABELS['grants.reports.monthlyDueDay'])
  monthlyDueDay: number;

  @ApiProperty({ example: true, description: '中期报告 / a mid-term report' })
  @IsBoolean()
  @Label(RULES_FIELD_LABELS['grants.reports.midTerm'])
  midTerm: boolean;

  @ApiProperty({ example: true, description: '结项报告 / a final report' })
  @IsBoolean()
  @Label(RULES_FIELD_LABELS['grants.reports.final'])
  final: boolean;

  @ApiProperty({
    example: 30,
    minimum: 0,
    maximum: 180,
    description: '项目结束后几天内交结项报告 / days after the period',
  })
  @IntField(0, 180)
  @Label(RULES_FIELD_LABELS['grants.reports.finalDueDays'])
  finalDueDays: number;
}

/** 资助管理: the grants ledger's terms, sent whole. */
export class GrantRulesDto implements GrantRules {
  @ApiProperty({
    type: [String],
    enum: AGREEMENT_LOCALES,
    example: ['zh', 'en'],
    description: '协议书语言，须含 zh（中文文本为准） / agreement languages; zh always (it governs)',
  })
  @IsIn(AGREEMENT_LOCALES, { each: true })
  @ArrayField(AGREEMENT_LOCALES.length, 1)
  @Label(RULES_FIELD_LABELS['grants.agreementLocales'])
  agreementLocales: AgreementLanguage[];

  @ApiProperty({ type: ReportTermsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReportTermsDto)
  @Label(RULES_FIELD_LABELS['grants.reports'])
  reports: ReportTermsDto;

  @ApiProperty({ example: 30, minimum: 1, maximum: 365, description: '终止后退款期限（天） / days to return a refund' })
  @IntField(1, 365)
  @Label(RULES_FIELD_LABELS['grants.refundDays'])
  refundDays: number;
}

export class MonthlyCheckItemDto implements MonthlyCheckItem {
  @ApiProperty({ example: 'presence', description: 'a-z 0-9 -; unique within the checklist' })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.checklist.*.key'])
  @StringField(40)
  key: string;

  @ApiProperty({ example: '人员在岗', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.checklist.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'Staff present', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.checklist.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: MONTHLY_CHECK_TOTAL })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.checklist.*.points'])
  @IntField(1, MONTHLY_CHECK_TOTAL)
  points: number;
}

export class ExitRuleDto implements ExitRule {
  @ApiProperty({ example: 6, minimum: 1, maximum: MONTHLY_CHECK_TOTAL, description: '低于此分 / a score below it' })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.exit.below'])
  @IntField(1, MONTHLY_CHECK_TOTAL)
  below: number;

  @ApiProperty({ example: 3, minimum: 1, maximum: 12, description: '连续几个月 / calendar months in a row' })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.exit.consecutive'])
  @IntField(1, 12)
  consecutive: number;
}

/** 月度考核: the checklist (out of 10) and the exit rule. */
export class MonthlyCheckRulesDto implements MonthlyCheckRules {
  @ApiProperty({ type: [MonthlyCheckItemDto], example: XINDIAN_MONTHLY_CHECKS.checklist })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.checklist'])
  @ArrayField(20, 1)
  @ValidateNested({ each: true })
  @Type(() => MonthlyCheckItemDto)
  checklist: MonthlyCheckItemDto[];

  @ApiProperty({ type: ExitRuleDto, example: XINDIAN_MONTHLY_CHECKS.exit })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks.exit'])
  @IsDefined()
  @ValidateNested()
  @Type(() => ExitRuleDto)
  exit: ExitRuleDto;
}

/** 申报资格: each rule an organization must meet to create or submit a submission. */
export class EligibilityRulesDto implements EligibilityRules {
  @ApiProperty({ example: true })
  @Label(RULES_FIELD_LABELS['supervision.eligibility.noActiveSanction'])
  @IsBoolean()
  noActiveSanction: boolean;

  @ApiProperty({ example: true })
  @Label(RULES_FIELD_LABELS['supervision.eligibility.noOverdueReport'])
  @IsBoolean()
  noOverdueReport: boolean;

  @ApiProperty({ type: 'integer', example: 2, minimum: 1, maximum: 20, nullable: true, description: 'null: no limit' })
  @Label(RULES_FIELD_LABELS['supervision.eligibility.maxActiveGrants'])
  @ValidateIf((_, value) => value !== null)
  @IntField(1, 20)
  maxActiveGrants: number | null;

  @ApiProperty({
    type: 'integer',
    example: 2,
    minimum: 1,
    maximum: 10,
    nullable: true,
    description: 'no failing band among the last N evaluation results; null: evaluations do not bar',
  })
  @Label(RULES_FIELD_LABELS['supervision.eligibility.noFailedEvaluationInLast'])
  @ValidateIf((_, value) => value !== null)
  @IntField(1, 10)
  noFailedEvaluationInLast: number | null;
}

/** 项目监管: the supervision terms, sent whole. */
export class SupervisionRulesDto implements SupervisionRules {
  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: 10,
    description: '违约终止后限制申报的年数 / years a confirmed breach bars new submissions',
  })
  @IntField(1, 10)
  @Label(RULES_FIELD_LABELS['supervision.sanctionYears'])
  sanctionYears: number;

  @ApiProperty({ type: MonthlyCheckRulesDto, nullable: true, description: 'null: no monthly checks' })
  @Label(RULES_FIELD_LABELS['supervision.monthlyChecks'])
  @ValidateIf((_, value) => value !== null)
  @IsDefined()
  @ValidateNested()
  @Type(() => MonthlyCheckRulesDto)
  monthlyChecks: MonthlyCheckRulesDto | null;

  @ApiProperty({ type: EligibilityRulesDto })
  @Label(RULES_FIELD_LABELS['supervision.eligibility'])
  @IsDefined()
  @ValidateNested()
  @Type(() => EligibilityRulesDto)
  eligibility: EligibilityRulesDto;
}

const FEN = { type: 'integer', minimum: 0 } as const;

export class PartialFundingDto {
  @ApiProperty({
    ...FEN,
    example: 500_000,
    description: '剩余资金至少这么多才部分资助（分） / least remainder worth granting, fen',
  })
  minimum: number;
}

/** Ranks `from`..`to` (1-based, inclusive) each receive `amount`. */
export class RankBandDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  from: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  to: number;

  @ApiProperty({ ...FEN, example: 10_000_000, description: '分 / fen' })
  amount: number;
}

/** A score at or above `minScore` (and below the next higher band) receives `amount`. */
export class ScoreBandDto {
  @ApiDecimal({ example: '90' })
  minScore: string;

  @ApiProperty({ ...FEN, example: 10_000_000, description: '分 / fen' })
  amount: number;
}

@ApiExtraModels(RankBandDto, ScoreBandDto)
export class TierPolicyDto {
  @ApiProperty({
    enum: ['rank', 'score'],
    example: 'rank',
    description: '按名次或按分数分档 / bands by rank or by score',
  })
  by: 'rank' | 'score';

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(RankBandDto) }, { $ref: getSchemaPath(ScoreBandDto) }] },
    description: 'by rank: RankBand; by score: ScoreBand',
    example: [
      { from: 1, to: 1, amount: 10_000_000 },
      { from: 2, to: 3, amount: 7_000_000 },
    ],
  })
  bands: (RankBandDto | ScoreBandDto)[];
}

/** One category's limits, or every category's when `category` is "*". */
export class CategoryQuotaDto {
  @ApiProperty({ example: '*', description: '类别 key，或 "*" 表示每个类别 / a category key, or "*" for each' })
  category: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 4 })
  minCount?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 4 })
  maxCount?: number;

  @ApiPropertyOptional({ ...FEN, example: 1_000_000 })
  minAmount?: number;

  @ApiPropertyOptional({ ...FEN, example: 20_000_000 })
  maxAmount?: number;
}

/**
 * 资金分配规则: the allocation policy exactly as libs/scoring reads it. Money in fen, scores and
 * shares as decimal text; a field left out imposes no limit.
 */
export class AllocationPolicyDto {
  @ApiProperty({
    enum: ALLOCATION_RULES,
    example: 'greedy',
    description:
      'greedy 按名次依次资助（跳过放不下的） · greedy-no-skip 遇到第一个放不下的即停止 · tiers 分档定额 · ' +
      'proportional 按分数比例 · optimal 资金池内总分最高 / greedy in rank order skipping misfits, stopping at ' +
      'the first misfit, fixed tiers, proportional to score, or the highest total score within the pool',
  })
  rule: AllocationRule;

  @ApiDecimal({ example: '60', required: false, description: '合格分数线 / projects below it get nothing' })
  passScore?: string;

  @ApiPropertyOptional({ ...FEN, example: 500_000, description: '单项最低资助（分） / smallest grant, fen' })
  minGrant?: number;

  @ApiPropertyOptional({ ...FEN, example: 5_000_000, description: '单项资助上限（分） / largest grant, fen' })
  maxGrant?: number;

  @ApiDecimal({
    example: '0.6',
    required: false,
    description: '资助额占项目预算的上限 / at most this share of the budget',
  })
  maxShareOfBudget?: string;

  @ApiPropertyOptional({ ...FEN, example: 10_000, description: '计算金额取整单位（分） / amounts are multiples of it' })
  unit?: number;

  @ApiPropertyOptional({ type: PartialFundingDto, description: 'greedy rules and tiers: grant what is left' })
  partial?: PartialFundingDto;

  @ApiPropertyOptional({ type: TierPolicyDto })
  tiers?: TierPolicyDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 10,
    description: '最多资助项目数 / most projects funded',
  })
  maxProjects?: number;

  @ApiPropertyOptional({ example: true, description: '每个组织最多一个 / at most one per organization' })
  onePerOrganization?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1, description: '每个社区最多资助数 / per community' })
  communityLimit?: number;

  @ApiPropertyOptional({ type: [CategoryQuotaDto], description: '类别配额 / category quotas' })
  quotas?: CategoryQuotaDto[];

  @ApiPropertyOptional({ ...FEN, example: 100_000, description: 'optimal: costs counted in this unit (fen)' })
  costUnit?: number;
}

/**
 * Rules as sent by the office. Every field is optional here: on creation the given fields replace
 * the preset's, on PATCH the stored ones; the merged whole is then checked by validateCompetitionRules.
 */
export class CompetitionRulesInputDto {
  @ApiPropertyOptional({ type: [CategoryRuleDto], example: PRESET.categories })
  @Label(RULES_FIELD_LABELS['categories'])
  @Optional()
  @ArrayField(30)
  @ValidateNested({ each: true })
  @Type(() => CategoryRuleDto)
  categories?: CategoryRuleDto[];

  @ApiPropertyOptional({ type: [RubricCriterionRuleDto], example: PRESET.rubric })
  @Label(RULES_FIELD_LABELS['rubric'])
  @Optional()
  @ArrayField(30)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionRuleDto)
  rubric?: RubricCriterionRuleDto[];

  @ApiPropertyOptional({ type: RoadshowAggregationRuleDto, example: PRESET.aggregation })
  @Label(RULES_FIELD_LABELS['aggregation'])
  @Optional()
  @ValidateNested()
  @Type(() => RoadshowAggregationRuleDto)
  aggregation?: RoadshowAggregationRuleDto;

  @ApiPropertyOptional({
    type: [ScoreComponentRuleDto],
    nullable: true,
    example: COMPETITION_PRESETS.dongguan.components,
    description:
      '评分构成：路演、录入（初评、材料、捐赠）、投票，按权重或加分计入总分；null 或空表示总分即路演得分 / ' +
      'parts of the final score; null or empty: the final score is the roadshow’s',
  })
  @Label(RULES_FIELD_LABELS['components'])
  @Clearable()
  @ArrayField(10)
  @ValidateNested({ each: true })
  @Type(() => ScoreComponentRuleDto)
  components?: ScoreComponentRuleDto[] | null;

  @ApiPropertyOptional({
    type: [String],
    example: PRESET.tieBreaks,
    description: 'median, lower-request, earlier-submission or criterion:<rubric key>; in order',
  })
  @Label(RULES_FIELD_LABELS['tieBreaks'])
  @Optional()
  @TextField({ max: 60, each: true })
  @ArrayField(10)
  tieBreaks?: string[];

  // Checked field by field by libs/scoring (competition-rules.validator.ts), which names the field at fault.
  @ApiPropertyOptional({ type: AllocationPolicyDto, example: PRESET.allocation })
  @Label(RULES_FIELD_LABELS['allocation'])
  @Optional()
  @IsObject()
  allocation?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'integer',
    example: 5_000_000,
    description: '单个项目申请上限（分） / per-project cap in fen',
  })
  @Label(RULES_FIELD_LABELS['maxRequestFen'])
  @Optional()
  @IsFen(1)
  maxRequestFen?: number;

  @ApiPropertyOptional({ type: 'integer', example: 500_000, nullable: true, description: 'null removes it' })
  @Label(RULES_FIELD_LABELS['minRequestFen'])
  @Clearable()
  @IsFen(1)
  minRequestFen?: number | null;

  @ApiDecimal({
    example: '0.8',
    nullable: true,
    required: false,
    description: '申请额占项目总预算的上限 / request at most this share of the budget; null removes it',
  })
  @Label(RULES_FIELD_LABELS['maxShareOfBudget'])
  @Clearable()
  @StringField(12)
  maxShareOfBudget?: string | null;

  @ApiPropertyOptional({ example: true, description: '每个组织限报一个项目 / one project per organization' })
  @Label(RULES_FIELD_LABELS['onePerOrganization'])
  @Optional()
  @IsBoolean()
  onePerOrganization?: boolean;

  @ApiPropertyOptional({ type: [TrancheRuleDto], example: PRESET.tranches })
  @Label(RULES_FIELD_LABELS['tranches'])
  @Optional()
  @ArrayField(10)
  @ValidateNested({ each: true })
  @Type(() => TrancheRuleDto)
  tranches?: TrancheRuleDto[];

  @ApiPropertyOptional({ type: GrantRulesDto, example: PRESET.grants })
  @Optional()
  @ValidateNested()
  @Type(() => GrantRulesDto)
  @Label(RULES_FIELD_LABELS['grants'])
  grants?: GrantRulesDto;

  @ApiPropertyOptional({ type: SupervisionRulesDto, example: PRESET.supervision })
  @Optional()
  @ValidateNested()
  @Type(() => SupervisionRulesDto)
  @Label(RULES_FIELD_LABELS['supervision'])
  supervision?: SupervisionRulesDto;

  @ApiPropertyOptional({ type: 'integer', example: 7, minimum: 1, maximum: 90 })
  @Label(RULES_FIELD_LABELS['publicityDays'])
  @Optional()
  @IntField(1, 90)
  publicityDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 420,
    minimum: 60,
    maximum: 3600,
    description: '路演陈述时长（秒） / pitch length',
  })
  @Label(RULES_FIELD_LABELS['pitchSeconds'])
  @Optional()
  @IntField(60, 3600)
  pitchSeconds?: number;
  @ApiPropertyOptional({
    type: EvaluationRulesDto,
    description:
      '中期、结项评估的细则、等次、星级与整改期限；不给出时用义乌江东的预设 / evaluation rules; 义乌江东 preset when absent',
  })
  @Label(RULES_FIELD_LABELS['evaluation'])
  @Optional()
  @ValidateNested()
  @Type(() => EvaluationRulesDto)
  evaluation?: EvaluationRulesDto;
}

/** The rules version the writer read: a change of the rules made since then is refused, not overwritten. */
export function ExpectedRulesVersion(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      example: 1,
      description: '给出时，规则版本不符即拒绝（防止覆盖他人修改） / refuse if the rules changed since you read them',
    }),
    Label('读取时的规则版本', 'rules version read'),
    Optional(),
    IntField(1),
  );
}

export class UpdateCompetitionRulesDto extends CompetitionRulesInputDto {
  @ExpectedRulesVersion()
  expectedRulesVersion?: number;
}

/** The stored rules, as every response shows them. */
export class CompetitionRulesDto implements CompetitionRules {
  @ApiProperty({ type: [CategoryRuleDto], example: PRESET.categories })
  categories: CategoryRuleDto[];

  @ApiProperty({ type: [RubricCriterionRuleDto], example: PRESET.rubric })
  rubric: RubricCriterionRuleDto[];

  @ApiProperty({ type: RoadshowAggregationRuleDto, example: PRESET.aggregation })
  aggregation: RoadshowAggregationRuleDto;

  @ApiPropertyOptional({ type: [ScoreComponentRuleDto], example: COMPETITION_PRESETS.dongguan.components })
  components?: ScoreComponentRuleDto[];

  @ApiProperty({ type: [String], example: PRESET.tieBreaks })
  tieBreaks: string[];

  @ApiProperty({ type: AllocationPolicyDto, example: PRESET.allocation })
  allocation: Record<string, unknown>;

  @ApiProperty({ type: 'integer', example: PRESET.maxRequestFen })
  maxRequestFen: number;

  @ApiPropertyOptional({ type: 'integer', example: PRESET.minRequestFen })
  minRequestFen?: number;

  @ApiDecimal({ example: PRESET.maxShareOfBudget ?? '0.8', required: false })
  maxShareOfBudget?: string;

  @ApiProperty({ example: true })
  onePerOrganization: boolean;

  @ApiProperty({ type: [StoredTrancheRuleDto], example: PRESET.tranches })
  tranches: StoredTrancheRuleDto[];

  @ApiProperty({ type: GrantRulesDto, example: PRESET.grants })
  grants: GrantRulesDto;

  @ApiProperty({ type: SupervisionRulesDto, example: PRESET.supervision })
  supervision: SupervisionRulesDto;

  @ApiProperty({ type: 'integer', example: PRESET.publicityDays })
  publicityDays: number;

  @ApiProperty({ type: 'integer', example: PRESET.pitchSeconds })
  pitchSeconds: number;

  @ApiPropertyOptional({ type: EvaluationRulesDto, description: 'absent on rules saved before evaluations existed' })
  evaluation?: EvaluationRulesDto;
}
