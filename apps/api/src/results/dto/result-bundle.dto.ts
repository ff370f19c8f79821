import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESULT_BUNDLE_FORMAT, RESULT_BUNDLE_VERSION, RESULT_BUNDLE_VERSIONS } from '@app/scoring';
import { AllocationPolicyDto } from '../../competitions/dto/competition-rules.dto';
import { ApiDecimal, ApiExact } from '../../common/api-decimal.decorator';
import { AGGREGATION_METHODS } from '../../competitions/competition-rules.validator';
import { BoardDecisionDto } from '../../roadshows/dto/board-response.dto';
import { RubricCriterionDto } from '../../roadshows/dto/judge-view-response.dto';
import { ALLOCATION_STATUSES, BUNDLE_REASONS, ResultComponentDto } from './results-response.dto';
import { ScoreBreakdownDto } from './score-breakdown.dto';
import { BundleStatisticsDto } from './statistics.dto';

const MARKS = {
  type: 'object',
  additionalProperties: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
  example: { need: '22.50', design: '21' },
  description: '评分项 key → 分数（十进制文本） / criterion key → mark as decimal text',
} as const;

const GATES = {
  type: 'object',
  additionalProperties: { type: 'boolean' },
  example: { 'party-leadership': true },
  description: '门槛项 key → 是否通过 / gate key → passed',
} as const;

export class BundleRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ enum: ['office', 'objection'], example: 'office' })
  trigger: string;

  @ApiProperty({ type: 'integer', minimum: 1, nullable: true, example: 1 })
  rulesVersion: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class BundleCompetitionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  rulesVersion: number;
}

export class BundleNormalizationDto {
  @ApiProperty({ enum: ['z-score'] })
  kind: 'z-score';

  @ApiProperty({ enum: ['sample', 'population'] })
  sd: 'sample' | 'population';

  @ApiProperty({ type: 'integer', minimum: 2, example: 3 })
  minProjectsPerJudge: number;
}

export class BundleAggregationDto {
  @ApiProperty({ enum: AGGREGATION_METHODS, example: 'trimmed-mean' })
  method: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1 })
  drop?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 3 })
  minJudgesAfterTrim?: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  decimals: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
    example: { expert: '0.6', resident: '0.4' },
    description: '评委组 → 权重 / judge group → weight',
  })
  groupWeights?: Record<string, string>;

  @ApiPropertyOptional({ type: BundleNormalizationDto, description: '第 2 版 / version 2' })
  normalization?: BundleNormalizationDto;

  @ApiDecimal({ example: '5', required: false, description: '评委倾向性提示阈值（第 2 版） / bias threshold (v2)' })
  biasThreshold?: string;
}

export class BundleComponentValueDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: 'donations' })
  key: string;

  @ApiExact({ example: '23.5' })
  value: string;
}

export class BundleRulesDto {
  @ApiProperty({ type: [RubricCriterionDto] })
  rubric: RubricCriterionDto[];

  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: '每项最多小数位 / decimals per mark' })
  markDecimals: number;

  @ApiProperty({ type: BundleAggregationDto })
  aggregation: BundleAggregationDto;

  @ApiProperty({ type: [String], example: ['median', 'criterion:need', 'lower-request', 'earlier-submission'] })
  tieBreaks: string[];

  @ApiProperty({ type: AllocationPolicyDto })
  allocation: AllocationPolicyDto;

  @ApiDecimal({ example: '0.8', required: false })
  maxShareOfBudget?: string;

  @ApiProperty({ example: true })
  onePerOrganization: boolean;

  @ApiPropertyOptional({ type: [ResultComponentDto], description: '评分构成（第 2 版） / score components (v2)' })
  components?: ResultComponentDto[];
}

export class BundleProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: 'convenience' })
  category: string;

  @ApiProperty({ format: 'uuid', description: 'organization id' })
  organization: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000 })
  requestedFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_500_000 })
  budgetFen: number;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
}

export class BundleJudgeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: '席位（委任顺序） / order of appointment' })
  seat: number;

  @ApiProperty({ example: 'expert' })
  group: string;

  @ApiDecimal({ example: '1' })
  weight: string;

  @ApiPropertyOptional({ example: '洲边', description: '评委所属社区（第 2 版） / the judge’s community (v2)' })
  affiliation?: string;
}

