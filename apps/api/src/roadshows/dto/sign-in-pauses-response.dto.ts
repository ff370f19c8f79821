import { ApiProperty } from '@nestjs/swagger';
import type { SignInPauseScope } from '@app/domain';
import { PageOf } from '../../common/page-query.dto';

const SCOPES: readonly SignInPauseScope[] = ['roadshow', 'address', 'code'];

export class SignInPauseDto {
  @ApiProperty({
    enum: SCOPES,
    description:
      'roadshow：本路演全部签到；address：来自一个地址的签到；code：某个输错多次的签到码（不显示） / ' +
      'roadshow: every sign-in to this roadshow; address: sign-ins from one address; code: one code tried too often (not shown)',
  })
  scope: SignInPauseScope;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  address: string | null;

  @ApiProperty({ format: 'date-time' })
  until: string;
}

/** The roadshow's sign-in pauses in force, latest end first. */
export class SignInPausesResponseDto extends PageOf(SignInPauseDto) {
  @ApiProperty({ format: 'uuid' })
  roadshowId: string;
}
