import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { DECIMAL_TEXT } from '../../common/api-decimal.decorator';
import { Label } from '../../common/label.decorator';

export class SubmitScoreDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: DECIMAL_TEXT },
    example: { need: '22.5', design: '21', feasibility: '17.25', participation: '13', sustainability: '12.5' },
    description:
      '每个评分项的分数，字符串形式，0 至满分，最多两位小数；必须填写全部评分项。 / ' +
      'Every criterion as a decimal string, 0 to its maximum, at most 2 decimals.',
  })
  @Label('各评分项得分', 'scores by criterion')
  @IsObject()
  criteria: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    example: { 'party-leadership': true },
    description: '通过/不通过项（如党建引领），细则中有时必填 / pass-fail gates, required when the rubric has them',
  })
  @Label('通过/不通过项', 'pass-fail items')
  @IsOptional()
  @IsObject()
  gates?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '需求调研扎实，建议细化志愿者激励机制。', maxLength: 2000 })
  @Label('评语', 'comment')
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
