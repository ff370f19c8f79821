import { Body, Controller, Get, Headers, Param, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { DeclareRecusalDto } from './dto/declare-recusal.dto';
import { JudgeRoadshowResponseDto, JudgeSlotsResponseDto } from './dto/judge-view-response.dto';
import { RecusalResponseDto } from './dto/recusal-response.dto';
import { JudgeSlotParams } from './dto/roadshow-params.dto';
import { ScoreResponseDto } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { IDEMPOTENCY_HEADER, readIdempotencyKey } from './idempotency-key';
import { JudgeScoringService } from './judge-scoring.service';
import { JudgeViewService } from './judge-view.service';
import { RecusalsService } from './recusals.service';

type JudgeActor = Extract<Actor, { kind: 'judge' }>;

/** The judge's tablet; every route acts on the roadshow the judge's token is bound to. */
@ApiTags('judge 评委')
@ApiResponse({ status: 401, type: ErrorResponseDto, description: '未登录 / not signed in' })
@ApiResponse({ status: 403, type: ErrorResponseDto, description: '仅限评委 / judges only' })
@Allow(Role.Judge)
@Controller('judge')
export class JudgeController {
  constructor(
    private readonly view: JudgeViewService,
    private readonly scoring: JudgeScoringService,
    private readonly recusals: RecusalsService,
  ) {}

  @Get('roadshow')
  @ApiOperation({
    summary: '评委端：当前路演与台上项目 / the roadshow and the project on stage',
    description: 'The rubric, and the current project with its details and your saved score, unless you are recused.',
  })
  @ApiResponse({ status: 200, type: JudgeRoadshowResponseDto })
  roadshow(@CurrentActor() actor: JudgeActor): Promise<JudgeRoadshowResponseDto> {
    return this.view.roadshow(actor);
  }

  @Get('slots')
  @ApiOperation({
    summary: '评委端：全部出场项目与本人评分 / all slots with your own scores',
    description: 'Projects you are recused from show no details. Other judges’ scores are never shown.',
  })
  @ApiResponse({ status: 200, type: JudgeSlotsResponseDto })
  slots(@CurrentActor() actor: JudgeActor): Promise<JudgeSlotsResponseDto> {
    return this.view.slots(actor);
  }

  @Put('slots/:slotId/score')
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: true,
    example: '7c1e4b2a-tablet-03-0005',
    description:
      '每次评分一个唯一键（8–100 个字符），重试时原样带上：重复请求返回第一次的结果且不重复写入。 / ' +
      'One unique key per submission (8–100 characters), reused on retry: a retry returns the first answer and writes nothing.',
  })
  @ApiOperation({
    summary: '提交或修改评分 / submit or change your score',
    description:
      'Allowed while the slot is presenting or scoring. Every criterion as a decimal string within 0…max with at most 2 ' +
      'decimals; gates as booleans. Each change adds a revision and an audit row.',
  })
  @ApiResponse({ status: 200, type: ScoreResponseDto })
  @ApiResponse({
    status: 400,
    type: ErrorResponseDto,
    description: '字段无效（field 指明） / invalid field, named in field',
  })
  @ApiResponse({ status: 403, type: ErrorResponseDto, description: '已回避 / recused' })
  @ApiResponse({ status: 404, type: ErrorResponseDto, description: '不是本路演的出场位 / not a slot of your roadshow' })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: '已锁定、未上台，或键已用于另一份评分 / locked, not on stage, or the key was used for another score',
  })
  score(
    @CurrentActor() actor: JudgeActor,
    @Param() params: JudgeSlotParams,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: SubmitScoreDto,
  ): Promise<ScoreResponseDto> {
    return this.scoring.submit(actor, params.slotId, readIdempotencyKey(idempotencyKey), dto);
  }

  @Post('recusals')
  @ApiOperation({
    summary: '评委申报回避 / declare a conflict of interest',
    description: 'You will no longer see the project’s details or score it; your score, if any, is left out.',
  })
  @ApiResponse({ status: 201, type: RecusalResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  declare(@CurrentActor() actor: JudgeActor, @Body() dto: DeclareRecusalDto): Promise<RecusalResponseDto> {
    return this.recusals.declare(actor, dto);
  }
}
