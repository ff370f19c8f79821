import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { DECIMAL_TEXT } from '../../common/api-decimal.decorator';
import { Optional, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { EvaluationStage, JudgeGroup } from '@app/domain';

export class CreateEvaluationRoundDto {
  @ApiProperty({
    enum: EvaluationStage,
    example: EvaluationStage.Mid,
    description: 'mid 中期评估 / final 结项评估 / re-evaluation 整改后复评（处于整改期的项目）',
  })
  @Label('评估阶段', 'evaluation stage')
  @IsIn(Object.values(EvaluationStage))
  stage: EvaluationStage;

  @ApiPropertyOptional({
    example: 'satisfaction',
    description:
      '可选：把居民对所回应需求的满意度（1–5 星的平均）按比例折算到这一评估项，显示给评估组；不选则不显示。\n\n' +
      'Optional: the rubric criterion onto which the residents’ mean 1–5 rating of the needs a grant answers is ' +
      'mapped (mean ÷ 5 × the criterion’s maximum) and shown to the panel; off when left out.',
  })
  @Label('居民满意度对应的评估项', 'criterion for residents’ satisfaction')
  @TextField({ max: 40, optional: true })
  residentSatisfactionCriterion?: string;
}

export class AddEvaluatorDto {
  @ApiProperty({ example: '王建国', maxLength: 50 })
  @Label('评估人姓名', 'evaluator name')
  @TextField({ max: 50 })
  name: string;

  @ApiProperty({
    enum: JudgeGroup,
    example: JudgeGroup.Expert,
    description: 'expert 技术专家 / department 职能部门 / media 新闻媒体 / resident 居民代表',
  })
  @Label('评估组', 'evaluator group')
  @IsIn(Object.values(JudgeGroup))
  group: JudgeGroup;

  @ApiPropertyOptional({ format: 'uuid', description: '评估人所属组织：该组织的项目自动回避 / own organization' })
  @Label('所属组织', 'own organization')
  @Optional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: '洲边',
    maxLength: 50,
    description: '所在社区：该社区的项目自动回避 / own community',
  })
  @Label('所在社区', 'own community')
  @Optional()
  @TextField({ max: 50 })
  community?: string;
}

export class CreateEvaluationRecusalDto {
  @ApiProperty({ format: 'uuid' })
  @Label('评估人编号', 'evaluator ID')
  @IsUUID()
  evaluatorId: string;

  @ApiProperty({ format: 'uuid' })
  @Label('资助项目编号', 'grant ID')
  @IsUUID()
  grantId: string;

  @ApiProperty({ example: '评估人为该项目的顾问 / the evaluator advises the project', maxLength: 200 })
  @Label('回避原因', 'reason for the recusal')
  @TextField({ max: 200 })
  reason: string;
}

export class EvaluationSheetInputDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: DECIMAL_TEXT },
    example: { quality: '24', progress: '16.5', awareness: '11', participation: '12', satisfaction: '17' },
    description:
      '纸质评分表上每个评估项的分数，字符串形式，0 至满分，最多两位小数；须填写全部评估项。 / ' +
      'Every criterion of the paper sheet as a decimal string, 0 to its maximum, at most 2 decimals.',
  })
  @Label('各评估项得分', 'marks by criterion')
  @IsObject()
  criteria: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    description: '通过/不通过项，细则中有时必填 / pass-fail gates, required when the rubric has them',
  })
  @Label('通过/不通过项', 'pass-fail items')
  @IsOptional()
  @IsObject()
  gates?: Record<string, unknown>;
}
