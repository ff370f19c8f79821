import { ApiProperty } from '@nestjs/swagger';
import { CompetitionState } from '@app/domain';
import { AnnouncedScorePartDto } from './board-response.dto';
import { JudgeResponseDto } from './judge-response.dto';
import { RecusalResponseDto } from './recusal-response.dto';
import { RoadshowResponseDto } from './roadshow-response.dto';
import { SlotResponseDto } from './slot-response.dto';

export class RoadshowProgressDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 10 })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 6 })
  waiting: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0 })
  presenting: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  scoring: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
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

  @ApiProperty({ enum: CompetitionState, example: CompetitionState.Roadshow })
  competitionState: string;

  @ApiProperty({ type: [SlotResponseDto], description: '按出场顺序 / in presentation order' })
  slots: SlotResponseDto[];

  @ApiProperty({
    type: SlotResponseDto,
    nullable: true,
    description: '正在陈述或评分的出场位 / the slot presenting or scoring, if any',
  })
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

  @ApiProperty({
    type: AnnouncedScorePartDto,
    description: '公布分数的含义（得分或路演得分） / what the announced scores are',
  })
  announcedAs: AnnouncedScorePartDto;
}
