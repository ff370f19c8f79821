import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { COMPONENT_SOURCES, type ComponentSource, RULES_FIELD_LABELS } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { IntField, Optional, StringField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { AggregationRuleDto } from './panel-rules.dto';

// The roadshow's normalization and the parts of the final score (stages and components).

export class NormalizationRuleDto {
  @ApiProperty({ enum: ['none', 'z-score'], example: 'z-score' })
  @Label(RULES_FIELD_LABELS['aggregation.normalization.kind'])
  @IsIn(['none', 'z-score'])
  kind: 'none' | 'z-score';

  @ApiPropertyOptional({
    enum: ['sample', 'population'],
    example: 'sample',
    description: 'z-score: 样本标准差（n − 1）或总体标准差（n） / sample (n − 1) or population (n) SD',
  })
  @Label(RULES_FIELD_LABELS['aggregation.normalization.sd'])
  @Optional()
  @IsIn(['sample', 'population'])
  sd?: 'sample' | 'population';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2,
    maximum: 1000,
    example: 3,
    description: 'z-score: judges who scored fewer projects keep their raw totals',
  })
  @Label(RULES_FIELD_LABELS['aggregation.normalization.minProjectsPerJudge'])
  @Optional()
  @IntField(2, 1000)
  minProjectsPerJudge?: number;
}

/** The roadshow's aggregation: a panel's, plus per-judge normalization and the bias threshold. */
export class RoadshowAggregationRuleDto extends AggregationRuleDto {
  @ApiPropertyOptional({
    type: NormalizationRuleDto,
    description: '每位评委的 z-score 标准化，按评分细则的分值范围还原 / per-judge z-score rescaled to the rubric',
  })
  @Label(RULES_FIELD_LABELS['aggregation.normalization'])
  @Optional()
  @ValidateNested()
  @Type(() => NormalizationRuleDto)
  normalization?: NormalizationRuleDto;

  @ApiDecimal({
    example: '5',
    required: false,
    description:
      '评委给本社区/本组项目平均多给的分数超过此值即提示（不剔除） / ' +
      'flag a judge whose own-affiliation bias exceeds these points (never excluded)',
  })
  @Label(RULES_FIELD_LABELS['aggregation.biasThreshold'])
  @Optional()
  @StringField(12)
  biasThreshold?: string;
}

export class ScoreComponentRuleDto {
  @ApiProperty({ example: 'donations', description: 'a-z 0-9 -; unique within the components' })
  @Label(RULES_FIELD_LABELS['components.*.key'])
  @StringField(40)
  key: string;

  @ApiProperty({ example: '定向捐赠', maxLength: 50 })
  @Label(RULES_FIELD_LABELS['components.*.labelZh'])
  @TextField({ max: 50 })
  labelZh: string;

  @ApiProperty({ example: 'Directed donations', maxLength: 80 })
  @Label(RULES_FIELD_LABELS['components.*.labelEn'])
  @TextField({ max: 80 })
  labelEn: string;

  @ApiProperty({
    enum: COMPONENT_SOURCES,
    example: 'input',
    description: 'roadshow 路演评委打分 / input 办公室录入或导入 / vote 网络投票',
  })
  @Label(RULES_FIELD_LABELS['components.*.source'])
  @IsIn(COMPONENT_SOURCES)
  source: ComponentSource;

  @ApiDecimal({
    example: '0.2',
    required: false,
    description: '权重（0–1，各权重合计为 1）；与加分上限二选一 / weight (0–1, adding up to 1); or a bonus cap',
  })
  @Label(RULES_FIELD_LABELS['components.*.weight'])
  @Optional()
  @StringField(12)
  weight?: string;

  @ApiDecimal({
    example: '50',
    required: false,
    description: '加分项：加上其值，但不超过此上限 / an additive bonus: adds its value up to this cap',
  })
  @Label(RULES_FIELD_LABELS['components.*.bonusCap'])
  @Optional()
  @StringField(12)
  bonusCap?: string;

  @ApiDecimal({
    example: '100',
    required: false,
    description: '录入或投票：一个项目最高可得的分数 / input and vote: the most points a project may have',
  })
  @Label(RULES_FIELD_LABELS['components.*.maxPoints'])
  @Optional()
  @StringField(12)
  maxPoints?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 100_000,
    description:
      '录入的是定向捐赠金额（分）时，每多少分钱折 1 分，不超过最高分 / ' +
      'when the office enters donations in fen: fen per point, up to the maximum',
  })
  @Label(RULES_FIELD_LABELS['components.*.fenPerPoint'])
  @Optional()
  @IntField(1)
  fenPerPoint?: number;
}
