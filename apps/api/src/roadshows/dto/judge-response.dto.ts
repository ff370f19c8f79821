import { ApiProperty } from '@nestjs/swagger';
import { JudgeGroup } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { Judge } from '@app/persistence';
import { RecusalResponseDto } from './recusal-response.dto';

/** A judge as the office sees it; the sign-in code is never part of it. */
export class JudgeResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  roadshowId: string;

  @ApiProperty({ example: '陈卫东' })
  name: string;

  @ApiProperty({ enum: JudgeGroup, example: JudgeGroup.Expert })
  group: JudgeGroup;

  @ApiDecimal({ example: '1' })
  weight: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  organizationId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '五顶岗' })
  community: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class JudgeCreatedResponseDto {
  @ApiProperty({ type: JudgeResponseDto })
  judge: JudgeResponseDto;

  @ApiProperty({
    example: 'K7QM-4XPA',
    description: '签到码只在此显示一次，服务器只保存其摘要 / shown this once only; the server keeps only a digest',
  })
  code: string;

  @ApiProperty({ type: [RecusalResponseDto], description: '因同组织或同社区自动产生的回避 / automatic recusals' })
  automaticRecusals: RecusalResponseDto[];
}

export function toJudgeResponse(judge: Judge): JudgeResponseDto {
  return {
    id: judge.id,
    roadshowId: judge.roadshowId,
    name: judge.name,
    group: judge.group,
    weight: judge.weight,
    organizationId: judge.organizationId,
    community: judge.community,
    createdAt: judge.createdAt.toISOString(),
  };
}
