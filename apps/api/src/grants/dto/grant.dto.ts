import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn } from 'class-validator';
import { GrantSource, GrantState, RefundBasis, RefundState, ReportKind, ReportState } from '@app/domain';
import { BudgetLineFunding } from '@app/grants';
import { GrantRefund } from '@app/persistence';
import { Optional } from '../../common/input.decorators';
import { CalendarDate, CompetitionLedgerQueryDto, PayeeDto, ReasonField, VoucherFields } from './ledger-fields.dto';
import { TrancheDto } from './tranche.dto';
import { Label } from '../../common/label.decorator';
import { FundedBudgetLineDto } from './budget-change.dto';
import { PageOf } from '../../common/page-query.dto';

export class GrantPartyDto {
  @ApiProperty({ example: '中共佛山市三水区西南街道工作委员会' })
  name: string;

  @ApiProperty({ example: '王建国' })
  representative: string;

  @ApiPropertyOptional({ example: '佛山市三水区西南街道广海大道西' })
  address?: string;

  @ApiPropertyOptional({ example: '五顶岗' })
  community?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  creditCode?: string | null;
}

export class NextTrancheDto extends TrancheDto {}

export class GrantSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for a direct purchase' })
  competitionId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for a direct purchase' })
  submissionId: string | null;

  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'the direct purchase’s service order; null for a competition’s grant',
  })
  orderId: string | null;

  @ApiProperty({
    format: 'uuid',
    description: 'the competition’s signed agreement, or the direct purchase’s service purchase agreement',
  })
  agreementId: string;

  @ApiProperty({ example: 'GYCT-2026-0001' })
  agreementNumber: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ example: '佛山市三水区西南街道五顶岗社区居民委员会' })
  granteeName: string;

  @ApiProperty({ type: 'integer', example: 3_000_001, description: 'the grant, integer fen' })
  amountFen: number;

  @ApiProperty({ type: 'integer', example: 1_500_000, description: 'paid so far, integer fen' })
  paidFen: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'refunds still due, integer fen' })
  refundDueFen: number;

  @ApiProperty({ enum: GrantState, example: GrantState.Active })
  state: GrantState;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'why it was suspended, resumed or ended' })
  stateReason: string | null;

  @ApiProperty({ type: NextTrancheDto, nullable: true, description: 'the first tranche not yet settled' })
  nextTranche: NextTrancheDto | null;

  @ApiProperty({ example: '2027-01-05T02:00:00.000Z' })
  createdAt: string;
}

export class GrantPageDto extends PageOf(GrantSummaryDto) {}

export class GrantQueryDto extends CompetitionLedgerQueryDto {
  @ApiPropertyOptional({ enum: GrantState })
  @Label('资助状态', 'grant state')
  @Optional()
  @IsEnum(GrantState)
  state?: GrantState;

  @ApiPropertyOptional({ enum: GrantSource, description: 'only the grants of competitions, or only direct purchases' })
  @Label('资助来源', 'grant source')
  @Optional()
  @IsEnum(GrantSource)
  source?: GrantSource;
}

/** A line of the budget in force, with what accepted reports spent on it. */
export class BudgetLineStatusDto implements BudgetLineFunding {
  @ApiProperty({ example: '维修工具与耗材' })
  item: string;

  @ApiProperty({ example: '物资' })
  kind: string;

  @ApiProperty({ type: 'integer', example: 1_285_714, description: 'budgeted from the grant' })
  grantFen: number;

  @ApiProperty({ type: 'integer', example: 214_286, description: 'budgeted from the matching funds (配套资金)' })
  matchingFen: number;

  @ApiProperty({ type: 'integer', example: 400_000, description: 'spent from the grant, by accepted reports' })
  spentGrantFen: number;

  @ApiProperty({ type: 'integer', example: 50_000, description: 'spent from the matching funds, by accepted reports' })
  spentMatchingFen: number;
}

export class BudgetVersionDto {
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;

  @ApiProperty({ example: '预算调整：宣传物料节余转入志愿者培训' })
  reason: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the approved change that made it' })
  changeId: string | null;

  @ApiProperty({ type: [FundedBudgetLineDto], description: 'the lines as this version approved them' })
  lines: BudgetLineFunding[];

