import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type {
  AgreementStatistics,
  AllocationStatistics,
  AllocationStatus,
  BundleReason,
  ScoreBreakdown,
} from '@app/scoring';
import { ApiDecimal, ApiExact } from '../../common/api-decimal.decorator';
import { PageOf } from '../../common/page-query.dto';
import { CategoryRuleDto } from '../../competitions/dto/competition-rules.dto';
import { REASON_LABELS, STATUS_LABELS } from '../result-labels';
import { BilingualTextDto } from './bilingual-text.dto';
import { PublicScoreBreakdownDto, ScoreBreakdownDto } from './score-breakdown.dto';
import { AgreementStatisticsDto, AllocationStatisticsDto } from './statistics.dto';

export const BUNDLE_REASONS = Object.keys(REASON_LABELS) as BundleReason[];
export const ALLOCATION_STATUSES = Object.keys(STATUS_LABELS) as AllocationStatus[];
export const DECISION_KINDS = ['score', 'tie-break', 'id', 'last'] as const;

export class ReasonDto extends BilingualTextDto {
  @ApiProperty({ enum: BUNDLE_REASONS, example: 'cap-applied' })
  code: BundleReason;
}

export class TieBreakDto extends BilingualTextDto {
  @ApiProperty({ enum: DECISION_KINDS, example: 'tie-break' })
  kind: (typeof DECISION_KINDS)[number];

  @ApiPropertyOptional({ example: 'median', description: 'the rules’ tie-break that decided, when one did' })
  key?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: '1-based position of that tie-break in the rules',
  })
  step?: number;
}

/** 评分构成 a part of the final score, as the results table heads its column and a bundle (v2) states it. */
export class ResultComponentDto {
  @ApiProperty({ example: 'donations' })
  key: string;

  @ApiProperty({ example: '定向捐赠' })
  labelZh: string;

  @ApiProperty({ example: 'Directed donations' })
  labelEn: string;

  @ApiProperty({ enum: ['roadshow', 'input', 'vote'] })
  source: 'roadshow' | 'input' | 'vote';

  @ApiDecimal({ example: '0.2', required: false })
  weight?: string;

  @ApiDecimal({ example: '50', required: false, description: '加分项的上限 / a bonus’s cap' })
  bonusCap?: string;

  @ApiDecimal({ example: '100', required: false, description: '录入或投票的最高分 / input and vote: the maximum' })
  maxPoints?: string;
}

/** One project's value of one component. */
export class ResultComponentValueDto {
  @ApiProperty({ example: 'donations' })
  key: string;

  @ApiExact({ example: '23.5', description: '该构成的精确分数 / the component’s exact value' })
  value: string;

  @ApiDecimal({ example: '23.50', description: '按公布得分的小数位四舍五入 / rounded to the published decimals' })
  display: string;

  @ApiExact({ example: '4.7', description: '计入总分的分数（权重 × 分数，或封顶的加分） / what it adds' })
  points: string;
}

@ApiExtraModels(ScoreBreakdownDto, PublicScoreBreakdownDto)
export class ResultRowDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 2,
    description: '排序位，1..n 无并列 / place in the total order, no ties',
  })
  position: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 2,
    description: '名次，同分同名次（1、2、2、4）/ competition rank: 1, 2, 2, 4',
  })
  rank: number;

  @ApiProperty({ format: 'uuid', example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ type: CategoryRuleDto })
  category: CategoryRuleDto;

  @ApiDecimal({ example: '87.35', description: '公布得分 / the published score' })
  score: string;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ScoreBreakdownDto) }, { $ref: getSchemaPath(PublicScoreBreakdownDto) }],
    description:
      '得分构成：办公室看到各评委总分、去掉的最高/最低分、分组与门槛项（ScoreBreakdownDto）；申报人只看到不含评委 id ' +
      '的总分列表（PublicScoreBreakdownDto）。/ How the score came about: the office sees every judge’s total, the ' +
      'trimming, groups and gates; applicants see the totals without judges’ ids.',
  })
  breakdown: ScoreBreakdown | PublicScoreBreakdownDto;

  @ApiPropertyOptional({
    type: [ResultComponentValueDto],
    description:
      '各评分构成的分数，按规则顺序（有评分构成时） / each component’s value in the rules’ order, with components',
  })
  components?: ResultComponentValueDto[];

  @ApiProperty({ type: TieBreakDto, description: '为何排在下一名之前 / why it stands above the next' })
  tieBreak: TieBreakDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000, description: '申请金额（分）/ requested, in fen' })
  requestedFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2_800_000, description: '资助金额（分）/ grant, in fen' })
  grantFen: number;

  @ApiProperty({ enum: ALLOCATION_STATUSES, example: 'partly-funded' })
  status: AllocationStatus;

  @ApiProperty({ type: BilingualTextDto, description: '资助状态 / status in words' })
  statusLabel: BilingualTextDto;

  @ApiProperty({ type: ReasonDto })
  reason: ReasonDto;
}

/**
 * The ranking table of one run, in position order: the office sees every row, an applicant only
 * its own. The totals are the run's, whichever page is read.
 */
export class ResultsResponseDto extends PageOf(ResultRowDto) {
  @ApiProperty({ format: 'uuid', example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a' })
  competitionId: string;

  @ApiProperty({ format: 'uuid', example: '3b0f5a8e-2d7c-4e1b-9a6f-8c5d4e3b2a10' })
  runId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  rulesVersion: number;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    pattern: '^[0-9a-f]{64}$',
  })
  inputHash: string;

  @ApiProperty({ example: '2026-05-20T08:00:01.512Z', format: 'date-time' })
  finishedAt: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 10_000_000, description: '资金池（分）/ the pool, in fen' })
  poolFen: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 9_360_000,
    description: '资助总额（分）/ total granted, in fen',
  })
  totalFen: number;

  @ApiProperty({ enum: ['office', 'applicant'], example: 'office' })
  view: 'office' | 'applicant';

  @ApiPropertyOptional({
    type: [ResultComponentDto],
    description: '评分构成，按规则顺序：结果表每项一列 / the score components in order: a column each',
  })
  components?: ResultComponentDto[];
}

export class StatisticsResponseDto {
  @ApiProperty({ format: 'uuid', example: '3b0f5a8e-2d7c-4e1b-9a6f-8c5d4e3b2a10' })
  runId: string;

  @ApiProperty({ format: 'uuid', example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a' })
  competitionId: string;

  @ApiProperty({
    type: AllocationStatisticsDto,
    description: '分配汇总：规则、资金池、总额、余额、各状态项目数、未满足的类别配额 / allocation summary',
  })
  allocation: AllocationStatistics;

  @ApiProperty({
    type: AgreementStatisticsDto,
    description:
      '评委一致性：ICC 六种形式与 F 检验、肯德尔 W、各评委宽严（偏离其他评委均值），以及说明。精确值 6 位小数，p 值 6 位有效数字。/ ' +
      "judge agreement: ICC in six forms with F tests, Kendall's W, each judge's leniency, and notes",
  })
  agreement: AgreementStatistics;
}
