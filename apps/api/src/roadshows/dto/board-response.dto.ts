import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SlotState } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import {
  AggregateMethodDto,
  ApiGroupDisplay,
  PublicGroupDto,
  PublicTotalDto,
} from '../../results/dto/score-breakdown.dto';

export class BoardTotalDto extends PublicTotalDto {
  @ApiProperty({ example: 'expert' })
  group: string;
}

export class BoardGroupDto extends PublicGroupDto {
  @ApiGroupDisplay()
  display: string;
}

/** What the hall sees of a locked slot: totals and trimming, no judge names. */
export class BoardResultDto extends AggregateMethodDto {
  @ApiDecimal({ example: '87.35' })
  announcedScore: string;

  @ApiProperty({
    type: [BoardTotalDto],
    description: '各评委总分（匿名，由高到低） / judges’ totals, anonymous, highest first',
  })
  totals: BoardTotalDto[];

  @ApiProperty({ type: [BoardGroupDto] })
  groups: BoardGroupDto[];

  @ApiProperty({ example: true })
  gatesPassed: boolean;
}

export class BoardSlotDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  position: number;

  @ApiProperty({ enum: SlotState })
  state: SlotState;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: '便民利民类' })
  categoryLabelZh: string;

  @ApiProperty({ example: 'Convenience services' })
  categoryLabelEn: string;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 6 })
  submittedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  judgeCount: number;

  @ApiDecimal({ nullable: true, example: '87.35', description: '仅锁定后 / only once locked' })
  announcedScore: string | null;

  @ApiProperty({ type: BoardResultDto, nullable: true, description: '仅锁定后 / only once locked' })
  result: BoardResultDto | null;
}

export class BoardCurrentDto extends BoardSlotDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  pitchStartedAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 420 })
  pitchSeconds: number;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: '陈述计时结束时刻 / when the pitch time ends',
  })
  pitchEndsAt: string | null;
}

export class BoardDecisionDto {
  @ApiProperty({ enum: ['score', 'tie-break', 'id', 'last'], example: 'score' })
  kind: string;

  @ApiPropertyOptional({ example: 'median' })
  key?: string;

  @ApiPropertyOptional({ example: '评委总分中位数高者优先' })
  labelZh?: string;

  @ApiPropertyOptional({ example: 'higher median of judges' })
  labelEn?: string;
}

export class BoardRankingDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: '名次（同分同名次） / rank, equal scores share it',
  })
  rank: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: '排序位置 / place in the total order' })
  place: number;

  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 4 })
  position: number;

  @ApiProperty({ example: '扶贫帮困献爱心·村企共建送关怀' })
  title: string;

  @ApiProperty({ example: '江根社区居民委员会' })
  organizationName: string;

  @ApiDecimal({ example: '89.20' })
  announcedScore: string;

  @ApiProperty({ type: BoardDecisionDto, description: '与下一名的区分依据 / what separates it from the next' })
  decidedBy: BoardDecisionDto;
}

/** What the announced score is: the final score, or the roadshow's part of it (路演得分). */
export class AnnouncedScorePartDto {
  @ApiProperty({
    enum: ['final', 'roadshow-component'],
    example: 'roadshow-component',
    description:
      'final：公布的即最终得分；roadshow-component：只是总分中的路演部分（另有录入、投票等构成或按评委标准化） / ' +
      'final: the announced score is the final one; roadshow-component: only its roadshow part',
  })
  part: 'final' | 'roadshow-component';

  @ApiProperty({ example: '路演得分' })
  labelZh: string;

  @ApiProperty({ example: 'Roadshow score' })
  labelEn: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'roadshow',
    description: '路演构成的代码 / the roadshow component’s key',
  })
  componentKey: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0.6', description: '路演构成的权重 / its weight' })
  weight: string | null;

  @ApiProperty({
    example: false,
    description: '最终得分按评委标准化，现场显示原始分 / the final score normalizes each judge',
  })
  normalized: boolean;
}

export class BoardResponseDto {
  @ApiProperty({ format: 'uuid' })
  roadshowId: string;

  @ApiProperty({
    format: 'uuid',
    description: '大赛编号，用于公示与项目进展页 / for the public notice and accountability pages',
  })
  competitionId: string;

  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅' })
  venue: string;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ nullable: true, type: String, description: '公开的抽签种子 / the published draw seed' })
  orderSeed: string | null;

  @ApiProperty({ type: BoardCurrentDto, nullable: true })
  current: BoardCurrentDto | null;

  @ApiProperty({ type: [BoardSlotDto] })
  slots: BoardSlotDto[];

  @ApiProperty({ type: [BoardRankingDto], description: '已锁定项目的实时排名 / running ranking of locked slots' })
  ranking: BoardRankingDto[];

  @ApiProperty({ type: AnnouncedScorePartDto, description: '公布分数的含义 / what the announced scores are' })
  announcedAs: AnnouncedScorePartDto;
}
