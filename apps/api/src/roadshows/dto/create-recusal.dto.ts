import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class CreateRecusalDto {
  @ApiProperty({ format: 'uuid', example: '2b7c9d1e-4f3a-4a8b-9c0d-e1f2a3b4c5d6' })
  @Label('评委编号', 'judge ID')
  @IsUUID()
  judgeId: string;

  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  @Label('申报项目编号', 'project ID')
  @IsUUID()
  submissionId: string;

  @ApiProperty({ example: '评委曾担任该项目顾问', maxLength: 500 })
  @Label('回避理由', 'reason for the recusal')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
