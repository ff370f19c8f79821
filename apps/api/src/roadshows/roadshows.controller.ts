import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  applyDecorators,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError, ApiJsonBodyErrors } from '../common/api-error.decorator';
import { BoundedListQueryDto, pageWith } from '../common/page-query.dto';
import { AddJudgeDto } from './dto/add-judge.dto';
import { CreateRecusalDto } from './dto/create-recusal.dto';
import { WithdrawRecusalDto } from './dto/withdraw-recusal.dto';
import { CreateRoadshowDto } from './dto/create-roadshow.dto';
import { DrawOrderDto } from './dto/draw-order.dto';
import { DrawResponseDto } from './dto/draw-response.dto';
import { IssueJudgeCodesDto, JudgeCodesResponseDto } from './dto/judge-codes.dto';
import { JudgeCreatedResponseDto } from './dto/judge-response.dto';
import { LockSlotDto } from './dto/lock-slot.dto';
import { PanelJudgePageDto } from './dto/panel-judge.dto';
import { RecusalResponseDto } from './dto/recusal-response.dto';
import { RoadshowResponseDto } from './dto/roadshow-response.dto';
import {
  CompetitionIdParams,
  RoadshowIdParams,
  RoadshowJudgeParams,
  RoadshowRecusalParams,
  RoadshowSlotParams,
} from './dto/roadshow-params.dto';
import { RoadshowStateResponseDto } from './dto/roadshow-state-response.dto';
import { SignInPausesResponseDto } from './dto/sign-in-pauses-response.dto';
import { SlotJudgesResponseDto } from './dto/slot-judges-response.dto';
import { SlotResponseDto } from './dto/slot-response.dto';
import { JudgeSessionsService } from './judge-sessions.service';
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_SECONDS } from './judge-sign-in-limiter';
import { JudgesService, ONLINE_WITHIN_SECONDS } from './judges.service';
import { ORDER_DRAW_DESCRIPTION } from './order-draw';
import { RecusalsService } from './recusals.service';
import { RoadshowSlotsService } from './roadshow-slots.service';
import { RoadshowsService } from './roadshows.service';
import { RequestOrigin } from './request-origin.decorator';

const NOT_LIVE =
  '大赛不在路演阶段，或项目状态不允许 / the competition is not in its roadshow stage, or the slot state forbids it';

/** What moving a slot on the stage refuses. */
function SlotRefusals(): MethodDecorator {
  return applyDecorators(ApiError(404, '路演或出场位不存在 / no such roadshow or slot'), ApiError(409, NOT_LIVE));
}

/** The grants office runs the roadshow: panel, conflicts, order draw and the stage. */
@ApiTags('roadshows 路演（办公室）')
@ApiError(400)
@ApiError(401)
@ApiError(403, '仅限办公室 / office only')
@Allow(Role.Office)
@Controller()
export class RoadshowsController {
  constructor(
    private readonly roadshows: RoadshowsService,
    private readonly judges: JudgesService,
    private readonly recusals: RecusalsService,
    private readonly slots: RoadshowSlotsService,
    private readonly sessions: JudgeSessionsService,
  ) {}

  @Post('competitions/:id/roadshow')
  @ApiOperation({
    summary: '创建路演 / create the competition’s roadshow',
    description: 'One roadshow per competition.',
  })
  @ApiResponse({ status: 201, type: RoadshowResponseDto })
  @ApiError(404, '大赛不存在 / no such competition')
  @ApiError(409, '已有路演或大赛已结束路演 / exists, or the roadshow is over')
  @ApiJsonBodyErrors()
  create(
    @CurrentActor() actor: Actor,
    @Param() params: CompetitionIdParams,
    @Body() dto: CreateRoadshowDto,
  ): Promise<RoadshowResponseDto> {
    return this.roadshows.create(actor, params.id, dto);
  }

