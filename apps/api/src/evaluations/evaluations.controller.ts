import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EvaluationErrors, EvaluationStage, GrantsErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, refusalExample, ApiCallerErrors } from '../common/api-error.decorator';
import { attachmentFile } from '../common/file-response';
import { IdParamDto } from '../common/id-param.dto';
import { CompetitionIdParams } from '../roadshows/dto/roadshow-params.dto';
import { RequestOrigin } from '../roadshows/request-origin.decorator';
import {
  AddEvaluatorDto,
  CreateEvaluationRecusalDto,
  CreateEvaluationRoundDto,
  EvaluationSheetInputDto,
} from './dto/evaluation-input.dto';
import { EvaluationRoundParams, EvaluationSheetParams, EvaluatorParams } from './dto/evaluation-params.dto';
import {
  EvaluationBundleDto,
  EvaluationRoundDto,
  EvaluationRoundListDto,
  EvaluatorSeatedDto,
  GrantEvaluationsDto,
  IssuedEvaluatorCodeDto,
} from './dto/evaluation-response.dto';
import { EvaluationsService } from './evaluations.service';

const ROUND_NOT_FOUND = refusalExample(EvaluationErrors.roundNotFound());
const ROUND_CLOSED = refusalExample(EvaluationErrors.roundClosed());

