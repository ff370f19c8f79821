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

  @ApiProperty({ format: 'date-time', description: '当前签到码的生成时间 / when the current code was made' })
  codeIssuedAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class QrMatrixDto {
  @ApiProperty({ type: 'integer', minimum: 21, example: 37 })
  size: number;

  @ApiProperty({
    type: [String],
    pattern: '^[01]+$',
    description: '每行一个字符串，1 为深色模块 / one string per row, 1 a dark module',
  })
  rows: string[];
}

/** A code as it is handed out: shown once, with the tablet link that carries it and its QR code. */
export class IssuedCodeDto {
  @ApiProperty({ type: JudgeResponseDto })
  judge: JudgeResponseDto;

  @ApiProperty({
    example: 'K7QM-4XPA',
    description: '签到码只在此显示一次，服务器只保存其摘要 / shown this once only; the server keeps only a digest',
  })
  code: string;

  @ApiProperty({
    example: 'https://venue.example/judge/#r=8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f&code=K7QM-4XPA',
    description:
      '平板签到地址（路演和签到码在 # 之后，不会发到服务器） / the tablet sign-in address (roadshow and code after #, never sent to a server)',
  })
  signInUrl: string;

  @ApiProperty({ type: QrMatrixDto, description: 'signInUrl 的二维码 / the QR code of signInUrl' })
  qr: QrMatrixDto;
}

export class JudgeCreatedResponseDto extends IssuedCodeDto {
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
    codeIssuedAt: judge.codeIssuedAt.toISOString(),
    createdAt: judge.createdAt.toISOString(),
  };
}
