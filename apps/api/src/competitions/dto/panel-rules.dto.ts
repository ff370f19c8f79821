import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { RULES_FIELD_LABELS } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { IntField, Optional, StringField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { AGGREGATION_METHODS } from '../competition-rules.validator';

// A panel's rubric and aggregation, as a competition's roadshow and its evaluations both state them.

export class RubricCriterionRuleDto {
  @ApiProperty({ example: 'need', description: 'a-z 0-9 -; unique within the rubric' })
  @Label(RULES_FIELD_LABELS['rubric.*.key'])
  @StringField(40)
  key: string;

  @ApiProperty({ example: '需求精准', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['rubric.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'Need addressed', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['rubric.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;

  @ApiDecimal({ example: '25', description: '满分，大于 0，最多 2 位小数 / maximum points, above 0, at most 2 places' })
  @Label(RULES_FIELD_LABELS['rubric.*.maxPoints'])
  @StringField(12)
  maxPoints: string;

  @ApiDecimal({ example: '1', description: '权重，大于 0，最多 4 位小数 / weight, above 0, at most 4 places' })
  @Label(RULES_FIELD_LABELS['rubric.*.weight'])
  @StringField(12)
  weight: string;

  @ApiPropertyOptional({
    example: false,
    description: '门槛项（如党建引领）：只判定通过与否，不计入总分 / pass-fail, not added',
  })
  @Label(RULES_FIELD_LABELS['rubric.*.gate'])
  @Optional()
  @IsBoolean()
  gate?: boolean;
}

/** Keys are the JudgeGroup values; a group left out takes no part in the weighting. */
export class GroupWeightsDto {
  @ApiDecimal({ example: '0.6', required: false })
  @Label(RULES_FIELD_LABELS['aggregation.groupWeights.expert'])
  @Optional()
  @StringField(12)
  expert?: string;

  @ApiDecimal({ example: '0.2', required: false })
  @Label(RULES_FIELD_LABELS['aggregation.groupWeights.department'])
  @Optional()
  @StringField(12)
  department?: string;

  @ApiDecimal({ example: '0.1', required: false })
  @Label(RULES_FIELD_LABELS['aggregation.groupWeights.media'])
  @Optional()
  @StringField(12)
  media?: string;

  @ApiDecimal({ example: '0.4', required: false })
  @Label(RULES_FIELD_LABELS['aggregation.groupWeights.resident'])
  @Optional()
  @StringField(12)
  resident?: string;
}

export class AggregationRuleDto {
  @ApiProperty({ enum: AGGREGATION_METHODS, example: 'trimmed-mean' })
  @Label(RULES_FIELD_LABELS['aggregation.method'])
  @IsIn(AGGREGATION_METHODS)
  method: 'mean' | 'median' | 'trimmed-mean';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10,
    example: 1,
    description: 'trimmed-mean: drop this many highest and lowest',
  })
  @Label(RULES_FIELD_LABELS['aggregation.drop'])
  @Optional()
  @IntField(0, 10)
  drop?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    example: 3,
    description: 'trimmed-mean: trim only while this many judges remain',
  })
  @Label(RULES_FIELD_LABELS['aggregation.minJudgesAfterTrim'])
  @Optional()
  @IntField(1, 100)
  minJudgesAfterTrim?: number;

  @ApiProperty({
    type: 'integer',
    example: 2,
    minimum: 0,
    maximum: 4,
    description: 'rounded half-up once, at the end',
  })
  @Label(RULES_FIELD_LABELS['aggregation.decimals'])
  @IntField(0, 4)
  decimals: number;

  @ApiPropertyOptional({ type: GroupWeightsDto, description: '评委组权重 / weights of judge groups' })
  @Label(RULES_FIELD_LABELS['aggregation.groupWeights'])
  @Optional()
  @ValidateNested()
  @Type(() => GroupWeightsDto)
  groupWeights?: GroupWeightsDto;
}
