import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiError, ApiJsonBodyErrors } from '../common/api-error.decorator';
import { JudgeSessionResponseDto } from './dto/judge-session-response.dto';
import { JudgeSignInDto } from './dto/judge-sign-in.dto';
import { JudgeSessionsService } from './judge-sessions.service';
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_SECONDS } from './judge-sign-in-limiter';

@ApiTags('judge 评委')
@Public()
@Controller('judge-sessions')
export class JudgeSessionsController {
  constructor(private readonly sessions: JudgeSessionsService) {}

  @Post()
  @ApiOperation({
    summary: '评委凭签到码登录 / judge sign-in with the roadshow code',
    description:
      `Returns a bearer token bound to the judge’s roadshow. After ${SIGN_IN_FAILURE_LIMIT} wrong codes from one ` +
      `address within ${SIGN_IN_WINDOW_SECONDS / 60} minutes every attempt gets 429 until the window ends.`,
  })
  @ApiResponse({ status: 201, type: JudgeSessionResponseDto })
  @ApiError(400)
  @ApiError(401, '签到码无效 / the code is not valid')
  @ApiError(429, '错误次数过多 / too many wrong codes')
  @ApiJsonBodyErrors()
  signIn(@Body() dto: JudgeSignInDto, @Ip() ip: string): Promise<JudgeSessionResponseDto> {
    return this.sessions.signIn(dto.code, ip);
  }
}
