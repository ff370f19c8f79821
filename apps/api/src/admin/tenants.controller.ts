import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { CreateTenantDto, TenantListDto, TenantResponseDto, UpdateTenantDto } from './dto/tenant.dto';
import { TenantSettingsDto, TenantSettingsResponseDto } from './dto/tenant-settings.dto';
import { TenantsService } from './tenants.service';

const NO_SUCH_TENANT = refusalExample(AdminErrors.tenantNotFound());

/** An office's settings: an admin reads any office's, an office only its own. */
const OWN_SETTINGS: AnswerRefusals = {
  forbidden: 'admins and offices only',
  notFound: 'no such office, or another office’s',
  notFoundExample: NO_SUCH_TENANT,
};

@ApiTags('admin 管理控制台')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @Allow(Role.Admin)
  @ApiOperation({
    summary: '单位树 / the tree of offices',
    description: '市、区、街道，上级在前。\n\nCities, districts and street offices, each parent before its children.',
  })
  @ApiResponse({ status: 200, type: TenantListDto })
  @ApiCallerErrors('admins only')
  async list(@Query() query: BoundedListQueryDto): Promise<TenantListDto> {
    return pageItems(await this.tenants.list(), query);
  }

  @Post()
  @Allow(Role.Admin)
  @ApiOperation({
    summary: '新建单位 / create an office',
    description:
      '街道须在区之下；区在市之下或为顶级；市只能为顶级。\n\n' +
      'A street office goes under a district, a district under a city or at the top, a city at the top.',
  })
  @ApiAnswerOrNotFound(TenantResponseDto, {
    status: 201,
    forbidden: 'admins only',
    notFound: 'no such parent office',
    notFoundExample: refusalExample(AdminErrors.tenantNotFound('parentId')),
  })
  @ApiJsonBodyErrors()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTenantDto): Promise<TenantResponseDto> {
    return this.tenants.create(actor, dto);
  }

  @Patch(':id')
  @Allow(Role.Admin)
  @ApiOperation({ summary: '修改单位名称 / rename an office' })
  @ApiAnswerOrNotFound(TenantResponseDto, {
    forbidden: 'admins only',
    notFound: 'no such office',
    notFoundExample: NO_SUCH_TENANT,
  })
  @ApiJsonBodyErrors()
  rename(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: UpdateTenantDto,
  ): Promise<TenantResponseDto> {
    return this.tenants.rename(actor, params.id, dto);
  }

  @Get(':id/settings')
  @Allow(Role.Admin, Role.Office)
  @ApiOperation({
    summary: '单位设置 / an office’s settings',
    description: '办公室只能查看本单位的设置。\n\nAn office reads its own only; another office’s reads as missing.',
  })
  @ApiAnswerOrNotFound(TenantSettingsResponseDto, OWN_SETTINGS)
  settings(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<TenantSettingsResponseDto> {
    return this.tenants.settings(actor, params.id);
  }

  @Put(':id/settings')
  @Allow(Role.Admin, Role.Office)
  @ApiOperation({
    summary: '保存单位设置 / replace an office’s settings',
    description:
      '资助方信息是新建大赛的默认协议甲方；公示文字印在结果公示的开头和结尾。未提交的部分恢复为平台默认。\n\n' +
      'The grantor becomes party A of new competitions by default; the notice texts open and close the public ' +
      'notice. A section left out goes back to the platform’s default.',
  })
  @ApiAnswerOrNotFound(TenantSettingsResponseDto, OWN_SETTINGS)
  @ApiJsonBodyErrors()
  replaceSettings(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: TenantSettingsDto,
  ): Promise<TenantSettingsResponseDto> {
    return this.tenants.replaceSettings(actor, params.id, dto);
  }
}
