import { ApiProperty } from '@nestjs/swagger';
import {
  EvaluationOutcome,
  EvaluationRoundState,
  EvaluationRules,
  EvaluationStage,
  JudgeGroup,
  RecusalSource,
} from '@app/domain';
import { EvaluationSheet } from '@app/persistence';
import { ApiDecimal, ApiExact } from '../../common/api-decimal.decorator';
import { EvaluationRulesDto } from '../../competitions/dto/evaluation-rules.dto';
import { ScoreBreakdownDto } from '../../results/dto/score-breakdown.dto';
import { inRubricOrder } from '../../roadshows/score-sheet';

const DATE = { type: String, format: 'date', example: '2027-08-14' } as const;

export class ProgressDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 13, description: '已录入的评分表 / sheets entered' })
  entered: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 15, description: '应有的评分表（回避除外） / sheets due' })
  expected: number;
}

export class StarGateOutcomeDto {
  @ApiProperty({ example: 'quality' })
  criterion: string;

  @ApiExact({ example: '0.8', description: '平均分占满分的比例 / mean mark over the maximum' })
  share: string;

  @ApiProperty({ example: true })
  passed: boolean;
}

/** A project's result in a closed round, explained like the competition's results. */
export class EvaluationResultDto {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ enum: EvaluationStage, description: '本轮的阶段 / the round’s stage' })
  stage: EvaluationStage;

  @ApiProperty({ enum: ['mid', 'final'], description: '合格后放行哪一阶段的拨付 / the stage a pass counts for' })
  forStage: 'mid' | 'final';

  @ApiDecimal({ example: '86.50', description: '百分制得分 / score out of 100' })
  score: string;

  @ApiProperty({ example: 'A' })
  band: string;

  @ApiProperty({ example: '优秀' })
  bandLabelZh: string;

  @ApiProperty({ example: 'Excellent' })
  bandLabelEn: string;

  @ApiProperty({ example: true })
  passed: boolean;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5, example: 4, description: 'null：不评星' })
  stars: number | null;

  @ApiProperty({ enum: EvaluationOutcome, example: EvaluationOutcome.Passed })
  outcome: EvaluationOutcome;

  @ApiProperty({ ...DATE, nullable: true, description: '整改期限（北京时间） / remediation due, Beijing date' })
  remediationDueOn: string | null;

  @ApiProperty({ ...DATE, description: '评估结束日 / the day the round closed' })
  closedOn: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: '所依据的规则版本 / rules version' })
  rulesVersion: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  inputHash: string;

  @ApiProperty({
    type: ScoreBreakdownDto,
    description: '按评估细则分值的构成：各组、去掉的分数、回避、各项平均分 / the breakdown in rubric points',
  })
  breakdown: ScoreBreakdownDto;

  @ApiProperty({ type: [StarGateOutcomeDto] })
  starGates: StarGateOutcomeDto[];
}

export class EvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  seat: number;

  @ApiProperty({ example: '王建国' })
  name: string;

  @ApiProperty({ enum: JudgeGroup })
  group: JudgeGroup;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '洲边' })
  community: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '当前签到码的生成时间；无则需重新生成 / when the current sign-in code was made; none: issue one',
  })
  codeIssuedAt: string | null;

  @ApiProperty({ type: ProgressDto })
  progress: ProgressDto;
}

export class EvaluationRecusalResponseDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ enum: RecusalSource })
  source: RecusalSource;

  @ApiProperty({ example: '同一社区：洲边 / same community: 洲边' })
  reason: string;
}

export class EvaluationSheetResponseDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { quality: '24', progress: '16.5' },
    description: '评估项 key → 分数，按细则顺序 / criterion key → mark, in rubric order',
  })
  criteria: Record<string, string>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' }, example: {} })
  gates: Record<string, boolean>;

  @ApiDecimal({ example: '80.50', description: '加权总分（细则分值） / weighted total in rubric points' })
  total: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: '第几次录入 / revision' })
  revision: number;
}

/** A stored sheet as the office's round view and the evaluator's own tablet both show it. */
export function toEvaluationSheetResponse(rules: EvaluationRules, sheet: EvaluationSheet): EvaluationSheetResponseDto {
  return {
    evaluatorId: sheet.evaluatorId,
    grantId: sheet.grantId,
    criteria: inRubricOrder(rules, sheet.marks),
    gates: inRubricOrder(rules, sheet.gates),
    total: sheet.total,
    revision: sheet.revision,
  };
}

/** 满意度 from the residents who supported the needs a grant answers, on the criterion the office chose. */
export class ResidentSatisfactionDto {
  @ApiProperty({ example: 'satisfaction', description: 'the rubric criterion it is read onto' })
  criterion: string;

