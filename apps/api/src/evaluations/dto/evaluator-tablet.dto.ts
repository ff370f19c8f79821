import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { EvaluationRoundState, EvaluationStage, EvaluatorSheetStatus, JudgeGroup } from '@app/domain';
import { TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { RubricCriterionRuleDto } from '../../competitions/dto/panel-rules.dto';
import { SignInCodeField } from '../../roadshows/dto/judge-sign-in.dto';
import { EvaluationSheetResponseDto, ResidentSatisfactionDto } from './evaluation-response.dto';

export class EvaluatorSignInDto {
  @SignInCodeField('评估签到码，大小写与连字符不限 / sign-in code; case and dashes do not matter')
  code: string;

  @ApiProperty({
    format: 'uuid',
    example: '4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f',
    description:
      '签到的评估轮次（评分地址中已带）；错误次数按轮次计算 / the evaluation round (the tablet address carries it); ' +
      'wrong codes are counted per round',
  })
  @Label('评估轮次编号', 'evaluation round ID')
  @IsUUID()
  roundId: string;
}

export class EvaluatorRecusalInputDto {
  @ApiProperty({ example: '本人是该项目的顾问 / I advise the project', maxLength: 200 })
  @Label('回避原因', 'reason for the recusal')
  @TextField({ max: 200 })
  reason: string;
}

export class TabletEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王建国' })
  name: string;

  @ApiProperty({ enum: JudgeGroup })
  group: JudgeGroup;
}

export class TabletRoundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EvaluationStage })
  stage: EvaluationStage;

  @ApiProperty({ enum: EvaluationRoundState })
  state: EvaluationRoundState;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;
}

export class EvaluatorSessionResponseDto {
  @ApiProperty({ description: '只对本评估轮次有效的令牌 / bearer token bound to this evaluator and round' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: TabletEvaluatorDto })
  evaluator: TabletEvaluatorDto;

  @ApiProperty({ type: TabletRoundDto })
  round: TabletRoundDto;
}

export class TabletProjectDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ example: '亲和社群·红动家园' })
  title: string;

  @ApiProperty({ example: '月桂社区居委会' })
  organizationName: string;

  @ApiProperty({ example: '月桂' })
  community: string;

  @ApiProperty({ enum: EvaluatorSheetStatus, description: '待评分 / 已评分 / 已回避（不能评分）' })
  status: EvaluatorSheetStatus;

  @ApiProperty({ type: String, nullable: true, description: '回避原因 / why the evaluator is recused' })
  recusalReason: string | null;

  @ApiProperty({
    type: ResidentSatisfactionDto,
    nullable: true,
    description: '居民满意度（办公室选定评估项时） / residents’ satisfaction, when the office chose a criterion',
  })
  residentSatisfaction: ResidentSatisfactionDto | null;

  @ApiProperty({ type: EvaluationSheetResponseDto, nullable: true, description: '本人的评分表 / own sheet' })
  sheet: EvaluationSheetResponseDto | null;
}

/** What an evaluator's tablet shows: the round, its rubric, and their own sheets only. */
export class EvaluatorRoundViewDto {
  @ApiProperty({ type: TabletRoundDto })
  round: TabletRoundDto;

  @ApiProperty({ type: TabletEvaluatorDto })
  evaluator: TabletEvaluatorDto;

  @ApiProperty({ type: [RubricCriterionRuleDto], description: '本轮评估细则 / the round’s rubric' })
  rubric: RubricCriterionRuleDto[];

  @ApiProperty({ type: [TabletProjectDto] })
  projects: TabletProjectDto[];
}
