import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { TrancheCondition, TrancheState } from '@app/domain';
import { describeCondition } from '@app/grants';
import { GrantTranche, ProjectGrant } from '@app/persistence';
import { toChineseCapitalAmount } from '@app/reports';
import { Optional } from '../../common/input.decorators';
import { TrancheConditionDto } from '../../competitions/dto/competition-rules.dto';
import { BilingualTextDto } from '../../results/dto/bilingual-text.dto';
import { CalendarDate, CompetitionLedgerQueryDto, PayeeDto, ReasonField, VoucherFields } from './ledger-fields.dto';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class TrancheDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ type: 'integer', example: 2, description: '1, 2, 3 … in payment order' })
  sequence: number;

  @ApiProperty({ example: '中期评估合格后拨付' })
  labelZh: string;

  @ApiProperty({ example: 'After the mid-term evaluation' })
  labelEn: string;

  @ApiProperty({ type: 'integer', example: 30 })
  percent: number;

  @ApiProperty({ type: 'integer', example: 900_000, description: 'integer fen; the last tranche takes the remainder' })
  amountFen: number;

  @ApiProperty({ example: '玖仟元整', description: '大写 amount' })
  amountCapital: string;

  @ApiProperty({ type: TrancheConditionDto })
  condition: TrancheCondition;

  @ApiProperty({ type: BilingualTextDto })
  conditionText: BilingualTextDto;

  @ApiProperty({
    enum: TrancheState,
    example: TrancheState.Eligible,
    description: 'a planned tranche whose date has come reads eligible',
  })
  state: TrancheState;

  @ApiProperty({ type: String, nullable: true, example: '2027-07-10T02:00:00.000Z' })
  conditionMetAt: string | null;

  @ApiProperty({
    type: Object,
    nullable: true,
    example: { kind: 'office-decision', by: '0d9e6f4a-1c2b-4e3d-8a7f-5b6c9d0e1f2a', reason: '中期评估合格' },
    description:
      'why the condition holds: signing, report, evaluation (round, stage, score, band), office-decision or date',
  })
  conditionEvidence: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  approvedAt: string | null;

  @ApiProperty({ type: PayeeDto, nullable: true, description: 'the account fixed by the approval' })
  payee: PayeeDto | null;

  @ApiProperty({ type: String, nullable: true, example: '记-2027-0712' })
  voucherNumber: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-07-14' })
  paidOn: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  paidBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  paidAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was withheld or cancelled' })
  closedReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  closedAt: string | null;
}

export class TrancheQueueItemDto extends TrancheDto {
  @ApiProperty({ example: 'GYCT-2026-0001' })
  agreementNumber: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: '佛山市三水区西南街道五顶岗社区居民委员会' })
  granteeName: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for a direct purchase' })
  competitionId: string | null;

  @ApiProperty({ type: PayeeDto, nullable: true, description: 'the account the grantee entered' })
  grantPayee: PayeeDto | null;
}

export class TranchePageDto extends PageOf(TrancheQueueItemDto) {}

export class TrancheQueueQueryDto extends CompetitionLedgerQueryDto {
  @ApiPropertyOptional({
    enum: TrancheState,
    default: TrancheState.Eligible,
    description: 'eligible: to approve; approved: to pay',
  })
  @Label('拨付状态', 'tranche state')
  @Optional()
  @IsEnum(TrancheState)
  state?: TrancheState;
}

export class ConditionDecisionDto {
  @ApiProperty({ example: '中期评估得分 82 分，评估合格（评估报告 2027-07-08）', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;
}

export class PayTrancheDto extends VoucherFields {
  @ApiProperty({ example: '2027-07-14', description: 'the day the money left, as on the voucher (Beijing date)' })
  @Label('拨付日期', 'date paid')
  @CalendarDate()
  paidOn: string;
}

export class WithholdTrancheDto {
  @ApiProperty({ example: '中期评估不合格，整改后仍不合格，停止拨付', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;
}

/** The tranche as the API shows it; `state` is the one libs/grants reads now (a date that has come). */
export function toTrancheResponse(t: GrantTranche, state: TrancheState = t.state): TrancheDto {
  return {
    id: t.id,
    grantId: t.grantId,
    sequence: t.sequence,
    labelZh: t.labelZh,
    labelEn: t.labelEn,
    percent: t.percent,
    amountFen: t.amountFen,
    amountCapital: toChineseCapitalAmount(t.amountFen),
    condition: t.condition,
    conditionText: describeCondition(t.condition),
    state,
    conditionMetAt: t.conditionMetAt?.toISOString() ?? null,
    conditionEvidence: t.conditionEvidence,
    approvedBy: t.approvedBy,
    approvedAt: t.approvedAt?.toISOString() ?? null,
    payee: t.payee,
    voucherNumber: t.voucherNumber,
    paidOn: t.paidOn,
    paidBy: t.paidBy,
    paidAt: t.paidAt?.toISOString() ?? null,
    closedReason: t.closedReason,
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

export function toTrancheQueueItem(
  t: GrantTranche,
  state: TrancheState,
  grant: ProjectGrant,
  projectTitle: string,
): TrancheQueueItemDto {
  return {
    ...toTrancheResponse(t, state),
    agreementNumber: grant.agreementNumber,
    projectTitle,
    granteeName: grant.partyB.name,
    competitionId: grant.competitionId,
    grantPayee: grant.payee,
  };
}
