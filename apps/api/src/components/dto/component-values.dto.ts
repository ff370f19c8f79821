import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, Matches, ValidateNested } from 'class-validator';
import { COMPONENT_SOURCES, type ComponentSource } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { ArrayField, IntField, Optional, StringField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

/** `:id/…/:key` in a path: the competition and one of its components. */
export class ComponentParamDto {
  @ApiProperty({ example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', format: 'uuid' })
  @Label('地址中的编号', 'ID in the address')
  @IsUUID()
  id: string;

  @ApiProperty({ example: 'preliminary', description: '评分构成代码 / the component’s key' })
  @Label('评分构成代码', 'component key')
  @StringField(40)
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    context: { zh: '只能用小写字母、数字和连字符', en: 'lower-case letters, digits and hyphens only' },
  })
  key: string;
}

export class ComponentValueEntryDto {
  @ApiProperty({ format: 'uuid', description: '项目编号（与结果表 CSV 的“项目编号”相同） / the project id' })
  @Label('项目编号', 'project ID')
  @IsUUID()
  projectId: string;

  @ApiDecimal({
    example: '86.5',
    required: false,
    description: '分数，0 到该构成的最高分，最多 4 位小数 / points, 0 to the maximum, at most 4 places',
  })
  @Label('分数', 'value')
  @Optional()
  @StringField(16)
  @Matches(/^\d{1,9}(\.\d{1,4})?$/, {
    context: { zh: '如 85 或 36.5，最多 4 位小数', en: 'such as 85 or 36.5, at most 4 decimal places' },
  })
  value?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 2_350_000,
    description:
      '按捐赠折算的构成：捐赠金额（分），按规则 fenPerPoint 折算为分数 / ' +
      'a donations component: the amount in fen, turned into points by the rule’s fenPerPoint',
  })
  @Label('捐赠金额（分）', 'donation (fen)')
  @Optional()
  @IntField(0)
  donationFen?: number;
}

export class RecordComponentValuesDto {
  @ApiProperty({ type: [ComponentValueEntryDto], description: '一个或多个项目的分数 / one or more projects’ values' })
  @Label('分数', 'values')
  @ArrayField(2000, 1)
  @ValidateNested({ each: true })
  @Type(() => ComponentValueEntryDto)
  values: ComponentValueEntryDto[];
}

export class ImportComponentValuesDto {
  @ApiProperty({
    example: '\uFEFF项目编号 / Project ID,分数 / Value\r\n6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d,86.5\r\n',
    description:
      'UTF-8 CSV 文本：首行为表头，含“项目编号 / Project ID”列和“分数 / Value”列（按捐赠折算的构成为' +
      '“捐赠金额（元）/ Donations (yuan)”列），其余列忽略。任何一行有误则整份不写入，错误注明行号。 / ' +
      'UTF-8 CSV text: a header row with a "项目编号 / Project ID" column and a "分数 / Value" column ' +
      '("捐赠金额（元）/ Donations (yuan)" for a donations component); other columns are ignored. ' +
      'If any row is wrong nothing is written, and each error names its line.',
  })
  @Label('CSV 文件', 'CSV file')
  @StringField(1_000_000)
  csv: string;
}

export class ComponentValueRowDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: '社区长者饭堂' })
  projectTitle: string;

  @ApiProperty({
    example: '86.5',
    description: '精确值：小数，或循环小数写作“分子/分母” / exact: a decimal, or "numerator/denominator"',
  })
  value: string;

  @ApiProperty({ enum: ['input', 'vote'] })
  source: 'input' | 'vote';

  @ApiProperty({ type: 'integer', description: '修改次数 / revision' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ComponentValuesDto {
  @ApiProperty({ example: 'preliminary' })
  key: string;

  @ApiProperty({ example: '初评' })
  labelZh: string;

  @ApiProperty({ example: 'Preliminary round' })
  labelEn: string;

  @ApiProperty({ enum: COMPONENT_SOURCES })
  source: ComponentSource;

  @ApiDecimal({ example: '0.15', required: false })
  weight?: string;

  @ApiDecimal({ example: null, required: false })
  bonusCap?: string;

  @ApiDecimal({ example: '100', required: false })
  maxPoints?: string;

  @ApiPropertyOptional({ type: 'integer', example: 100_000 })
  fenPerPoint?: number;

  @ApiProperty({ description: '已锁定：排名前必须锁定 / locked: required before ranking' })
  locked: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lockedAt: string | null;

  @ApiProperty({ type: [ComponentValueRowDto] })
  values: ComponentValueRowDto[];

  @ApiProperty({
    type: [String],
    description: '通过资格审查但还没有分数的项目 / screened-in projects without a value yet',
  })
  missingProjectIds: string[];
}

export class CompetitionComponentsDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({
    type: [ComponentValuesDto],
    description: '规则中需要录入或投票得出的评分构成，按规则顺序 / the rules’ input and vote components, in order',
  })
  components: ComponentValuesDto[];
}

export class RecordedComponentValuesDto {
  @ApiProperty({ example: 'preliminary' })
  componentKey: string;

  @ApiProperty({ type: 'integer', description: '新写入或改动的项目数 / values new or changed' })
  written: number;

  @ApiProperty({ type: 'integer', description: '与已有值相同的项目数 / values already as given' })
  unchanged: number;
}
