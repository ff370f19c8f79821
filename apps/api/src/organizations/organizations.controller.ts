import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OrganizationErrors, Role } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import {
  OrganizationPageDto,
  OrganizationQueryDto,
  OrganizationRegistrationResponseDto,
  OrganizationResponseDto,
  RegisterOrganizationDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations 社区与社会组织')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: '注册社区或社会组织及其申报账号 / register an organization and its first applicant account',
    description:
      '组织与账号在同一事务中创建。填写统一社会信用代码时按 GB 32100-2015 校验。\n\n' +
      'The organization and the account are created in one transaction. A unified social credit code, when given, ' +
      'is checked against its check character (GB 32100-2015). Registrations are limited per client address and in ' +
      'total per hour (REGISTRATION_LIMIT_PER_ADDRESS, REGISTRATION_LIMIT_TOTAL); behind a reverse proxy the client ' +
      'address comes from X-Forwarded-For as far as TRUST_PROXY trusts it.',
  })
  @ApiResponse({ status: 201, type: OrganizationRegistrationResponseDto })
  @ApiError(400, undefined, refusalExample(OrganizationErrors.creditCodeCheck('K')))
  @ApiError(409, 'credit code or login already registered', refusalExample(OrganizationErrors.loginTaken()))
  @ApiError(429, '本地址或全部注册已达每小时上限 / the hourly limit of this address or of all registrations is reached')
  @ApiJsonBodyErrors()
  register(@Body() dto: RegisterOrganizationDto, @Ip() ip: string): Promise<OrganizationRegistrationResponseDto> {
    return this.organizations.register(dto, ip);
  }

  @Get('me')
  @Allow(Role.Applicant)
  @ApiOperation({ summary: '我的组织 / my organization' })
  @ApiResponse({ status: 200, type: OrganizationResponseDto })
  @ApiError(401)
  @ApiError(403, 'not an applicant')
  @ApiError(404, 'the organization no longer exists')
  mine(@CurrentActor() actor: Actor): Promise<OrganizationResponseDto> {
    return this.organizations.mine(actor);
  }

  @Get()
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({ summary: '组织列表 / list organizations', description: 'Oldest first; filter by kind or text.' })
  @ApiResponse({ status: 200, type: OrganizationPageDto })
  @ApiCallerErrors()
  list(@Query() query: OrganizationQueryDto): Promise<OrganizationPageDto> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({ summary: '查看组织 / one organization' })
  @ApiResponse({ status: 200, type: OrganizationResponseDto })
  @ApiCallerErrors()
  @ApiError(404, undefined, refusalExample(OrganizationErrors.notFound()))
  get(@Param() params: IdParamDto): Promise<OrganizationResponseDto> {
    return this.organizations.get(params.id);
  }
}
