import { ApiProperty } from '@nestjs/swagger';
import { RecusalSource } from '@app/domain';
import { Recusal } from '@app/persistence';

export class RecusalResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({
    enum: RecusalSource,
    example: RecusalSource.Automatic,
    description: 'declared 评委申报 · office 办公室指定 · automatic 同组织或同社区自动回避',
  })
  source: RecusalSource;

  @ApiProperty({ example: '同一社区：五顶岗 / same community: 五顶岗' })
  reason: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toRecusalResponse(recusal: Recusal): RecusalResponseDto {
  return {
    id: recusal.id,
    judgeId: recusal.judgeId,
    submissionId: recusal.submissionId,
    source: recusal.source,
    reason: recusal.reason,
    createdAt: recusal.createdAt.toISOString(),
  };
}
