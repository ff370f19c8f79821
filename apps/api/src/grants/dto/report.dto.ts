import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, Matches, ValidateNested } from 'class-validator';
import { ReportKind, ReportState } from '@app/domain';
import { GrantReport, ReportAttachment } from '@app/persistence';
import { ArrayField, IntField, IsFen, Optional, StringField, TextField } from '../../common/input.decorators';
import { CalendarDate, GrantLedgerQueryDto, ReasonField } from './ledger-fields.dto';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';
import { ExpectedVersion } from '../../common/row-version.dto';

export const REPORT_LIMITS = { narrative: 5000, activities: 100, place: 100, description: 500 } as const;

export class CreateReportDto {
  @ApiProperty({ enum: ReportKind, example: ReportKind.Monthly })
  @Label('报告类型', 'kind of report')
  @IsIn(Object.values(ReportKind))
  kind: ReportKind;

  @ApiPropertyOptional({
    example: '2027-01',
    description: 'the month of a monthly report (YYYY-MM); none for the others',
  })
  @Label('报告期', 'period')
  @Optional()
  @StringField(7)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  period?: string;
}

export class ReportActivityDto {
  @ApiProperty({ example: '2027-01-16' })
  @Label('活动日期', 'date')
  @CalendarDate()
  date: string;

  @ApiProperty({ example: '五顶岗社区党群服务中心', maxLength: REPORT_LIMITS.place })
  @Label('活动地点', 'place')
  @TextField({ max: REPORT_LIMITS.place })
  place: string;

  @ApiProperty({ type: 'integer', example: 42, minimum: 0 })
  @Label('参与人数', 'participants')
  @IntField(0, 1_000_000)
  participants: number;

  @ApiProperty({ example: '党员志愿者上门为 12 户独居老人维修家电', maxLength: REPORT_LIMITS.description })
  @Label('活动内容', 'description')
  @TextField({ max: REPORT_LIMITS.description, multiline: true })
  description: string;
}

export class ReportSpendingDto {
  @ApiProperty({
    type: 'integer',
    example: 120_000,
    description: 'spent from the grant on this line since the last report',
  })
  @Label('资助资金支出（分）', 'grant funds spent in fen')
  @IsFen(0)
  grantFen: number;

  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'spent from the matching funds on this line since the last report',
  })
  @Label('配套资金支出（分）', 'matching funds spent in fen')
  @IsFen(0)
  matchingFen: number;
}

/** A draft saved as it stands: every field optional, each one sent replaces the stored one. */
export class UpdateReportDto {
  @ApiPropertyOptional({ example: '本月开展便民服务日 2 次，上门维修 12 户……', maxLength: REPORT_LIMITS.narrative })
  @Label('报告正文', 'narrative')
  @TextField({ max: REPORT_LIMITS.narrative, multiline: true, optional: true, allowEmpty: true })
  narrative?: string;

  @ApiPropertyOptional({ type: [ReportActivityDto] })
  @Label('活动记录', 'activities', 'activity')
  @Optional()
  @ArrayField(REPORT_LIMITS.activities)
  @ValidateNested({ each: true })
  @Type(() => ReportActivityDto)
  activities?: ReportActivityDto[];

  @ApiPropertyOptional({
    type: [ReportSpendingDto],
    description: 'one entry per line of the current budget, in its order (0 where nothing was spent)',
  })
  @Label('支出明细', 'spending lines', 'spending line')
  @Optional()
  @ArrayField(100)
  @ValidateNested({ each: true })
  @Type(() => ReportSpendingDto)
  spending?: ReportSpendingDto[];

  @ExpectedVersion('refuse if the report changed since you read it')
  expectedVersion?: number;
}

export class ReturnReportDto {
  @ApiProperty({ example: '请补充 1 月 16 日活动的签到表，并说明宣传物料支出明细', maxLength: 500 })
  @Label('审核意见', 'comments')
  @ReasonField()
  comments: string;
}

export class AcceptReportDto {
  @ApiPropertyOptional({ example: '材料齐全，同意', maxLength: 500 })
  @Label('审核意见', 'comments')
  @ReasonField({ optional: true })
  comments?: string;
}

export class ReportQueryDto extends GrantLedgerQueryDto {
  @ApiPropertyOptional({ enum: ReportState, description: 'submitted: the office’s review queue' })
  @Label('报告状态', 'report state')
  @Optional()
  @IsEnum(ReportState)
  state?: ReportState;

  @ApiPropertyOptional({ enum: ReportKind })
  @Label('报告类型', 'kind of report')
  @Optional()
  @IsEnum(ReportKind)
  kind?: ReportKind;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '签到表-2027-01-16.jpg' })
  filename: string;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] })
  contentType: string;

  @ApiProperty({ type: 'integer', example: 284_113 })
  sizeBytes: number;

  @ApiProperty({ example: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea' })
  sha256: string;

  @ApiProperty({ example: '2027-02-03T08:00:00.000Z' })
  createdAt: string;
}

export class ReviewEntryDto {
  @ApiProperty({ example: '2027-02-05T02:00:00.000Z' })
  at: string;

  @ApiProperty({ format: 'uuid' })
  by: string;

  @ApiProperty({ enum: ['submit', 'return', 'accept'] })
  action: 'submit' | 'return' | 'accept';

  @ApiProperty({ type: String, nullable: true, example: '请补充签到表' })
  text: string | null;
}

export class ReportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ example: 'GYCT-2026-0001' })
  agreementNumber: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ enum: ReportKind })
  kind: ReportKind;

  @ApiProperty({ example: '2027-01' })
  period: string;

  @ApiProperty({ example: '2027-02-10' })
  dueOn: string;

  @ApiProperty({ enum: ReportState })
  state: ReportState;

  @ApiProperty({ type: 'integer', example: 2 })
  daysLate: number;

  @ApiProperty({ type: String, nullable: true })
  submittedAt: string | null;

  @ApiProperty({ type: 'integer', example: 1 })
  version: number;
}

export class ReportPageDto extends PageOf(ReportSummaryDto) {}

export class SpendingLineDto extends ReportSpendingDto {
  @ApiProperty({ example: '维修工具与耗材', description: 'the budget line it is spent on' })
  item: string;
}

export class ReportDto extends ReportSummaryDto {
  @ApiProperty({ example: '本月开展便民服务日 2 次……' })
  narrative: string;

  @ApiProperty({ type: [ReportActivityDto] })
  activities: ReportActivityDto[];

  @ApiProperty({ type: [SpendingLineDto], description: 'per line of the current budget' })
  spending: SpendingLineDto[];

  @ApiProperty({ type: [AttachmentDto] })
  attachments: AttachmentDto[];

  @ApiProperty({ type: [ReviewEntryDto], description: 'submissions, returns with comments, the acceptance' })
  review: ReviewEntryDto[];

  @ApiProperty({ example: '2027-02-01T02:00:00.000Z' })
  updatedAt: string;
}

export function toAttachmentResponse(a: ReportAttachment): AttachmentDto {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toReportSummary(
  report: GrantReport,
  grant: { readonly agreementNumber: string },
  projectTitle: string,
  daysLate: number,
): ReportSummaryDto {
  return {
    id: report.id,
    grantId: report.grantId,
    agreementNumber: grant.agreementNumber,
    projectTitle,
    kind: report.kind,
    period: report.period,
    dueOn: report.dueOn,
    state: report.state,
    daysLate,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    version: report.version,
  };
}