@ApiTags('evaluations 评估')
@Controller()
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post('competitions/:id/evaluation-rounds')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '开始一轮评估 / open an evaluation round',
    description:
      'mid 中期、final 结项：评估本大赛全部执行中的资助项目；re-evaluation 整改后复评：评估处于整改期的项目。' +
      '本轮按大赛当前的评估规则（细则、评估组权重、等次、星级）计分。同一阶段同时只能有一轮进行中。审计：evaluation.round.open。\n\n' +
      'mid and final evaluate every active grant of the competition; re-evaluation the projects in remediation. The ' +
      'round follows the competition’s evaluation rules as they stand. One open round per stage. Audited as ' +
      'evaluation.round.open.',
  })
  @ApiAnswerOrNotFound(EvaluationRoundDto, {
    status: 201,
    forbidden: 'only the grants office',
    notFound: 'no such competition',
  })
  @ApiError(
    409,
    'a round of the stage is open, or nothing to evaluate',
    refusalExample(EvaluationErrors.nothingToEvaluate(EvaluationStage.Reevaluation)),
  )
  open(
    @CurrentActor() actor: Actor,
    @Param() params: CompetitionIdParams,
    @Body() dto: CreateEvaluationRoundDto,
  ): Promise<EvaluationRoundDto> {
    return this.evaluations.open(actor, params.id, dto);
  }

  @Get('competitions/:id/evaluation-rounds')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({ summary: '本大赛的评估轮次 / the competition’s evaluation rounds', description: 'Newest first.' })
  @ApiAnswerOrNotFound(EvaluationRoundListDto, { forbidden: 'only the office', notFound: 'no such competition' })
  list(@Param() params: CompetitionIdParams): Promise<EvaluationRoundListDto> {
    return this.evaluations.list(params.id);
  }

  @Get('evaluation-rounds/:id')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '评估轮次 / an evaluation round',
    description:
      '规则、项目、评估组成员及进度（已录入/应录入）、回避、已录入的评分表，结束后每个项目的得分、等次、星级与构成。\n\n' +
      'Its rules, projects, panel with progress, recusals, the sheets entered and, once closed, each result.',
  })
  @ApiAnswerOrNotFound(EvaluationRoundDto, { forbidden: 'only the office', notFoundExample: ROUND_NOT_FOUND })
  get(@Param() params: EvaluationRoundParams): Promise<EvaluationRoundDto> {
    return this.evaluations.get(params.id);
  }

  @Post('evaluation-rounds/:id/evaluators')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '加入评估人 / seat an evaluator',
    description:
      '技术专家、职能部门、新闻媒体、居民代表四组之一；评估人所属组织或所在社区的项目自动回避（与路演评委同一规则）。' +
      '返回评估人的平板签到码（只显示这一次）。审计：evaluation.evaluator.add、evaluation.recusal。\n\n' +
      'In one of the four groups; recused at once from every project of their own organization or community, the ' +
      'judges’ rule. Returns the evaluator’s tablet sign-in code, shown this once. Audited as evaluation.evaluator.add ' +
      'and evaluation.recusal.',
  })
  @ApiResponse({ status: 201, type: EvaluatorSeatedDto })
  @ApiError(400, 'a group the evaluation rules give no weight')
  @ApiError(401)
  @ApiError(403, 'only the grants office')
  @ApiError(404, 'no such round or organization', ROUND_NOT_FOUND)
  @ApiError(409, 'the round is closed', ROUND_CLOSED)
  addEvaluator(
    @CurrentActor() actor: Actor,
    @Param() params: EvaluationRoundParams,
    @Body() dto: AddEvaluatorDto,
    @RequestOrigin() origin: string,
  ): Promise<EvaluatorSeatedDto> {
    return this.evaluations.addEvaluator(actor, params.id, dto, origin);
  }

  @Post('evaluation-rounds/:id/evaluators/:evaluatorId/code')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '重新生成评估人签到码 / issue an evaluator a new sign-in code',
    description:
      '签到单遗失或评估人尚无签到码时使用：旧签到码立即失效，用它登录的平板全部退出。新签到码只显示这一次。' +
      '审计：evaluation.evaluator.code-reissue。\n\n' +
      'For a lost slip or an evaluator without a code: the old code is refused at once and every tablet signed in ' +
      'with it is signed out. The new code is shown this once. Audited as evaluation.evaluator.code-reissue.',
  })
  @ApiAnswerOrNotFound(IssuedEvaluatorCodeDto, {
    status: 201,
    forbidden: 'only the grants office',
    notFound: 'no such round or evaluator',
    notFoundExample: ROUND_NOT_FOUND,
  })
  @ApiError(409, 'the round is closed', ROUND_CLOSED)
  reissueCode(
    @CurrentActor() actor: Actor,
    @Param() params: EvaluatorParams,
    @RequestOrigin() origin: string,
  ): Promise<IssuedEvaluatorCodeDto> {
    return this.evaluations.reissueCode(actor, params.id, params.evaluatorId, origin);
  }

  @Post('evaluation-rounds/:id/recusals')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '登记评估人申报的回避 / record a conflict the evaluator declared',
    description:
      '该评估人对该项目的评分不计入，也不能再录入。审计：evaluation.recusal。\n\n' +
      'The evaluator’s sheet for the project never counts and cannot be entered. Audited as evaluation.recusal.',
  })
  @ApiAnswerOrNotFound(EvaluationRoundDto, {
    status: 201,
    forbidden: 'only the grants office',
    notFound: 'no such round, evaluator or project in the round',
    notFoundExample: ROUND_NOT_FOUND,
  })
  @ApiError(409, 'the round is closed', ROUND_CLOSED)
  declareRecusal(
    @CurrentActor() actor: Actor,
    @Param() params: EvaluationRoundParams,
    @Body() dto: CreateEvaluationRecusalDto,
  ): Promise<EvaluationRoundDto> {
    return this.evaluations.declareRecusal(actor, params.id, dto);
  }

  @Put('evaluation-rounds/:id/sheets/:evaluatorId/:grantId')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '录入纸质评分表 / enter an evaluator’s paper sheet',
    description:
      '每个评估项 0 至满分、最多两位小数，全部必填；所有问题一次列出。再次录入即更正（留存审计）。' +
      '回避的项目不能录入。审计：evaluation.sheet.enter。\n\n' +
      'Every criterion 0 to its maximum with at most 2 decimals; every problem is listed at once. Entering it again ' +
      'corrects it (both audited). A recused pair is refused. Audited as evaluation.sheet.enter.',
  })
  @ApiAnswerOrNotFound(EvaluationRoundDto, {
    forbidden: 'only the grants office',
    notFound: 'no such round, evaluator or project in the round',
    notFoundExample: ROUND_NOT_FOUND,
  })
  @ApiError(
    409,
    'the round is closed, or the evaluator is recused',
    refusalExample(EvaluationErrors.evaluatorRecused('同一社区：洲边 / same community: 洲边')),
  )
  enterSheet(
    @CurrentActor() actor: Actor,
    @Param() params: EvaluationSheetParams,
    @Body() dto: EvaluationSheetInputDto,
  ): Promise<EvaluationRoundDto> {
    return this.evaluations.enterSheet(actor, params.id, params.evaluatorId, params.grantId, dto);
  }

  @Post('evaluation-rounds/:id/close')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '结束评估并计算结果 / close the round and compute the results',
    description:
      '全部评分表录入后：按评估规则汇总（评估组加权、去掉最高最低分等），得出百分制得分、等次和星级。' +
      '合格（A/B）：该阶段对应的一期拨付变为可拨付；首次不合格（C）：进入整改期（结束日 + 规则规定的天数），' +
      '之后参加复评；整改后复评仍不合格：建议终止资助。审计：evaluation.round.close、tranche.eligible。\n\n' +
      'Once every sheet is in: aggregated by the evaluation rules into a score out of 100, a band and stars. A pass ' +
      'makes the tranche waiting on the stage eligible; a first C opens a remediation (closing day + the rules’ ' +
      'days) and a re-evaluation; a C after remediation proposes termination. Audited as evaluation.round.close and ' +
      'tranche.eligible.',
  })
  @ApiAnswerOrNotFound(EvaluationRoundDto, { forbidden: 'only the grants office', notFoundExample: ROUND_NOT_FOUND })
  @ApiError(409, 'closed already, or sheets missing', refusalExample(EvaluationErrors.sheetsMissing(2, 15)))
  close(@CurrentActor() actor: Actor, @Param() params: EvaluationRoundParams): Promise<EvaluationRoundDto> {
    return this.evaluations.close(actor, params.id);
  }

  @Get('evaluation-rounds/:id/bundle.json')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '下载评估结果包（可复核）/ download the evaluation bundle',
    description:
      '格式 gongyi-chuangtou/evaluation-bundle 第 1 版：inputs（轮次、评估规则、项目、评估人、评分表、回避）与 result。' +
      '用 `npm run --silent scoring -- verify 文件` 复算核对。\n\n' +
      'Format gongyi-chuangtou/evaluation-bundle version 1: inputs and result; recompute it with ' +
      '`npm run --silent scoring -- verify FILE`.',
  })
  @ApiResponse({ status: 200, description: '评估结果包 / the bundle', type: EvaluationBundleDto })
  @ApiCallerErrors('only the office')
  @ApiError(404, undefined, ROUND_NOT_FOUND)
  @ApiError(409, 'the round is still open', refusalExample(EvaluationErrors.roundStillOpen()))
  async bundle(@Param() params: EvaluationRoundParams): Promise<StreamableFile> {
    return attachmentFile(await this.evaluations.bundle(params.id));
  }

  @Get('grants/:id/evaluations')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '资助项目的评估结果 / a grant’s evaluations',
    description:
      '每轮的得分、等次、星级、构成与后果；处于整改期时给出整改期限。资助方看全部，受资助方只看自己的。\n\n' +
      'Each round’s score, band, stars, breakdown and outcome, and the remediation deadline while one runs. The ' +
      'office sees every grant, a grantee only its own.',
  })
  @ApiAnswerOrNotFound(GrantEvaluationsDto, {
    notFound: 'no such grant, or not yours',
    notFoundExample: refusalExample(GrantsErrors.grantNotFound()),
  })
  ofGrant(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<GrantEvaluationsDto> {
    return this.evaluations.ofGrant(actor, params.id);
  }
}
