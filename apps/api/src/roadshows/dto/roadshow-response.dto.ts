import { ApiProperty } from '@nestjs/swagger';
import { Roadshow } from '@app/persistence';

export class RoadshowResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅' })
  venue: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '3f9a0c7e5b2d4e1f8a6c9b0d7e3f1a25',
    description: '公开的抽签种子 / the published draw seed',
  })
  orderSeed: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  orderDrawnAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  currentSlotId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toRoadshowResponse(roadshow: Roadshow): RoadshowResponseDto {
  return {
    id: roadshow.id,
    competitionId: roadshow.competitionId,
    venue: roadshow.venue,
    orderSeed: roadshow.orderSeed,
    orderDrawnAt: roadshow.orderDrawnAt?.toISOString() ?? null,
    currentSlotId: roadshow.currentSlotId,
    createdAt: roadshow.createdAt.toISOString(),
  };
}
