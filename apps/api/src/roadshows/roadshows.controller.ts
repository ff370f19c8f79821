import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { AddJudgeDto } from './dto/add-judge.dto';
import { CreateRecusalDto } from './dto/create-recusal.dto';
import { WithdrawRecusalDto } from './dto/withdraw-recusal.dto';
import { CreateRoadshowDto } from './dto/create-roadshow.dto';
import { DrawOrderDto } from './dto/draw-order.dto';
import { DrawResponseDto } from './dto/draw-response.dto';
import { JudgeCreatedResponseDto } from './dto/judge-response.dto';
import { LockSlotDto } from './dto/lock-slot.dto';
import { RecusalResponseDto } from './dto/recusal-response.dto';
import { RoadshowResponseDto } from './dto/roadshow-response.dto';
import {
  CompetitionIdParams,
  RoadshowIdParams,
  RoadshowRecusalParams,
  RoadshowSlotParams,
} from './dto/roadshow-params.dto';
import { RoadshowStateResponseDto } from './dto/roadshow-state-response.dto';
import { SlotJudgesResponseDto } from './dto/slot-judges-response.dto';
import { SlotResponseDto } from './dto/slot-response.dto';
import { JudgesService } from './judges.service';
import { ORDER_DRAW_DESCRIPTION } from './order-draw';
import { RecusalsService } from './recusals.service';
import { RoadshowSlotsService } from './roadshow-slots.service';
import { RoadshowsService } from './roadshows.service';

const NOT_LIVE =
  '大赛不在路演阶段，或项目状态不允许 / the competition is not in its roadshow stage, or the slot state forbids it';

/** The grants office runs the roadshow: panel, conflicts, order draw and the stage. */
@ApiTags('roadshows 路演（办公室）')
@ApiResponse({ status: 401, type: ErrorResponseDto, description: '未登录 / not signed in' })
@ApiResponse({ status: 403, type: ErrorResponseDto, description: '仅限办公室 / office only' })
@Allow(Role.Office)
@Controller()
export class RoadshowsController {
  constructor(
    private readonly roadshows: RoadshowsService,
    private readonly judges: JudgesService,
    private readonly recusals: RecusalsService,
    private readonly slots: RoadshowSlotsService,
  ) {}

  @Post('competitions/:id/roadshow')
  @ApiOperation({
    summary: '创建路演 / create the competition’s roadshow',
    description: 'One roadshow per competition.',
  })
  @ApiResponse({ status: 201, type: RoadshowResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: '已有路演或大赛已结束路演 / exists, or the roadshow is over',
  })
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
  @ApiResponse({ status: 404, type: ErrorResponseDto })
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
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  judgesOfSlot(@Param() params: RoadshowSlotParams): Promise<SlotJudgesResponseDto> {
    return this.slots.judgesOfSlot(params.id, params.slotId);
  }

  @Get('roadshows/:id')
  @ApiOperation({
    summary: '路演状态 / roadshow state',
    description:
      'Slots in order with their states and counts, the current slot, judges (never their codes), recusals, progress.',
  })
  @ApiResponse({ status: 200, type: RoadshowStateResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  state(@Param() params: RoadshowIdParams): Promise<RoadshowStateResponseDto> {
    return this.roadshows.state(params.id);
  }

  @Post('roadshows/:id/judges')
  @ApiOperation({
    summary: '添加评委并生成签到码 / add a judge and issue a sign-in code',
    description:
      'The 8-character code (XXXX-XXXX, no 0/O/1/I/L) is in this response only; the server stores only its HMAC. ' +
      'Projects of the judge’s organization or community are recused automatically.',
  })
  @ApiResponse({ status: 201, type: JudgeCreatedResponseDto })
  @ApiResponse({ status: 400, type: ErrorResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  addJudge(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowIdParams,
    @Body() dto: AddJudgeDto,
  ): Promise<JudgeCreatedResponseDto> {
    return this.judges.add(actor, params.id, dto);
  }

  @Post('roadshows/:id/draw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '出场顺序抽签 / draw the presentation order',
    description: `${ORDER_DRAW_DESCRIPTION.zh}\n\n${ORDER_DRAW_DESCRIPTION.en}\n\nRefused once a slot has left "waiting".`,
  })
  @ApiResponse({ status: 200, type: DrawResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: NOT_LIVE })
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
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: NOT_LIVE })
  start(@CurrentActor() actor: Actor, @Param() params: RoadshowSlotParams): Promise<SlotResponseDto> {
    return this.slots.start(actor, params.id, params.slotId);
  }

  @Post('roadshows/:id/slots/:slotId/open-scoring')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '开始评分 / open scoring', description: 'presenting → scoring.' })
  @ApiResponse({ status: 200, type: SlotResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: NOT_LIVE })
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
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description:
      '未处于评分中，或有评委未提交且未确认 allowMissing / not scoring, or judges missing without allowMissing',
  })
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
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: '已回避，或项目已锁定 / already recused, or locked',
  })
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
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: '缺少理由 / no reason given' })
  @ApiResponse({ status: 404, type: ErrorResponseDto, description: '本路演没有这条回避 / no such recusal here' })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: '自动回避，或项目已锁定 / automatic, or the project is locked',
  })
  withdrawRecusal(
    @CurrentActor() actor: Actor,
    @Param() params: RoadshowRecusalParams,
    @Body() dto: WithdrawRecusalDto,
  ): Promise<void> {
    return this.recusals.withdraw(actor, params.id, params.recusalId, dto);
  }
}
