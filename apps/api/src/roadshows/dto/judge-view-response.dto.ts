import { AnnouncedScorePartDto } from './board-response.dto';
import { ApiProperty } from '@nestjs/swagger';
import { JudgeGroup, SlotState } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { CategoryRuleDto } from '../../competitions/dto/competition-rules.dto';
import { PageOf } from '../../common/page-query.dto';
import { ScoreResponseDto } from './score-response.dto';

export class RubricCriterionDto {
  @ApiProperty({ example: 'need' })
  key: string;

  @ApiProperty({ example: '需求精准' })
  labelZh: string;

  @ApiProperty({ example: 'Need addressed' })
  labelEn: string;

  @ApiDecimal({ example: '25', description: '满分 / maximum points' })
  maxPoints: string;

  @ApiDecimal({ example: '1' })
  weight: string;

  @ApiProperty({ example: false, description: '通过/不通过项，不计入总分 / pass-fail gate, not added to the total' })
  gate: boolean;
}

export class JudgeRubricDto {
  @ApiProperty({ type: [RubricCriterionDto] })
  criteria: RubricCriterionDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: '每项最多小数位 / decimals allowed per criterion',
  })
  markDecimals: number;
}

export class JudgeProjectDto {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '分享阅读书香·共享洲边文明' })
  title: string;

  @ApiProperty({ type: CategoryRuleDto })
  category: CategoryRuleDto;

  @ApiProperty({ example: '洲边社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '洲边' })
  community: string;

  @ApiProperty({ example: '在社区党群服务中心设立共享书屋，每月组织亲子共读。' })
  summary: string;

  @ApiProperty({ example: '社区缺少公共阅读空间，青少年课外阅读时间不足。' })
  needAddressed: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 300_000,
    description: '申请金额（分） / requested amount in fen',
  })
  requestedFen: number;
}

export class JudgeSlotDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: '出场顺序 / presentation order' })
  position: number;

  @ApiProperty({ enum: SlotState, example: SlotState.Scoring })
  state: SlotState;

  @ApiProperty({
    example: false,
    description: '本人已回避此项目：不显示项目详情，不能评分 / recused: no details, no scoring',
  })
  recused: boolean;

  @ApiProperty({ type: JudgeProjectDto, nullable: true })
  project: JudgeProjectDto | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  pitchStartedAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 420 })
  pitchSeconds: number;

  @ApiProperty({ type: ScoreResponseDto, nullable: true, description: '本人已保存的评分 / your saved score' })
  myScore: ScoreResponseDto | null;

  @ApiDecimal({ nullable: true, example: '87.35', description: '锁定后才有 / only once locked' })
  announcedScore: string | null;
}

export class JudgeSelfDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '陈卫东' })
  name: string;

  @ApiProperty({ enum: JudgeGroup })
  group: JudgeGroup;
}

export class JudgeRoadshowDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '西南街道党群服务中心一楼报告厅' })
  venue: string;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  orderDrawnAt: string | null;
}

export class JudgeRoadshowResponseDto {
  @ApiProperty({ type: JudgeRoadshowDto })
  roadshow: JudgeRoadshowDto;

  @ApiProperty({ type: JudgeSelfDto })
  judge: JudgeSelfDto;

  @ApiProperty({ type: JudgeRubricDto })
  rubric: JudgeRubricDto;

  @ApiProperty({ type: JudgeSlotDto, nullable: true, description: '当前台上的项目 / the project on stage' })
  current: JudgeSlotDto | null;

  @ApiProperty({
    type: AnnouncedScorePartDto,
    description: '公布分数的含义（得分或路演得分） / what the announced scores are',
  })
  announcedAs: AnnouncedScorePartDto;
}

/** Every slot of the judge's roadshow, in presentation order. */
export class JudgeSlotPageDto extends PageOf(JudgeSlotDto) {}