  @Get('competitions/:id/roadshow')
  @ApiOperation({
    summary: '大赛的路演状态 / the competition’s roadshow state',
    description: 'Same as GET /roadshows/:id, found by the competition; 404 until the roadshow is created.',
  })
  @ApiResponse({ status: 200, type: RoadshowStateResponseDto })
  @ApiError(404, '大赛不存在或还没有路演 / no such competition, or no roadshow yet')
  stateOfCompetition(@Param() params: CompetitionIdParams): Promise<RoadshowStateResponseDto> {
    return this.roadshows.stateOfCompetition(params.id);
  }

  @Get('roadshows/:id/slots/:slotId/judges')
  @ApiOperation({
    summary: '评委评分进度 / which judges have scored a slot',
    description:
      'Each judge with submitted, waiting or recused; no score values. For the office console’s live progress.',
  })
  @ApiResponse({ status: 200, type: SlotJudgesResponseDto })
  @ApiError(404, '本路演没有这个出场位 / no such slot in this roadshow')
  async judgesOfSlot(
    @Param() params: RoadshowSlotParams,
    @Query() query: BoundedListQueryDto,
  ): Promise<SlotJudgesResponseDto> {
    return pageWith(await this.slots.judgesOfSlot(params.id, params.slotId), query);
  }

  @Get('roadshows/:id')
  @ApiOperation({
    summary: '路演状态 / roadshow state',
    description:
      'Slots in order with their states and counts, the current slot, judges (never their codes), recusals, progress.',
  })
  @ApiResponse({ status: 200, type: RoadshowStateResponseDto })
  @ApiError(404, '路演不存在 / no such roadshow')
  state(@Param() params: RoadshowIdParams): Promise<RoadshowStateResponseDto> {
    return this.roadshows.state(params.id);
  }

  @Post('roadshows/:id/judges')
  @ApiOperation({
    summary: '添加评委并生成签到码 / add a judge and issue a sign-in code',
    description:
      'The 8-character code (XXXX-XXXX, no 0/O/1/I/L) is in this response only, with the tablet sign-in address that ' +
      'carries it and that address’s QR code (built from the address this request reached); the server stores only ' +
      'its HMAC. Projects of the judge’s organization or community are recused automatically.',
  })
  @ApiResponse({ status: 201, type: JudgeCreatedResponseDto })
  @ApiError(404, '路演或组织不存在 / no such roadshow or organization')
  @ApiError(409, '路演已结束，评委名单不能再改 / the roadshow is over; the panel can no longer change')
  @ApiJsonBodyErrors()
  addJudge(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowIdParams,
    @Body() dto: AddJudgeDto,
    @RequestOrigin() origin: string,
  ): Promise<JudgeCreatedResponseDto> {
    return this.judges.add(actor, params.id, dto, origin);
  }

  @Get('roadshows/:id/judges')
  @ApiOperation({
    summary: '评委与平板在线情况 / the panel and its tablets',
    description:
      `Each judge (never a code) with how many projects they scored and the tablets signed in with their code: ` +
      `online when the tablet synced within ${ONLINE_WITHIN_SECONDS} s. Also the roadshow's judge link without a code.`,
  })
  @ApiResponse({ status: 200, type: PanelJudgePageDto })
  @ApiError(404, '路演不存在 / no such roadshow')
  async panel(
    @Param() params: RoadshowIdParams,
    @Query() query: BoundedListQueryDto,
    @RequestOrigin() origin: string,
  ): Promise<PanelJudgePageDto> {
    return pageWith(await this.judges.panel(params.id, origin), query);
  }