export class BundleSheetDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiProperty(MARKS)
  marks: Record<string, string>;

  @ApiProperty(GATES)
  gates: Record<string, boolean>;
}

export class BundleRecusalDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  judgeId: string;
}

export class BundleInputsDto {
  @ApiProperty({ type: BundleCompetitionDto })
  competition: BundleCompetitionDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 30_000_000 })
  poolFen: number;

  @ApiProperty({ type: BundleRulesDto })
  rules: BundleRulesDto;

  @ApiProperty({ type: [BundleProjectDto], description: '按 id / by id' })
  projects: BundleProjectDto[];

  @ApiProperty({ type: [BundleJudgeDto], description: '按席位 / by seat' })
  judges: BundleJudgeDto[];

  @ApiProperty({ type: [BundleSheetDto], description: '按项目再按席位 / by project, then seat' })
  sheets: BundleSheetDto[];

  @ApiProperty({ type: [BundleRecusalDto], description: '按项目再按席位 / by project, then seat' })
  recusals: BundleRecusalDto[];

  @ApiPropertyOptional({
    type: [BundleComponentValueDto],
    description:
      '录入与投票构成的分数，按项目再按规则顺序（第 2 版） / input and vote values by project, then rules order (v2)',
  })
  componentValues?: BundleComponentValueDto[];
}

export class GrantBreakdownDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000 })
  requestedFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2_800_000, description: '各项上限允许的最高额 / the cap' })
  capFen: number;

  @ApiProperty({ example: false, description: '为满足类别最低配额而提前资助 / funded to meet a category minimum' })
  reserved: boolean;
}

export class ProjectBreakdownDto {
  @ApiProperty({ type: ScoreBreakdownDto })
  score: ScoreBreakdownDto;

  @ApiProperty({ type: GrantBreakdownDto })
  grant: GrantBreakdownDto;
}

/** What separates a project from the one just below it; a tie-break names itself and its step. */
export class BundleDecisionDto extends BoardDecisionDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'tie-break: 1-based in rules.tieBreaks',
  })
  step?: number;
}

export class BundleProjectResultDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  position: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  displayRank: number;

  @ApiDecimal({ example: '87.35' })
  score: string;

  @ApiProperty({ type: ProjectBreakdownDto })
  breakdown: ProjectBreakdownDto;

  @ApiProperty({ type: BundleDecisionDto })
  decidedBy: BundleDecisionDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2_800_000 })
  grantFen: number;

  @ApiProperty({ enum: ALLOCATION_STATUSES, example: 'funded' })
  status: string;

  @ApiProperty({ enum: BUNDLE_REASONS, example: 'funded-in-full' })
  reason: string;
}

export class BundleResultDto {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'sha256 of the canonical JSON of inputs' })
  inputHash: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 28_000_000 })
  totalFen: number;

  @ApiProperty({ type: [BundleProjectResultDto], description: '按排序位 / by position' })
  projects: BundleProjectResultDto[];

  @ApiProperty({ type: BundleStatisticsDto })
  statistics: BundleStatisticsDto;
}

/**
 * 结果包: every input of a ranking run and its result, recomputable by anyone with
 * `npm run --silent scoring -- verify FILE` (README "Result bundle").
 */
export class ResultBundleDto {
  @ApiProperty({ enum: [RESULT_BUNDLE_FORMAT], example: RESULT_BUNDLE_FORMAT })
  format: string;

  @ApiProperty({
    type: 'integer',
    enum: [...RESULT_BUNDLE_VERSIONS],
    example: RESULT_BUNDLE_VERSION,
    description: '2 起含评分构成、标准化与评委倾向性 / from 2: components, normalization, affiliation bias',
  })
  version: number;

  @ApiProperty({ type: BundleRunDto, description: '仅供参考，不参与核验 / informative, not verified' })
  run: BundleRunDto;

  @ApiProperty({ type: BundleInputsDto })
  inputs: BundleInputsDto;

  @ApiProperty({ type: BundleResultDto })
  result: BundleResultDto;
}
