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

export class RoadshowProjectDto {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '分享阅读书香·共享洲边文明' })
  title: string;
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

  @ApiProperty({
    type: [RoadshowProjectDto],
    description:
      '已提交且通过资格审查的项目，即可被抽签和回避的项目 / the screened-in projects: what is drawn and can be recused from',
  })
  projects: RoadshowProjectDto[];

  @ApiProperty({ type: [RecusalResponseDto] })
  recusals: RecusalResponseDto[];

  @ApiProperty({ type: RoadshowProgressDto })
  progress: RoadshowProgressDto;
}