  @Post('roadshows/:id/judge-codes')
  @ApiOperation({
    summary: '为评委（重新）生成签到码，用于签到单 / (re)issue judges’ codes, e.g. for the code sheet',
    description:
      '每位所列评委得到新签到码（仅在此返回一次，附平板签到地址及其二维码）：旧签到码立即失效，用旧码登录的平板随即退出，' +
      '评委已保存的评分不受影响。服务器只保存摘要，无法找回旧码，所以打印签到单即为所列评委重新发码，之前打印的签到单作废。\n\n' +
      'Each listed judge gets a new code (returned this once, with the tablet sign-in address and its QR code): the old ' +
      'code is refused at once and tablets signed in with it are signed out; saved scores stay. The server keeps only ' +
      'digests and cannot recover a code, so printing a code sheet reissues the listed judges’ codes and voids any ' +
      'sheet printed for them before.',
  })
  @ApiResponse({ status: 201, type: JudgeCodesResponseDto })
  @ApiError(404, '路演或评委不存在 / no such roadshow or judge')
  @ApiError(409, '路演已结束 / the roadshow is over')
  @ApiJsonBodyErrors()
  issueCodes(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowIdParams,
    @Body() dto: IssueJudgeCodesDto,
    @RequestOrigin() origin: string,
  ): Promise<JudgeCodesResponseDto> {
    return this.judges.issueCodes(actor, params.id, dto.judgeIds, origin);
  }

