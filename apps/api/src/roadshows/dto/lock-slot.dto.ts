import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class LockSlotDto {
  @ApiPropertyOptional({
    example: false,
    default: false,
    description:
      '有评委尚未提交时仍然锁定（未提交者不计入并记录在明细中）。 / ' +
      'Lock although some judges have not submitted (they are left out and listed in the breakdown).',
  })
  @Label('有评委未提交时仍锁定', 'lock with scores missing')
  @IsOptional()
  @IsBoolean()
  allowMissing?: boolean;
}
