import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiError, ApiJsonBodyErrors } from '../common/api-error.decorator';
import { JudgeSessionResponseDto } from './dto/judge-session-response.dto';
import { JudgeSignInDto } from './dto/judge-sign-in.dto';
import { JudgeSessionsService } from './judge-sessions.service';
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_SECONDS } from './judge-sign-in-limiter';

@ApiTags('judge 评委')
@Public()
@Controller('judge-sessions')
export class JudgeSessionsController {
  constructor(private readonly sessions: JudgeSessionsService) {}

  @Post()
  @ApiOperation({
    summary: '评委凭签到码登录 / judge sign-in with the roadshow code',
    description:
      'Returns a bearer token bound to the judge’s roadshow and to this sign-in (a reissued code or a removed judge ends ' +
      'it). Wrong codes are counted by what a guesser must hit, never by the venue’s shared address alone: within ' +
      `${SIGN_IN_WINDOW_SECONDS / 60} minutes, ${SIGN_IN_LIMITS.roadshow} for the roadshow, ${SIGN_IN_LIMITS.address} ` +
      `from one address for the roadshow, ${SIGN_IN_LIMITS.code} for one code. Then that scope gets 429 ` +
      '(SIGN_IN_PAUSED) for the window’s length, twice as long at each repeat within a day, until the office lifts it.',
  })
  @ApiResponse({ status: 201, type: JudgeSessionResponseDto })
  @ApiError(400)
  @ApiError(401, '签到码无效 / the code is not valid')
  @ApiError(429, '错误次数过多，签到暂停 / too many wrong codes, sign-in paused')
  @ApiJsonBodyErrors()
  signIn(@Body() dto: JudgeSignInDto, @Ip() ip: string): Promise<JudgeSessionResponseDto> {
    return this.sessions.signIn(dto, ip);
  }
}