  @Delete('roadshows/:id/judges/:judgeId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '移除尚未评分的评委 / remove a judge who has not scored',
    description:
      'For a judge added by mistake or who did not come: the judge, their recusals and their tablet sessions go. ' +
      'Refused once the judge has saved a score (JUDGE_HAS_SCORED): scores are part of the result.',
  })
  @ApiResponse({ status: 204, description: '已移除 / removed' })
  @ApiError(404, '路演或评委不存在 / no such roadshow or judge')
  @ApiError(409, '评委已评分，或路演已结束 / the judge has scored, or the roadshow is over')
  removeJudge(@CurrentActor() actor: Actor, @Param() params: RoadshowJudgeParams): Promise<void> {
    return this.judges.remove(actor, params.id, params.judgeId);
  }

  @Get('roadshows/:id/sign-in-pauses')
  @ApiOperation({
    summary: '评委签到暂停情况 / the roadshow’s judge sign-in pauses',
    description:
      `Wrong codes are counted per roadshow in ${SIGN_IN_WINDOW_SECONDS / 60}-minute windows: ` +
      `${SIGN_IN_LIMITS.roadshow} for the whole roadshow, ${SIGN_IN_LIMITS.address} from one address, ` +
      `${SIGN_IN_LIMITS.code} for one code. A used-up window pauses sign-in in its scope for ` +
      `${SIGN_IN_WINDOW_SECONDS / 60} minutes, twice as long at each repeat within a day (at most 4 hours).`,
  })
  @ApiResponse({ status: 200, type: SignInPausesResponseDto })
  @ApiError(404, '路演不存在 / no such roadshow')
  async signInPauses(
    @Param() params: RoadshowIdParams,
    @Query() query: BoundedListQueryDto,
  ): Promise<SignInPausesResponseDto> {
    return pageWith(await this.sessions.pauses(params.id), query);
  }

  @Delete('roadshows/:id/sign-in-pauses')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '解除评委签到暂停 / lift the roadshow’s sign-in pauses',
    description: 'Lifts every pause of the roadshow and forgets its counts and backoff; audited.',
  })
  @ApiResponse({ status: 204, description: '已解除 / lifted' })
  @ApiError(404, '路演不存在 / no such roadshow')
  clearSignInPauses(@CurrentActor() actor: Actor, @Param() params: RoadshowIdParams): Promise<void> {
    return this.sessions.clearPauses(actor, params.id);
  }

  @Post('roadshows/:id/draw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '出场顺序抽签 / draw the presentation order',
    description: `${ORDER_DRAW_DESCRIPTION.zh}\n\n${ORDER_DRAW_DESCRIPTION.en}\n\nRefused once a slot has left "waiting".`,
  })
  @ApiResponse({ status: 200, type: DrawResponseDto })
  @ApiError(404, '路演不存在 / no such roadshow')
  @ApiError(409, NOT_LIVE)
  @ApiJsonBodyErrors()
  draw(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowIdParams,
    @Body() dto: DrawOrderDto,
  ): Promise<DrawResponseDto> {
    return this.roadshows.draw(actor, params.id, dto);
  }

  @Post('roadshows/:id/slots/:slotId/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '项目上台，开始计时 / the project takes the stage, timer starts',
    description: 'waiting → presenting; becomes the current slot. Only one slot is presenting or scoring at a time.',
  })
  @ApiResponse({ status: 200, type: SlotResponseDto })
  @SlotRefusals()
  start(@CurrentActor() actor: Actor, @Param() params: RoadshowSlotParams): Promise<SlotResponseDto> {
    return this.slots.start(actor, params.id, params.slotId);
  }

  @Post('roadshows/:id/slots/:slotId/open-scoring')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '开始评分 / open scoring', description: 'presenting → scoring.' })
  @ApiResponse({ status: 200, type: SlotResponseDto })
  @SlotRefusals()
  openScoring(@CurrentActor() actor: Actor, @Param() params: RoadshowSlotParams): Promise<SlotResponseDto> {
    return this.slots.openScoring(actor, params.id, params.slotId);
  }

  @Post('roadshows/:id/slots/:slotId/lock')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '锁定并公布分数 / lock and announce the score',
    description:
      'scoring → locked. The announced score is computed by libs/scoring with the competition’s rubric and aggregation ' +
      'rule (e.g. drop the highest and lowest total, average the rest, round half-up once to 2 decimals), leaving out ' +
      'recused judges; it is stored with its breakdown and the rules version. No score is accepted afterwards.',
  })
  @ApiResponse({ status: 200, type: SlotResponseDto })
  @ApiError(404, '路演或出场位不存在 / no such roadshow or slot')
  @ApiError(
    409,
    '未处于评分中，或有评委未提交且未确认不计入（JUDGES_MISSING） / not scoring, or judges missing and not confirmed (JUDGES_MISSING)',
  )
  @ApiError(422, '评分规则无法汇总这些评分 / the rules cannot aggregate these score sheets')
  @ApiJsonBodyErrors()
  lock(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowSlotParams,
    @Body() dto: LockSlotDto,
  ): Promise<SlotResponseDto> {
    return this.slots.lock(actor, params.id, params.slotId, dto);
  }

  @Post('roadshows/:id/recusals')
  @ApiOperation({
    summary: '办公室指定回避 / recuse a judge from a project',
    description: 'The judge can no longer see the project’s details or score it, and is left out of its aggregation.',
  })
  @ApiResponse({ status: 201, type: RecusalResponseDto })
  @ApiError(404, '路演、评委或项目不存在 / no such roadshow, judge or project')
  @ApiError(409, '已回避、项目已锁定或路演已结束 / already recused, locked, or the roadshow is over')
  @ApiJsonBodyErrors()
  recuse(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowIdParams,
    @Body() dto: CreateRecusalDto,
  ): Promise<RecusalResponseDto> {
    return this.recusals.recuseByOffice(actor, params.id, dto);
  }

  @Post('roadshows/:id/recusals/:recusalId/withdraw')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '撤销误报的回避 / withdraw a recusal made in error',
    description:
      '评委申报或办公室指定的回避可在该项目锁定前撤销，须说明理由；撤销后评委可查看并为该项目评分，已给出的评分重新计入。' +
      '自动回避（同一组织或社区）不能撤销。\n\n' +
      'A declared or office recusal can be withdrawn, with a reason, until the project is locked: the judge may then ' +
      'see and score it, and a score already given counts again. Automatic recusals (same organization or community) stay.',
  })
  @ApiResponse({ status: 204, description: '已撤销 / withdrawn' })
  @ApiError(400, '缺少理由 / no reason given')
  @ApiError(404, '本路演没有这条回避 / no such recusal here')
  @ApiError(409, '自动回避，或项目已锁定 / automatic, or the project is locked')
  @ApiJsonBodyErrors()
  withdrawRecusal(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowRecusalParams,
    @Body() dto: WithdrawRecusalDto,
  ): Promise<void> {
    return this.recusals.withdraw(actor, params.id, params.recusalId, dto);
  }
}
