import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RoadshowEventsParamsDto {
  @ApiProperty({
    format: 'uuid',
    example: '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76',
    description: '路演 id / roadshow id',
  })
  @IsUUID()
  id: string;
}
