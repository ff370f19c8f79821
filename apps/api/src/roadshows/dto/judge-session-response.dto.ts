import { ApiProperty } from '@nestjs/swagger';
import { JudgeGroup } from '@app/domain';

export class SessionJudgeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '陈卫东' })
  name: string;

  @ApiProperty({ enum: JudgeGroup, example: JudgeGroup.Expert })
  group: JudgeGroup;
}

export class SessionRoadshowDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅' })
  venue: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;
}

export class JudgeSessionResponseDto {
  @ApiProperty({ description: 'Bearer token bound to this judge and roadshow' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: SessionJudgeDto })
  judge: SessionJudgeDto;

  @ApiProperty({ type: SessionRoadshowDto })
  roadshow: SessionRoadshowDto;
}
