import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IccForm } from '@app/scoring';
import { ALLOCATION_RULES } from '@app/scoring';
import { BilingualTextDto } from './bilingual-text.dto';

const EXACT_6 = {
  type: String,
  pattern: '^-?\\d+\\.\\d{6}$',
  description: '精确值，6 位小数 / exact, 6 decimal places',
} as const;

/** p-values and modified z-scores: floating point, for reading only. */
const SIGNIFICANT_6 = {
  type: String,
  pattern: '^-?\\d+(\\.\\d+)?(e[+-]?\\d+)?$',
  description: '6 位有效数字，可能为科学计数法 / 6 significant digits, possibly with an exponent',
} as const;

export class UnmetQuotaDto {
  @ApiProperty({ example: 'poverty-relief' })
  category: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 4 })
  minCount?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1_000_000 })
  minAmountFen?: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  fundedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 600_000 })
  fundedAmountFen: number;
}

/** 分配汇总: the allocation of one run in numbers. */
export class AllocationStatisticsDto {
  @ApiProperty({ enum: ALLOCATION_RULES, example: 'greedy' })
  rule: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 10_000_000 })
  poolFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 9_360_000 })
  totalFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 640_000 })
  remainderFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0 })
  fundedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 4 })
  partlyFundedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  notFundedCount: number;

  @ApiProperty({ type: [UnmetQuotaDto], description: '未能满足的类别最低配额 / category minimums not met' })
  unmetQuotas: UnmetQuotaDto[];
}

export class AgreementTableDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 3,
    description: '每位评委都评了的项目 / projects every judge scored',
  })
  projects: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  judges: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  excludedProjects: number;
}

const ICC_FORMS = [
  'ICC(1,1)',
  'ICC(2,1)',
  'ICC(3,1)',
  'ICC(1,k)',
  'ICC(2,k)',
  'ICC(3,k)',
] as const satisfies readonly IccForm[];

export class IccDto {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      ICC_FORMS.map((form) => [form, { type: 'string', nullable: true, pattern: EXACT_6.pattern }]),
    ),
    required: [...ICC_FORMS],
    example: { 'ICC(1,1)': '0.804931', 'ICC(2,1)': '0.805880', 'ICC(3,1)': '0.822064' },
    description: 'Shrout–Fleiss 六种形式 / the six Shrout–Fleiss forms',
  })
  forms: Record<IccForm, string | null>;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '29.878173' })
  oneWayF: string | null;

  @ApiProperty({ ...SIGNIFICANT_6, nullable: true, example: '1.12470e-5' })
  oneWayP: string | null;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '33.316440' })
  twoWayF: string | null;

  @ApiProperty({ ...SIGNIFICANT_6, nullable: true, example: '1.80651e-5' })
  twoWayP: string | null;
}

export class KendallWDto {
  @ApiProperty({ ...EXACT_6, example: '0.897959' })
  W: string;

  @ApiProperty({ ...EXACT_6, example: '0.897959' })
  uncorrected: string;

  @ApiProperty({ ...EXACT_6, example: '12.571429' })
  chiSquare: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  df: number;

  @ApiProperty({ ...SIGNIFICANT_6, nullable: true, example: '0.00186383' })
  pValue: string | null;
}

export class JudgeLeniencyDto {
  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 5 })
  itemCount: number;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '-1.237619' })
  meanOffset: string | null;

  @ApiProperty({ ...SIGNIFICANT_6, nullable: true, example: '-0.712314' })
  modifiedZ: string | null;

  @ApiProperty({ example: false })
  outlier: boolean;
}

export class LeniencyDto {
  @ApiProperty({ example: '3.5', description: 'modified z-scores above it are flagged (Iglewicz & Hoaglin)' })
  threshold: string;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '0.140000' })
  medianOffset: string | null;

  @ApiProperty({ type: [JudgeLeniencyDto] })
  judges: JudgeLeniencyDto[];
}

export class AffiliationBiasFiguresDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: '本社区项目数 / own-community projects' })
  sameCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 8, description: '其他项目数 / other projects' })
  otherCount: number;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '4.500000' })
  sameMeanOffset: string | null;

  @ApiProperty({ ...EXACT_6, nullable: true, example: '-0.250000' })
  otherMeanOffset: string | null;

  @ApiProperty({
    ...EXACT_6,
    nullable: true,
    example: '4.750000',
    description: '对本社区项目比对其他项目平均多给的分数 / points more given to own-community projects',
  })
  bias: string | null;

  @ApiProperty({ ...SIGNIFICANT_6, nullable: true, example: '2.91034' })
  welchT: string | null;
}

export class JudgeAffiliationBiasDto extends AffiliationBiasFiguresDto {
  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiProperty({ type: String, nullable: true, example: '洲边', description: '评委所属社区 / the judge’s community' })
  affiliation: string | null;

  @ApiProperty({
    example: false,
    description:
      '倾向性超过规则阈值，提示办公室关注（不剔除） / bias above the rules’ threshold: flagged, never excluded',
  })
  flagged: boolean;
}

/** 评委倾向性: does a judge favour projects of their own community? */
export class AffiliationBiasDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '5',
    description: '规则的 aggregation.biasThreshold；未设置时为 null，不提示任何评委 / null: nobody is flagged',
  })
  threshold: string | null;

  @ApiProperty({
    type: [JudgeAffiliationBiasDto],
    description: '有所属社区的评委，按席位 / judges with a community, by seat',
  })
  judges: JudgeAffiliationBiasDto[];

  @ApiProperty({ type: AffiliationBiasFiguresDto, description: '全体评委合计 / all judges pooled' })
  pooled: AffiliationBiasFiguresDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0 })
  flaggedCount: number;
}

/** 评委一致性: agreement of the judges' totals over the counted sheets. */
export class AgreementStatisticsDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  judgeCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 5 })
  projectCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 33 })
  sheetCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  recusalCount: number;

  @ApiProperty({ type: AgreementTableDto })
  table: AgreementTableDto;

  @ApiProperty({ type: IccDto, nullable: true, description: '完整评分表不足时为 null / null without a complete table' })
  icc: IccDto | null;

  @ApiProperty({ type: KendallWDto, nullable: true })
  kendallW: KendallWDto | null;

  @ApiProperty({ type: LeniencyDto })
  leniency: LeniencyDto;

  @ApiProperty({
    type: [BilingualTextDto],
    description: '统计缺失或省略的原因 / why a statistic is missing or partial',
  })
  notes: BilingualTextDto[];

  @ApiPropertyOptional({
    type: AffiliationBiasDto,
    description:
      '评委对本社区项目的倾向性（第 2 版结果起每次排名都计算） / affiliation bias, in every run from bundle version 2',
  })
  affiliationBias?: AffiliationBiasDto;
}

/** The statistics of one run, as the result bundle stores them. */
export class BundleStatisticsDto {
  @ApiProperty({ type: AllocationStatisticsDto })
  allocation: AllocationStatisticsDto;

  @ApiProperty({ type: AgreementStatisticsDto })
  agreement: AgreementStatisticsDto;
}
