import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEnum, IsIn, IsDateString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ScreeningStatus, SubmissionState } from '@app/domain';
import { Submission } from '@app/persistence';
import { ArrayField, IntField, IsFen, Optional, StringField, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf, PageQueryDto } from '../../common/page-query.dto';
import { ApiRowVersion, ExpectedVersion } from '../../common/row-version.dto';

export const SUBMISSION_LIMITS = {
  title: 100,
  summary: 2000,
  needAddressed: 2000,
  beneficiariesWho: 200,
  target: 200,
  targets: 20,
  budgetLines: 100,
  budgetItem: 100,
  budgetKind: 30,
  milestones: 24,
  milestoneTitle: 100,
  screeningReason: 500,
} as const;

function CalendarDate(): PropertyDecorator {
  return applyDecorators(
    IsDefined(),
    IsDateString({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, says('须为“年-月-日”，如 2026-03-31', 'must be a date written as 2026-03-31')),
  );
}

export class BudgetLineDto {
  @ApiProperty({ example: '维修工具与耗材', maxLength: SUBMISSION_LIMITS.budgetItem })
  @Label('名称', 'item')
  @TextField({ max: SUBMISSION_LIMITS.budgetItem })
  item: string;

  @ApiProperty({ example: '物资', maxLength: SUBMISSION_LIMITS.budgetKind, description: '物资 / 培训 / 宣传 / 人员 …' })
  @Label('类别', 'kind')
  @TextField({ max: SUBMISSION_LIMITS.budgetKind })
  kind: string;

  @ApiProperty({ type: 'integer', example: 1_500_000, description: 'integer fen (¥15,000.00)' })
  @Label('金额（分）', 'amount in fen')
  @IsFen(1)
  amountFen: number;
}

export class MilestoneDto {
  @ApiProperty({ example: '组建志愿服务队', maxLength: SUBMISSION_LIMITS.milestoneTitle })
  @Label('名称', 'title')
  @TextField({ max: SUBMISSION_LIMITS.milestoneTitle })
  title: string;

  @ApiProperty({ example: '2026-03-31', format: 'date', description: 'YYYY-MM-DD' })
  @Label('完成日期', 'due date')
  @CalendarDate()
  due: string;
}

export class BeneficiariesDto {
  @ApiProperty({ example: '独居老人', maxLength: SUBMISSION_LIMITS.beneficiariesWho })
  @Label('受益对象', 'beneficiaries')
  @TextField({ max: SUBMISSION_LIMITS.beneficiariesWho })
  who: string;

  @ApiProperty({ type: 'integer', example: 120, minimum: 1, maximum: 100_000_000 })
  @Label('受益人数', 'number of beneficiaries')
  @IntField(1, 100_000_000)
  count: number;
}

export class CreateSubmissionDto {
  @ApiProperty({ example: '发挥先锋作用·真情服务群众', maxLength: SUBMISSION_LIMITS.title })
  @Label('项目名称', 'project title')
  @TextField({ max: SUBMISSION_LIMITS.title })
  title: string;

  @ApiProperty({ example: 'convenience', description: 'one of the competition’s category keys' })
  @Label('项目类别', 'category')
  @StringField(40)
  category: string;

  @ApiProperty({
    example: '组织党员志愿者为辖区老人提供上门维修、代购和陪诊服务。',
    maxLength: SUBMISSION_LIMITS.summary,
  })
  @Label('项目简介', 'summary')
  @TextField({ max: SUBMISSION_LIMITS.summary, multiline: true })
  summary: string;

  @ApiProperty({
    example: '辖区独居老人 120 户，日常维修和就医陪同需求集中。',
    maxLength: SUBMISSION_LIMITS.needAddressed,
  })
  @Label('回应的需求', 'need addressed')
  @TextField({ max: SUBMISSION_LIMITS.needAddressed, multiline: true })
  needAddressed: string;

  @ApiProperty({ type: BeneficiariesDto })
  @Label('受益对象', 'beneficiaries')
  @IsDefined()
  @ValidateNested()
  @Type(() => BeneficiariesDto)
  beneficiaries: BeneficiariesDto;

  @ApiProperty({
    type: [String],
    example: ['每月上门服务不少于 40 户次', '建立 30 人党员志愿服务队'],
    maxItems: SUBMISSION_LIMITS.targets,
  })
  @Label('项目目标', 'targets', 'target')
  @TextField({ max: SUBMISSION_LIMITS.target, each: true })
  @ArrayField(SUBMISSION_LIMITS.targets, 1)
  targets: string[];

  @ApiProperty({ type: 'integer', example: 3_000_000, description: '申请资助（分） / amount requested in fen' })
  @Label('申请资助（分）', 'amount requested in fen')
  @IsFen(1)
  requestedFen: number;

  @ApiProperty({ type: 'integer', example: 500_000, description: '配套资金（分） / matching funds in fen' })
  @Label('配套资金（分）', 'matching funds in fen')
  @IsFen(0)
  matchingFen: number;

  @ApiProperty({
    type: [BudgetLineDto],
    description: 'must add up exactly to requestedFen + matchingFen',
    example: [
      { item: '维修工具与耗材', kind: '物资', amountFen: 1_500_000 },
      { item: '志愿者培训', kind: '培训', amountFen: 1_000_000 },
      { item: '宣传物料', kind: '宣传', amountFen: 1_000_000 },
    ],
  })
  @Label('预算明细', 'budget lines', 'budget line')
  @ArrayField(SUBMISSION_LIMITS.budgetLines, 1)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines: BudgetLineDto[];

  @ApiProperty({
    type: [MilestoneDto],
    example: [
      { title: '组建志愿服务队', due: '2026-03-31' },
      { title: '中期评估', due: '2026-06-30' },
    ],
  })
  @Label('里程碑', 'milestones', 'milestone')
  @ArrayField(SUBMISSION_LIMITS.milestones)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones: MilestoneDto[];
}

/** Every field optional; a field sent replaces the stored one and the whole is checked again. */
export class UpdateSubmissionDto extends PartialType(CreateSubmissionDto) {
  @ExpectedVersion('refuse if the submission changed since you read this version')
  expectedVersion?: number;
}

export class ScreeningDecisionDto {
  @ApiProperty({ enum: [ScreeningStatus.Passed, ScreeningStatus.Rejected], example: ScreeningStatus.Rejected })
  @Label('审查结果', 'screening decision')
  @IsIn([ScreeningStatus.Passed, ScreeningStatus.Rejected])
  decision: ScreeningStatus.Passed | ScreeningStatus.Rejected;

  @ApiPropertyOptional({
    example: '申报主体不在本街道辖区，不符合申报条件',
    maxLength: SUBMISSION_LIMITS.screeningReason,
    description: '不通过时必填，申报方可见 / required for a rejection; the applicant sees it',
  })
  @Label('理由', 'reason')
  @TextField({ max: SUBMISSION_LIMITS.screeningReason, multiline: true, optional: true })
  reason?: string;
}

export class SubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SubmissionState, example: SubmissionState.Submitted })
  @Label('申报状态', 'submission state')
  @Optional()
  @IsEnum(SubmissionState)
  state?: SubmissionState;

  @ApiPropertyOptional({ enum: ScreeningStatus, example: ScreeningStatus.Pending })
  @Label('资格审查结果', 'screening result')
  @Optional()
  @IsEnum(ScreeningStatus)
  screening?: ScreeningStatus;

  @ApiPropertyOptional({ example: 'convenience' })
  @Label('项目类别', 'category')
  @Optional()
  @StringField(40)
  category?: string;
}

