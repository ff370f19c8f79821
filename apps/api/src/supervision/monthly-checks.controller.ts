import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GrantState, GrantsErrors, Role, SupervisionErrors } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { MonthlyCheckSeriesDto, RecordMonthlyCheckDto } from './dto/monthly-check.dto';
import { MonthlyChecksService } from './monthly-checks.service';

@ApiTags('supervision 项目监管')
@Controller()
export class MonthlyChecksController {
  constructor(private readonly checks: MonthlyChecksService) {}

  @Post('grants/:id/monthly-checks')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '登记月度考核 / record a monthly check',
    description:
      '按大赛规则中的考核细则逐项打分（满分 10 分），写明考核依据；同一月份再次登记即为更正（新版本）。' +
      '连续低于分数线的月数达到规则要求时，自动提出退出（终止）建议。审计：monthly-check.record、monthly-check.correct、' +
      'termination-proposal.open。\n\n' +
      'Each item of the rules’ checklist scored (out of 10), with the evidence; recording a month again corrects it ' +
      '(a new revision). When the months in a row below the line reach the rule, the grant’s exit is proposed. ' +
      'Audited as monthly-check.record, monthly-check.correct, termination-proposal.open.',
  })
  @ApiResponse({ status: 201, type: MonthlyCheckSeriesDto })
  @ApiError(
    400,
    'a month outside the period or not begun, marks that do not match the checklist',
    refusalExample(SupervisionErrors.checkPointsOutOfRange(2, '人员在岗', 'Staff present', 3)),
  )
  @ApiError(401)
  @ApiError(403, 'only the grants office')
  @ApiError(404, undefined, refusalExample(GrantsErrors.grantNotFound()))
  @ApiError(
    409,
    'the grant is closed, the rules have no monthly checks, or the month was corrected meanwhile',
    refusalExample(GrantsErrors.grantClosed(GrantState.Terminated)),
  )
  record(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: RecordMonthlyCheckDto,
  ): Promise<MonthlyCheckSeriesDto> {
    return this.checks.record(actor, params.id, dto);
  }

  @Get('grants/:id/monthly-checks')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '月度考核 / the grant’s monthly checks',
    description:
      'Each month’s score (its latest revision) with the marks and evidence, the rule, and the warning the ' +
      'organization sees after the first and second month below the line. A grantee sees its own grants’.',
  })
  @ApiAnswerOrNotFound(MonthlyCheckSeriesDto, {
    notFound: 'no such grant, or not yours',
    notFoundExample: refusalExample(GrantsErrors.grantNotFound()),
  })
  series(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<MonthlyCheckSeriesDto> {
    return this.checks.series(actor, params.id);
  }
}
