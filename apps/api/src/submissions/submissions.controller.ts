import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CompetitionErrors, Role, SubmissionErrors } from '@app/domain';
import { Allow, KeyScope } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import {
  AllSubmissionsQueryDto,
  CreateSubmissionDto,
  ScreeningDecisionDto,
  SubmissionPageDto,
  SubmissionQueryDto,
  SubmissionResponseDto,
  UpdateSubmissionDto,
} from './dto/submission.dto';
import { SubmissionsService } from './submissions.service';

const NOT_FOUND_EXAMPLE = refusalExample(SubmissionErrors.notFound());

/** An applicant's route on one submission: another organization's reads as missing. */
const OWN_SUBMISSION: AnswerRefusals = {
  notFound: 'missing, or another organization’s',
  notFoundExample: NOT_FOUND_EXAMPLE,
};

@ApiTags('submissions 项目申报与资格审查')
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('competitions/:id/submissions')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '新建申报项目（草稿） / start a project proposal as a draft',
    description:
      '大赛须为征集中且未过截止时间。预算明细之和须等于申请资助 + 配套资金；申请额受单项上限、下限和占总预算比例限制。\n\n' +
      'The competition must be open and before its deadline. Budget lines must add up to requestedFen + matchingFen; ' +
      'the request is capped per project and as a share of the budget. The organization must meet the rules’ ' +
      'eligibility (申报资格): no sanction in force (the refusal names the day it ends), no report overdue, at most ' +
      'the rules’ number of grants running.',
  })
  @ApiResponse({ status: 201, type: SubmissionResponseDto })
  @ApiError(400, undefined, refusalExample(SubmissionErrors.aboveCap('¥60,000.00', '¥50,000.00')))
  @ApiError(401)
  @ApiError(403, 'not an applicant')
  @ApiError(404, 'no such (published) competition', refusalExample(CompetitionErrors.notFound()))
  @ApiError(
    409,
    'not open, past the deadline, one project per organization, or not eligible',
    refusalExample(SubmissionErrors.onePerOrganization('分享阅读书香·共享洲边文明')),
  )
  @ApiJsonBodyErrors()
  create(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: CreateSubmissionDto,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.create(actor, params.id, dto);
  }

  @Get('competitions/:id/submissions')
  @KeyScope(ApiKeyScope.CompetitionsRead)
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '大赛的申报项目列表 / submissions of a competition',
    description: 'Oldest first; filter by state, screening and category. Applicants see only their own.',
  })
  @ApiResponse({ status: 200, type: SubmissionPageDto })
  @ApiCallerErrors()
  @ApiError(404, 'no such (published) competition', refusalExample(CompetitionErrors.notFound()))
  listForCompetition(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Query() query: SubmissionQueryDto,
  ): Promise<SubmissionPageDto> {
    return this.submissions.listForCompetition(actor, params.id, query);
  }

  @Get('submissions')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '申报项目列表 / list submissions',
    description: 'Across competitions, or one with competitionId. Applicants see only their organization’s.',
  })
  @ApiResponse({ status: 200, type: SubmissionPageDto })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor, @Query() query: AllSubmissionsQueryDto): Promise<SubmissionPageDto> {
    return this.submissions.list(actor, query);
  }

  @Get('submissions/:id')
  @KeyScope(ApiKeyScope.CompetitionsRead)
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '查看申报项目（含资格审查结果） / one submission, with its screening result',
    description: 'Another organization’s submission answers 404, exactly like a missing one.',
  })
  @ApiAnswerOrNotFound(SubmissionResponseDto, OWN_SUBMISSION)
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<SubmissionResponseDto> {
    return this.submissions.get(actor, params.id);
  }

  @Patch('submissions/:id')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '修改申报项目 / edit a submission',
    description:
      '截止前且大赛征集中可修改草稿或已提交的项目；给出的字段替换原值，整体重新校验。\n\n' +
      'Drafts and submitted projects can be edited while the competition is open and before the deadline; ' +
      'each field sent replaces the stored one and the whole is checked again.',
  })
  @ApiAnswerOrNotFound(SubmissionResponseDto, OWN_SUBMISSION)
  @ApiError(409, 'closed, past the deadline, withdrawn or stale')
  @ApiJsonBodyErrors()
  update(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: UpdateSubmissionDto,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.update(actor, params.id, dto);
  }

  @Post('submissions/:id/submit')
  @Allow(Role.Applicant)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '提交申报 / submit a draft',
    description: 'Checked again against the current rules, eligibility (申报资格) included.',
  })
  @ApiResponse({ status: 200, type: SubmissionResponseDto })
  @ApiError(400, 'no longer fits the rules')
  @ApiError(401)
  @ApiError(403)
  @ApiError(404, 'missing, or another organization’s', NOT_FOUND_EXAMPLE)
  @ApiError(409, undefined, refusalExample(SubmissionErrors.deadlinePassed(new Date('2026-03-31T09:00:00Z'))))
  submit(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<SubmissionResponseDto> {
    return this.submissions.submit(actor, params.id);
  }

  @Post('submissions/:id/withdraw')
  @Allow(Role.Applicant)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '撤回申报 / withdraw a submission',
    description: 'Possible until the roadshow starts. A withdrawn project no longer counts for one-per-organization.',
  })
  @ApiAnswerOrNotFound(SubmissionResponseDto, OWN_SUBMISSION)
  @ApiError(409, 'already withdrawn, or the roadshow has started')
  withdraw(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<SubmissionResponseDto> {
    return this.submissions.withdraw(actor, params.id);
  }

  @Post('submissions/:id/screening')
  @KeyScope(ApiKeyScope.ScreeningWrite)
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '资格审查 / screen a submitted project',
    description:
      '仅在大赛资格审查阶段、对已提交项目；不通过须写明理由，申报单位可见。可在审查阶段内更正。\n\n' +
      'Only while the competition is in screening and only for submitted projects. A rejection needs a reason, ' +
      'which the applicant sees. A decision may be corrected while screening lasts.',
  })
  @ApiResponse({ status: 200, type: SubmissionResponseDto })
  @ApiError(400, undefined, refusalExample(SubmissionErrors.screeningReasonRequired()))
  @ApiError(401)
  @ApiError(403)
  @ApiError(404, 'missing, or another organization’s', NOT_FOUND_EXAMPLE)
  @ApiError(409, 'not in screening, or not submitted')
  @ApiJsonBodyErrors()
  screen(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ScreeningDecisionDto,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.screen(actor, params.id, dto);
  }
}
