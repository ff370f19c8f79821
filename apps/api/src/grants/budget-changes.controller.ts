import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, ApiCallerErrors } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BudgetChangesService } from './budget-changes.service';
import {
  BudgetChangeDto,
  BudgetChangePageDto,
  BudgetChangeQueryDto,
  CreateBudgetChangeDto,
  DecideBudgetChangeDto,
} from './dto/budget-change.dto';
import { GrantReasonDto } from './dto/grant.dto';

@ApiTags('grants 资助管理')
@Controller()
export class BudgetChangesController {
  constructor(private readonly changes: BudgetChangesService) {}

  @Post('grants/:id/budget-changes')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '申请预算调整 / request a budget change',
    description:
      '在现有科目之间调整金额，资助资金和配套资金合计不变，不低于已支出金额，写明理由；同一时间只能有一项待审批。审计：budget-change.request。\n\n' +
      'Moves money between the existing lines, both totals unchanged, no line below what it already spent, with a ' +
      'reason; one request waits at a time. Audited as budget-change.request.',
  })
  @ApiResponse({ status: 201, type: BudgetChangeDto })
  @ApiError(400, 'the lines or totals do not match')
  @ApiError(401)
  @ApiError(403, 'only the grantee')
  @ApiError(404, 'no such grant, or not yours')
  @ApiError(409, 'one is already pending, or the grant is closed')
  request(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: CreateBudgetChangeDto,
  ): Promise<BudgetChangeDto> {
    return this.changes.request(actor, params.id, dto);
  }

  @Get('budget-changes')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '预算调整申请 / budget change requests',
    description: 'state=pending is the office’s queue; a grantee sees its own only.',
  })
  @ApiResponse({ status: 200, type: BudgetChangePageDto })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor, @Query() query: BudgetChangeQueryDto): Promise<BudgetChangePageDto> {
    return this.changes.list(actor, query);
  }

  @Post('budget-changes/:id/approve')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '批准预算调整 / approve',
    description: 'The proposed lines become the next budget version. Audited as budget-change.approve.',
  })
  @ApiAnswerOrNotFound(BudgetChangeDto, { forbidden: 'only the grants office' })
  @ApiError(409, 'already decided, or the budget changed since')
  approve(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: DecideBudgetChangeDto,
  ): Promise<BudgetChangeDto> {
    return this.changes.approve(actor, params.id, dto.reason);
  }

  @Post('budget-changes/:id/refuse')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '不予批准 / refuse',
    description: 'With a reason the grantee reads. Audited as budget-change.refuse.',
  })
  @ApiAnswerOrNotFound(BudgetChangeDto, { forbidden: 'only the grants office' })
  @ApiError(409, 'already decided')
  refuse(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: GrantReasonDto,
  ): Promise<BudgetChangeDto> {
    return this.changes.refuse(actor, params.id, dto.reason);
  }
}
