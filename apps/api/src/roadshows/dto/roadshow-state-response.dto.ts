import { ApiProperty } from '@nestjs/swagger';
import { JudgeResponseDto } from './judge-response.dto';
import { RecusalResponseDto } from './recusal-response.dto';
import { RoadshowResponseDto } from './roadshow-response.dto';
import { SlotResponseDto } from './slot-response.dto';

export class RoadshowProgressDto {
  @ApiProperty({ example: 10 })
  total: number;

  @ApiProperty({ example: 6 })
  waiting: number;

  @ApiProperty({ example: 0 })
  presenting: number;

  @ApiProperty({ example: 1 })
  scoring: number;

  @ApiProperty({ example: 3 })
  locked: number;
}

export class RoadshowStateResponseDto {
  @ApiProperty({ type: RoadshowResponseDto })
  roadshow: RoadshowResponseDto;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ example: 'roadshow' })
  competitionState: string;

  @ApiProperty({ type: [SlotResponseDto], description: '按出场顺序 / in presentation order' })
  slots: SlotResponseDto[];

  @ApiProperty({ type: SlotResponseDto, nullable: true })
  currentSlot: SlotResponseDto | null;

  @ApiProperty({ type: [JudgeResponseDto], description: '不含签到码 / without sign-in codes' })
  judges: JudgeResponseDto[];

  @ApiProperty({ type: [RecusalResponseDto] })
  recusals: RecusalResponseDto[];

  @ApiProperty({ type: RoadshowProgressDto })
  progress: RoadshowProgressDto;
}