  @ApiProperty({ type: 'integer', example: 12, description: 'how many residents rated the delivery' })
  ratings: number;

  @ApiProperty({ type: String, nullable: true, example: '4.50', description: 'mean of the 1–5 ratings, 2 decimals' })
  mean: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '18.00',
    description: 'mean ÷ 5 × the criterion’s maximum, half-up to 2 decimals; null without a rating',
  })
  points: string | null;

  @ApiProperty({ example: '20' })
  maxPoints: string;
}

export class EvaluationProjectDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ example: 'GYCT-2026-0001' })
  agreementNumber: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: '五顶岗社区居委会' })
  organizationName: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ enum: ['mid', 'final'] })
  forStage: 'mid' | 'final';

  @ApiProperty({ type: ProgressDto })
  progress: ProgressDto;

  @ApiProperty({ type: EvaluationResultDto, nullable: true, description: '评估结束后 / once the round is closed' })
  result: EvaluationResultDto | null;

  @ApiProperty({
    type: ResidentSatisfactionDto,
    nullable: true,
    description: '居民满意度（开启评估时选定评估项才有） / residents’ satisfaction, when the office chose a criterion',
  })
  residentSatisfaction: ResidentSatisfactionDto | null;
}

export class EvaluationRoundSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ enum: EvaluationStage })
  stage: EvaluationStage;

  @ApiProperty({ enum: EvaluationRoundState })
  state: EvaluationRoundState;

  @ApiProperty({ type: 'integer', minimum: 1 })
  rulesVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ ...DATE, nullable: true })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true, description: '输入哈希（结束后） / inputs’ sha256 once closed' })
  inputHash: string | null;

  @ApiProperty({ type: ProgressDto })
  progress: ProgressDto;
}

/** A round as the office works it: the rules, the projects, the panel, the sheets and, once closed, the results. */
export class EvaluationRoundDto extends EvaluationRoundSummaryDto {
  @ApiProperty({ type: EvaluationRulesDto, description: '本轮所依据的评估规则 / the evaluation rules of the round' })
  rules: EvaluationRulesDto;

  @ApiProperty({ type: [EvaluationProjectDto] })
  projects: EvaluationProjectDto[];

  @ApiProperty({ type: [EvaluatorDto], description: '按席位 / in seat order' })
  evaluators: EvaluatorDto[];

  @ApiProperty({ type: [EvaluationRecusalResponseDto] })
  recusals: EvaluationRecusalResponseDto[];

  @ApiProperty({ type: [EvaluationSheetResponseDto] })
  sheets: EvaluationSheetResponseDto[];
}

export class EvaluationRoundListDto {
  @ApiProperty({ type: [EvaluationRoundSummaryDto], description: '最新的在前 / newest first' })
  items: EvaluationRoundSummaryDto[];
}

/** A grant's evaluations, as its grantee and the office see them. */
export class GrantEvaluationsDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ type: [EvaluationResultDto], description: '最早的在前 / oldest first' })
  items: EvaluationResultDto[];

  @ApiProperty({
    ...DATE,
    nullable: true,
    description: '处于整改期时的整改期限 / the remediation deadline while in remediation',
  })
  remediationDueOn: string | null;
}

export class EvaluationBundleDto {
  @ApiProperty({ example: 'gongyi-chuangtou/evaluation-bundle' })
  format: string;

  @ApiProperty({ type: 'integer', example: 1 })
  version: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '轮次、评估规则、项目、评估人、评分表、回避 / round, rules, projects, evaluators, sheets, recusals',
  })
  inputs: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '输入哈希与每个项目的得分、等次、星级、构成 / input hash and each project’s score, band, stars, breakdown',
  })
  result: Record<string, unknown>;
}

/** An evaluator's sign-in code, shown to the office once. */
export class IssuedEvaluatorCodeDto {
  @ApiProperty({ type: EvaluatorDto })
  evaluator: EvaluatorDto;

  @ApiProperty({
    example: 'K7QM-4XPA',
    description: '评估签到码只在此显示一次，服务器只保存其摘要 / shown this once only; the server keeps only a digest',
  })
  code: string;

  @ApiProperty({
    example: 'https://office.example/evaluate/#r=4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f&code=K7QM-4XPA',
    description:
      '平板评分地址（轮次和签到码在 # 之后，不会发到服务器） / the tablet address (round and code after #, never sent to a server)',
  })
  signInUrl: string;
}

export class EvaluatorSeatedDto extends EvaluationRoundDto {
  @ApiProperty({ type: IssuedEvaluatorCodeDto, description: '新评估人的签到码 / the new evaluator’s sign-in code' })
  issuedCode: IssuedEvaluatorCodeDto;
}
