import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateRoadshowDto {
  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;
}
