import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { IssuedCodeDto } from './judge-response.dto';
import { Label } from '../../common/label.decorator';

export class IssueJudgeCodesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    description: '要（重新）发放签到码的评委 / the judges whose codes are (re)issued',
  })
  @Label('评委编号', 'judge IDs', 'judge ID')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds: string[];
}

export class JudgeCodesResponseDto {
  @ApiProperty({ format: 'uuid' })
  roadshowId: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: '因此结束的平板登录数 / tablet sessions this ended',
  })
  endedSessions: number;

  @ApiProperty({ type: [IssuedCodeDto], description: '按请求顺序 / in the order asked' })
  codes: IssuedCodeDto[];
}
