import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/page-query.dto';
import { JudgeResponseDto } from './judge-response.dto';

export class TabletDto {
  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty({ format: 'date-time' })
  signedInAt: string;

  @ApiProperty({
    format: 'date-time',
    description:
      '平板最近一次与服务器同步（至多每 15 秒记录一次） / the tablet’s last sync (written at most every 15 s)',
  })
  lastSeenAt: string;

  @ApiProperty({ description: '30 秒内同步过 / synced within the last 30 s' })
  online: boolean;
}

/** A judge with what the office needs on the day: their tablets and whether they may still be removed. */
export class PanelJudgeDto extends JudgeResponseDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: '已评分的项目数 / projects scored' })
  scoredCount: number;

  @ApiProperty({ type: [TabletDto], description: '已登录的平板 / tablets signed in' })
  tablets: TabletDto[];
}

export class PanelJudgePageDto extends PageOf(PanelJudgeDto) {
  @ApiProperty({ format: 'uuid' })
  roadshowId: string;

  @ApiProperty({
    example: 'https://venue.example/judge/#r=8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f',
    description: '本路演的评委平板链接（不含签到码） / the roadshow’s judge tablet link, without a code',
  })
  judgeUrl: string;
}
