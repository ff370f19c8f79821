import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthErrors, Role } from '@app/domain';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { Allow, Public } from './access.decorator';
import { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyResponseDto } from './dto/api-key.dto';
import { CreateSessionDto, SessionResponseDto } from './dto/session.dto';
import { UserResponseDto } from './dto/user.dto';

@ApiTags('auth 登录与密钥')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sessions')
  @Public()
  @ApiOperation({
    summary: '账号密码登录 / sign in with login and password',
    description:
      '返回 Bearer 令牌（12 小时有效）。同一登录名连续失败 10 次后锁定 15 分钟。\n\n' +
      'Returns a bearer token valid for 12 hours. After 10 failures for one login, sign-in is refused for 15 minutes.',
  })
  @ApiResponse({ status: 201, type: SessionResponseDto })
  @ApiError(400)
  @ApiError(
    401,
    'unknown login or wrong password (one message for both)',
    refusalExample(AuthErrors.wrongCredentials()),
  )
  @ApiError(429, 'too many failed attempts for this login')
  @ApiJsonBodyErrors()
  signIn(@Body() dto: CreateSessionDto): Promise<SessionResponseDto> {
    return this.auth.signIn(dto);
  }

  @Get('me')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({ summary: '当前登录账号 / the signed-in account' })
  @ApiResponse({ status: 200, type: UserResponseDto })
  @ApiError(401)
  @ApiError(403, 'judges have no account')
  me(@CurrentActor() actor: Actor): Promise<UserResponseDto> {
    return this.auth.me(actor);
  }

  @Get('api-keys')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({ summary: '我的 API 密钥 / my API keys', description: 'The keys themselves are never shown again.' })
  @ApiResponse({ status: 200, type: ApiKeyPageDto })
  @ApiCallerErrors('judges have no API keys')
  async listApiKeys(@CurrentActor() actor: Actor, @Query() query: BoundedListQueryDto): Promise<ApiKeyPageDto> {
    return pageItems(await this.auth.listApiKeys(actor), query);
  }

  @Post('api-keys')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '为自己创建 API 密钥 / create an API key for myself',
    description:
      '密钥只在本次返回；请求时放在 x-api-key 请求头，权限与本人相同。\n\n' +
      'The key is returned only now. Send it as the x-api-key header; it acts with your role.',
  })
  @ApiResponse({ status: 201, type: CreatedApiKeyResponseDto })
  @ApiCallerErrors('judges have no API keys')
  @ApiError(409, 'too many active keys')
  @ApiJsonBodyErrors()
  createApiKey(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    return this.auth.createApiKey(actor, dto);
  }

  @Delete('api-keys/:id')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '吊销自己的 API 密钥 / revoke one of my API keys' })
  @ApiResponse({ status: 204, description: 'revoked (also when it already was)' })
  @ApiCallerErrors('judges have no API keys')
  @ApiError(404, 'no such key of yours', refusalExample(AuthErrors.apiKeyNotFound()))
  revokeApiKey(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    return this.auth.revokeApiKey(actor, params.id);
  }
}
