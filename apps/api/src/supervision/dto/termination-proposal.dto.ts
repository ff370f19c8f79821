import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn } from 'class-validator';
import { GrantState, OFFICE_TERMINATION_CAUSES, TerminationCause, TerminationProposalState } from '@app/domain';
import { TextField, Optional } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';
import { GrantLedgerQueryDto, ReasonField } from '../../grants/dto/ledger-fields.dto';
import { SanctionDto } from '../../sanctions/dto/sanction.dto';

export class ProposeTerminationDto {
  @ApiProperty({
    enum: OFFICE_TERMINATION_CAUSES,
    example: TerminationCause.Diversion,
    description: '协议书的违约条款 / the agreement’s breach clause',
  })
  @Label('终止原因', 'cause')
  @IsIn(OFFICE_TERMINATION_CAUSES)
  cause: TerminationCause;

  @ApiProperty({ example: '审计发现 2027 年 5 月将 8,000 元资助资金用于社区办公开支', maxLength: 1000 })
  @Label('事实与依据', 'facts found')
  @TextField({ max: 1000, multiline: true })
  detail: string;
}

export class DecideTerminationDto {
  @ApiProperty({ example: '经街道党工委会议研究，确认终止资助', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;
}

export class TerminationProposalQueryDto extends GrantLedgerQueryDto {
  @ApiPropertyOptional({ enum: TerminationProposalState, description: 'open: the office’s queue' })
  @Label('建议状态', 'state of the proposal')
  @Optional()
  @IsEnum(TerminationProposalState)
  state?: TerminationProposalState;
}

export class TerminationProposalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for a direct purchase' })
  competitionId: string | null;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: '佛山市三水区西南街道江根社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: 'GYCT-2026-0003' })
  agreementNumber: string;

  @ApiProperty({ enum: GrantState, example: GrantState.Active })
  grantState: GrantState;

  @ApiProperty({ enum: TerminationCause, example: TerminationCause.MonthlyChecks })
  cause: TerminationCause;

  @ApiProperty({ example: '2027-03、2027-04、2027-05 月度考核分别为 5.5、5、4 分，连续 3 个月低于 6 分' })
  detail: string;

  @ApiProperty({ enum: TerminationProposalState, example: TerminationProposalState.Open })
  state: TerminationProposalState;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  decidedBy: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: '经街道党工委会议研究，确认终止资助' })
  decisionReason: string | null;

  @ApiProperty({ type: SanctionDto, nullable: true, description: 'recorded when the termination is confirmed' })
  sanction: SanctionDto | null;
}

export class TerminationProposalPageDto extends PageOf(TerminationProposalDto) {}
