import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNumber, Matches, ValidateNested } from 'class-validator';
import { MONTHLY_CHECK_TOTAL, XINDIAN_MONTHLY_CHECKS } from '@app/domain';
import { ExitRuleDto, MonthlyCheckItemDto } from '../../competitions/dto/competition-rules.dto';
import { ArrayField, IntField, Optional, StringField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

export class CheckMarkDto {
  @ApiProperty({ example: 'presence', description: 'a key of the competition’s checklist' })
  @Label('考核项', 'checklist item')
  @StringField(40)
  key: string;

  @ApiProperty({ example: 2.5, minimum: 0, maximum: MONTHLY_CHECK_TOTAL, description: 'in steps of 0.5' })
  @Label('得分', 'points')
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points: number;
}

export class RecordMonthlyCheckDto {
  @ApiProperty({ example: '2027-03', description: 'a month of the project period (YYYY-MM), begun' })
  @Label('考核月份', 'month')
  @StringField(7)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month: string;

  @ApiProperty({
    type: [CheckMarkDto],
    example: XINDIAN_MONTHLY_CHECKS.checklist.map((item) => ({ key: item.key, points: item.points })),
    description: 'every item of the checklist once',
  })
  @Label('逐项得分', 'marks', 'mark')
  @ArrayField(20, 1)
  @ValidateNested({ each: true })
  @Type(() => CheckMarkDto)
  items: CheckMarkDto[];

  @ApiProperty({ example: '3 月 18 日现场查看：服务站按时开放，值班记录齐全；月度总结未提交', maxLength: 1000 })
  @Label('考核依据', 'evidence')
  @TextField({ max: 1000, multiline: true })
  note: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: '更正时给出所更正的版本，版本不符即拒绝 / when correcting: the revision corrected',
  })
  @Label('所更正的版本', 'revision corrected')
  @Optional()
  @IntField(1)
  expectedRevision?: number;
}

export class CheckMarkResponseDto {
  @ApiProperty({ example: 'presence' })
  key: string;

  @ApiProperty({ example: 2.5 })
  points: number;
}

export class MonthlyCheckDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2027-03' })
  month: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'corrections are new revisions' })
  revision: number;

  @ApiProperty({ example: 5.5, minimum: 0, maximum: MONTHLY_CHECK_TOTAL })
  score: number;

  @ApiProperty({ example: true, description: 'below the exit line of the rules' })
  below: boolean;

  @ApiProperty({ type: [CheckMarkResponseDto] })
  items: CheckMarkResponseDto[];

  @ApiProperty({ example: '3 月 18 日现场查看：服务站按时开放，值班记录齐全；月度总结未提交' })
  note: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;
}

/** A grant's monthly checks: the checklist and rule they follow, each month's score, the warning. */
export class MonthlyCheckSeriesDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({
    type: [MonthlyCheckItemDto],
    example: XINDIAN_MONTHLY_CHECKS.checklist,
    description: 'empty when the competition’s rules have no monthly checks',
  })
  checklist: MonthlyCheckItemDto[];

  @ApiProperty({ type: ExitRuleDto, nullable: true, example: XINDIAN_MONTHLY_CHECKS.exit })
  exit: ExitRuleDto | null;

  @ApiProperty({ type: [MonthlyCheckDto], description: 'each month’s latest revision, oldest month first' })
  months: MonthlyCheckDto[];

  @ApiProperty({
    type: [String],
    example: ['2027-03', '2027-04'],
    description: 'the latest run of months in a row below the line; empty when the latest month is not below',
  })
  monthsBelow: string[];

  @ApiProperty({
    example: true,
    description: 'below the line for some months in a row, fewer than the rule’s: the organization is warned',
  })
  warning: boolean;

  @ApiProperty({ example: false, description: 'the run reached the rule’s months: exit was proposed' })
  exitProposed: boolean;
}
