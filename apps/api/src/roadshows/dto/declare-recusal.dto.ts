import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class DeclareRecusalDto {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  @Label('申报项目编号', 'project ID')
  @IsUUID()
  submissionId: string;

  @ApiProperty({ example: '本人是该社区居民议事会成员', maxLength: 500 })
  @Label('回避理由', 'reason for the recusal')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
