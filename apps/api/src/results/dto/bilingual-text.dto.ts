import { ApiProperty } from '@nestjs/swagger';

export class BilingualTextDto {
  @ApiProperty({ example: '按资助上限核减（申请额、单项上限或预算比例上限）' })
  zh: string;

  @ApiProperty({ example: 'reduced to its cap (the request, the per-project maximum or the share of budget)' })
  en: string;
}
