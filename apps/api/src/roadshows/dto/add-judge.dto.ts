import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { JudgeGroup } from '@app/domain';
import { Label } from '../../common/label.decorator';

export class AddJudgeDto {
  @ApiProperty({ example: '陈卫东', maxLength: 100 })
  @Label('姓名', 'name')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: JudgeGroup, example: JudgeGroup.Expert, description: '评审组 / judge group' })
  @Label('评委组', 'judge group')
  @IsEnum(JudgeGroup)
  group: JudgeGroup;

  @ApiPropertyOptional({
    example: '1',
    default: '1',
    pattern: '^\\d{1,3}(\\.\\d{1,4})?$',
    description:
      '个人权重，目前只能为 1；评审组权重在大赛规则 aggregation.groupWeights 中设置。 / ' +
      'Personal weight; only 1 for now: the aggregation weights groups (rules.aggregation.groupWeights), not persons.',
  })
  @Label('个人权重', 'personal weight')
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,3}(\.\d{1,4})?$/)
  weight?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '评委所属组织：该组织的项目自动回避 / the judge’s organization: its projects are recused automatically',
  })
  @Label('所属组织', 'organization')
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: '五顶岗',
    maxLength: 100,
    description:
      '评委所在社区：该社区组织的项目自动回避 / the judge’s community: its projects are recused automatically',
  })
  @Label('所在社区', 'community')
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  community?: string;
}
