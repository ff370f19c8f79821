import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class WithdrawRecusalDto {
  @ApiProperty({ example: '评委误点了回避，经现场核实与该项目无利益关系', maxLength: 500 })
  @Label('撤销回避的理由', 'reason for withdrawing')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
