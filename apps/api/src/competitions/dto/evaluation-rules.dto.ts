import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, ValidateNested } from 'class-validator';
import {
  EvaluationBandRule,
  EvaluationRules,
  EvaluationStarGateRule,
  EvaluationStarRule,
  JIANGDONG_EVALUATION,
  RULES_FIELD_LABELS,
} from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { ArrayField, IntField, StringField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { AggregationRuleDto, RubricCriterionRuleDto } from './panel-rules.dto';

export class EvaluationBandRuleDto implements EvaluationBandRule {
  @ApiProperty({ example: 'A', description: 'a-z 0-9 -, or A-Z as the bands are known' })
  @Label(RULES_FIELD_LABELS['evaluation.bands.*.key'])
  @StringField(40)
  key: string;

  @ApiProperty({ example: '优秀', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['evaluation.bands.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'Excellent', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['evaluation.bands.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;

  @ApiDecimal({ example: '85', description: '该档最低分（百分制） / lowest score of the band, out of 100' })
  @Label(RULES_FIELD_LABELS['evaluation.bands.*.minScore'])
  @StringField(12)
  minScore: string;

  @ApiProperty({ example: true, description: '该档是否算作评估合格 / whether the band passes the stage' })
  @Label(RULES_FIELD_LABELS['evaluation.bands.*.passes'])
  @IsBoolean()
  passes: boolean;
}

export class EvaluationStarRuleDto implements EvaluationStarRule {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @Label(RULES_FIELD_LABELS['evaluation.stars.*.stars'])
  @IntField(1, 5)
  stars: number;

  @ApiDecimal({ example: '90', description: '达到该星级的最低分（百分制） / lowest score for the level' })
  @Label(RULES_FIELD_LABELS['evaluation.stars.*.minScore'])
  @StringField(12)
  minScore: string;
}

export class EvaluationStarGateRuleDto implements EvaluationStarGateRule {
  @ApiProperty({
    example: 'quality',
    description: '评估细则中计分项的代码 / a scored criterion of the evaluation rubric',
  })
  @Label(RULES_FIELD_LABELS['evaluation.starGates.*.criterion'])
  @StringField(40)
  criterion: string;

  @ApiDecimal({ example: '0.6', description: '平均分须达到满分的比例 / share of the maximum the mean mark must reach' })
  @Label(RULES_FIELD_LABELS['evaluation.starGates.*.minShare'])
  @StringField(12)
  minShare: string;

  @ApiProperty({
    enum: ['one-fewer', 'none'],
    example: 'one-fewer',
    description: 'one-fewer 降一星 / none 不评星',
  })
  @Label(RULES_FIELD_LABELS['evaluation.starGates.*.effect'])
  @IsIn(['one-fewer', 'none'])
  effect: 'one-fewer' | 'none';
}

/** The evaluation section of the rules, sent whole: it replaces the stored one. */
export class EvaluationRulesDto implements EvaluationRules {
  @ApiProperty({ type: [RubricCriterionRuleDto], example: JIANGDONG_EVALUATION.rubric })
  @Label(RULES_FIELD_LABELS['evaluation.rubric'])
  @ArrayField(30, 1)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionRuleDto)
  rubric: RubricCriterionRuleDto[];

  @ApiProperty({ type: AggregationRuleDto, example: JIANGDONG_EVALUATION.aggregation })
  @Label(RULES_FIELD_LABELS['evaluation.aggregation'])
  @IsDefined()
  @ValidateNested()
  @Type(() => AggregationRuleDto)
  aggregation: AggregationRuleDto;

  @ApiProperty({ type: [EvaluationBandRuleDto], example: JIANGDONG_EVALUATION.bands })
  @Label(RULES_FIELD_LABELS['evaluation.bands'])
  @ArrayField(10, 1)
  @ValidateNested({ each: true })
  @Type(() => EvaluationBandRuleDto)
  bands: EvaluationBandRuleDto[];

  @ApiProperty({ type: [EvaluationStarRuleDto], example: JIANGDONG_EVALUATION.stars })
  @Label(RULES_FIELD_LABELS['evaluation.stars'])
  @ArrayField(5)
  @ValidateNested({ each: true })
  @Type(() => EvaluationStarRuleDto)
  stars: EvaluationStarRuleDto[];

  @ApiProperty({ type: [EvaluationStarGateRuleDto], example: JIANGDONG_EVALUATION.starGates })
  @Label(RULES_FIELD_LABELS['evaluation.starGates'])
  @ArrayField(10)
  @ValidateNested({ each: true })
  @Type(() => EvaluationStarGateRuleDto)
  starGates: EvaluationStarGateRuleDto[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 365, example: 30, description: '整改期限（天） / days' })
  @Label(RULES_FIELD_LABELS['evaluation.remediationDays'])
  @IntField(1, 365)
  remediationDays: number;
}
