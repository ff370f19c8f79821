import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class RoadshowEventsParamsDto {
  @ApiProperty({
    format: 'uuid',
    example: '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76',
    description: '路演 id / roadshow id',
  })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  id: string;
}