export class AllSubmissionsQueryDto extends SubmissionQueryDto {
  @ApiPropertyOptional({ example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a', format: 'uuid' })
  @Label('大赛编号', 'competition ID')
  @Optional()
  @IsUUID()
  competitionId?: string;
}

export class SubmissionResponseDto {
  @ApiProperty({ example: '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f', format: 'uuid' })
  id: string;

  @ApiProperty({ example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a', format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '0d9e6f4a-1c2b-4e3d-8a7f-5b6c9d0e1f2a', format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: 'convenience' })
  category: string;

  @ApiProperty({ example: '组织党员志愿者为辖区老人提供上门维修、代购和陪诊服务。' })
  summary: string;

  @ApiProperty({ example: '辖区独居老人 120 户，日常维修和就医陪同需求集中。' })
  needAddressed: string;

  @ApiProperty({ type: BeneficiariesDto })
  beneficiaries: BeneficiariesDto;

  @ApiProperty({ type: [String], example: ['每月上门服务不少于 40 户次'] })
  targets: string[];

  @ApiProperty({ type: 'integer', example: 3_000_000 })
  requestedFen: number;

  @ApiProperty({ type: 'integer', example: 500_000 })
  matchingFen: number;

  @ApiProperty({ type: 'integer', example: 3_500_000, description: 'requestedFen + matchingFen' })
  budgetTotalFen: number;

  @ApiProperty({ type: [BudgetLineDto] })
  budgetLines: BudgetLineDto[];

  @ApiProperty({ type: [MilestoneDto] })
  milestones: MilestoneDto[];

  @ApiProperty({ enum: SubmissionState, example: SubmissionState.Submitted })
  state: SubmissionState;

  @ApiProperty({ example: '2026-03-20T06:30:00.000Z', nullable: true, type: String, format: 'date-time' })
  submittedAt: string | null;

  @ApiProperty({ enum: ScreeningStatus, example: ScreeningStatus.Pending, description: '资格审查结果 / screening' })
  screening: ScreeningStatus;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'why the office passed or rejected it' })
  screeningReason: string | null;

  @ApiProperty({ example: '2026-03-18T02:00:00.000Z', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: '2026-03-20T06:30:00.000Z', format: 'date-time' })
  updatedAt: string;

  @ApiRowVersion(2)
  version: number;
}

export class SubmissionPageDto extends PageOf(SubmissionResponseDto) {}

export function toSubmissionResponse(submission: Submission): SubmissionResponseDto {
  return {
    id: submission.id,
    competitionId: submission.competitionId,
    organizationId: submission.organizationId,
    title: submission.title,
    category: submission.category,
    summary: submission.summary,
    needAddressed: submission.needAddressed,
    beneficiaries: { who: submission.beneficiaries.who, count: submission.beneficiaries.count },
    targets: [...submission.targets],
    requestedFen: submission.requestedFen,
    matchingFen: submission.matchingFen,
    budgetTotalFen: submission.budgetTotalFen,
    budgetLines: submission.budgetLines.map(({ item, kind, amountFen }) => ({ item, kind, amountFen })),
    milestones: submission.milestones.map(({ title, due }) => ({ title, due })),
    state: submission.state,
    submittedAt: submission.submittedAt?.toISOString() ?? null,
    screening: submission.screening,
    screeningReason: submission.screeningReason,
    createdAt: submission.createdAt.toISOString(),
    updatedAt: submission.updatedAt.toISOString(),
    version: submission.version,
  };
}