  @ApiProperty({ example: '2027-03-02T02:00:00.000Z' })
  createdAt: string;
}

export class BudgetDto {
  @ApiProperty({ type: 'integer', example: 1 })
  version: number;

  @ApiProperty({ type: [BudgetLineStatusDto] })
  lines: BudgetLineStatusDto[];

  @ApiProperty({ type: [BudgetVersionDto], description: 'every approved version, oldest first' })
  history: BudgetVersionDto[];
}

export class ReportDueDto {
  @ApiProperty({ enum: ReportKind })
  kind: ReportKind;

  @ApiProperty({ example: '2027-01', description: 'YYYY-MM for a monthly report, empty otherwise' })
  period: string;

  @ApiProperty({ example: '2027-01-01' })
  opensOn: string;

  @ApiProperty({ example: '2027-02-10' })
  dueOn: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reportId: string | null;

  @ApiProperty({ enum: ReportState, nullable: true, description: 'null: not started' })
  state: ReportState | null;

  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'days late: of the first submission, or of today while missing',
  })
  daysLate: number;
}

export class RefundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ type: 'integer', example: 1_100_000 })
  amountFen: number;

  @ApiProperty({ enum: RefundBasis })
  basis: RefundBasis;

  @ApiProperty({ enum: RefundState })
  state: RefundState;

  @ApiProperty({ example: '2027-03-01T02:00:00.000Z' })
  openedAt: string;

  @ApiProperty({ example: '2027-03-31' })
  dueOn: string;

  @ApiProperty({ example: false, description: 'past its due date and not returned' })
  overdue: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  returnedOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  voucherNumber: string | null;
}

export class GrantDetailDto extends GrantSummaryDto {
  @ApiProperty({ type: 'integer', example: 500_000, description: 'matching funds the grantee promised, integer fen' })
  matchingFen: number;

  @ApiProperty({ type: GrantPartyDto, description: '甲方' })
  partyA: GrantPartyDto;

  @ApiProperty({ type: GrantPartyDto, description: '乙方' })
  partyB: GrantPartyDto;

  @ApiProperty({ type: PayeeDto, nullable: true, description: 'the bank account the grantee entered' })
  payee: PayeeDto | null;

  @ApiProperty({ example: '2027-01-05' })
  periodStart: string;

  @ApiProperty({ example: '2027-12-15' })
  periodEnd: string;

  @ApiProperty({ type: [TrancheDto] })
  tranches: TrancheDto[];

  @ApiProperty({ type: BudgetDto })
  budget: BudgetDto;

  @ApiProperty({ type: [ReportDueDto], description: 'every report the rules call for, with what was filed' })
  reportSchedule: ReportDueDto[];

  @ApiProperty({ type: [RefundDto] })
  refunds: RefundDto[];
}

export class GrantReasonDto {
  @ApiProperty({ example: '中期检查发现账目不清，暂停拨付待整改', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;
}

export class CompleteGrantDto {
  @ApiPropertyOptional({ example: '结项评估完成，资金清算完毕', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField({ optional: true })
  reason?: string;
}

export class TerminateGrantDto {
  @ApiProperty({ example: '项目负责人离职，项目无法继续实施', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;

  @ApiProperty({
    enum: RefundBasis,
    example: RefundBasis.Unspent,
    description: 'unspent: paid minus accepted spending comes back; breach (违约): everything paid comes back',
  })
  @Label('终止依据', 'basis for termination')
  @IsIn(Object.values(RefundBasis))
  basis: RefundBasis;
}

export class RecordRefundReturnDto extends VoucherFields {
  @ApiProperty({ example: '2027-03-20', description: 'the day the money came back (Beijing date)' })
  @Label('退回日期', 'date returned')
  @CalendarDate()
  returnedOn: string;
}

export function toRefundResponse(refund: GrantRefund, today: string): RefundDto {
  return {
    id: refund.id,
    grantId: refund.grantId,
    amountFen: refund.amountFen,
    basis: refund.basis,
    state: refund.state,
    openedAt: refund.openedAt.toISOString(),
    dueOn: refund.dueOn,
    overdue: refund.state === RefundState.Open && today > refund.dueOn,
    returnedOn: refund.returnedOn,
    voucherNumber: refund.voucherNumber,
  };
}
