import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsDefined, IsUUID, Matches } from 'class-validator';
import { Optional, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageQueryDto } from '../../common/page-query.dto';

/** A Beijing calendar date, YYYY-MM-DD, that exists (no 2027-02-30). */
export function CalendarDate(): PropertyDecorator {
  return applyDecorators(IsDefined(), IsDateString({ strict: true }), Matches(/^\d{4}-\d{2}-\d{2}$/));
}

/** Why the office decided: kept in the audit log and shown to the grantee. */
export function ReasonField(options: { optional?: boolean } = {}): PropertyDecorator {
  return TextField({ max: 500, multiline: true, optional: options.optional });
}

/** A page of one of the ledger's lists, of one competition when it names one. */
export class CompetitionLedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Label('大赛编号', 'competition ID')
  @Optional()
  @IsUUID()
  competitionId?: string;
}

/** A page of a list kept per grant: of one competition, or of one grant. */
export class GrantLedgerQueryDto extends CompetitionLedgerQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Label('资助编号', 'grant ID')
  @Optional()
  @IsUUID()
  grantId?: string;
}

export class PayeeDto {
  @ApiProperty({ example: '佛山市三水区西南街道五顶岗社区居民委员会', maxLength: 100 })
  @Label('户名', 'account name')
  @TextField({ max: 100 })
  accountName: string;

  @ApiProperty({ example: '中国农业银行佛山三水西南支行', maxLength: 100 })
  @Label('开户银行', 'bank')
  @TextField({ max: 100 })
  bankName: string;

  @ApiProperty({ example: '44520101040012345', maxLength: 40, description: 'as on the bank’s record; spaces allowed' })
  @Label('银行账号', 'account number')
  @TextField({ max: 40 })
  @Matches(/^[0-9][0-9 -]{5,38}[0-9]$/)
  accountNumber: string;
}

export class VoucherFields {
  @ApiProperty({ example: '记-2027-0712', maxLength: 40, description: '记账凭证号：one payment per voucher' })
  @Label('凭证号', 'voucher number')
  @TextField({ max: 40 })
  voucherNumber: string;
}
