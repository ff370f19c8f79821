import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError } from '../common/api-error.decorator';
import { SanctionPageDto, SanctionQueryDto } from './dto/sanction.dto';
import { SanctionsService } from './sanctions.service';

@ApiTags('supervision 项目监管')
@Controller()
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Get('sanctions')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '限制申报记录 / sanctions',
    description:
      '违约终止资助后记录的限制申报，最新的在前；组织只能看到自己的。\n\n' +
      'Sanctions recorded when a grant was terminated for breach, newest first; an organization sees its own only.',
  })
  @ApiResponse({ status: 200, type: SanctionPageDto })
  @ApiError(400)
  @ApiError(401)
  @ApiError(403)
  list(@CurrentActor() actor: Actor, @Query() query: SanctionQueryDto): Promise<SanctionPageDto> {
    return this.sanctions.list(actor, query);
  }
}
