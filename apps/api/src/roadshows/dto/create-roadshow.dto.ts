import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class CreateRoadshowDto {
  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅', maxLength: 200 })
  @Label('路演地点', 'venue')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;
}
