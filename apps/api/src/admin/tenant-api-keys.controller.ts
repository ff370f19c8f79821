import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import {
  CreateTenantApiKeyDto,
  CreatedTenantApiKeyResponseDto,
  TenantApiKeyListDto,
  TenantKeyParamDto,
} from './dto/tenant-api-key.dto';
import { TenantApiKeysService } from './tenant-api-keys.service';

@ApiTags('admin 管理控制台')
@Controller('tenants/:id/api-keys')
export class TenantApiKeysController {
  constructor(private readonly keys: TenantApiKeysService) {}

  @Get()
  @Allow(Role.Admin, Role.Office)
  @ApiOperation({
    summary: '单位的 API 密钥 / an office’s API keys',
    description:
      '带权限范围的单位密钥，以及本单位账号的个人密钥。密钥本身不再显示。\n\n' +
      'The office’s scoped keys and its accounts’ personal keys; the keys themselves are never shown again.',
  })
  @ApiAnswerOrNotFound(TenantApiKeyListDto, {
    forbidden: 'admins and offices only',
    notFound: 'no such office, or another office’s',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Query() query: BoundedListQueryDto,
  ): Promise<TenantApiKeyListDto> {
    return pageItems(await this.keys.list(actor, params.id), query);
  }

  @Post()
  @Allow(Role.Admin, Role.Office)
  @ApiOperation({
    summary: '创建单位 API 密钥 / create an office API key with scopes',
    description:
      '密钥只在本次返回；放在 x-api-key 请求头，只能调用其权限范围内的接口，其余返回 403。\n\n' +
      'The key is returned only now. Sent as the x-api-key header it may call only the routes its scopes ' +
      'open; any other answers 403 API_KEY_SCOPE_MISSING.',
  })
  @ApiAnswerOrNotFound(CreatedTenantApiKeyResponseDto, {
    status: 201,
    forbidden: 'admins and offices only',
    notFound: 'no such office, or another office’s',
  })
  @ApiError(409, 'too many active keys')
  @ApiJsonBodyErrors()
  create(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: CreateTenantApiKeyDto,
  ): Promise<CreatedTenantApiKeyResponseDto> {
    return this.keys.create(actor, params.id, dto);
  }

  @Delete(':keyId')
  @Allow(Role.Admin, Role.Office)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '吊销单位的 API 密钥 / revoke one of an office’s API keys' })
  @ApiResponse({ status: 204, description: 'revoked (also when it already was)' })
  @ApiCallerErrors('admins and offices only')
  @ApiError(404, 'no such key of this office')
  revoke(@CurrentActor() actor: Actor, @Param() params: TenantKeyParamDto): Promise<void> {
    return this.keys.revoke(actor, params.id, params.keyId);
  }
}
