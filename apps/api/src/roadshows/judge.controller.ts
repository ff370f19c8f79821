import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { JudgeActor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError, ApiJsonBodyErrors } from '../common/api-error.decorator';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { DeclareRecusalDto } from './dto/declare-recusal.dto';
import { JudgeRoadshowResponseDto, JudgeSlotPageDto } from './dto/judge-view-response.dto';
import { RecusalResponseDto } from './dto/recusal-response.dto';
import { JudgeSlotParams } from './dto/roadshow-params.dto';
import { ScoreResponseDto } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { IDEMPOTENCY_HEADER, readIdempotencyKey } from './idempotency-key';
import { JudgeScoringService } from './judge-scoring.service';
import { JudgeViewService } from './judge-view.service';
import { RecusalsService } from './recusals.service';

/** The judge's tablet; every route acts on the roadshow the judge's token is bound to. */
@ApiTags('judge 评委')
@ApiError(401, '未登录，或评委令牌无效 / not signed in, or the judge token is not valid')
@ApiError(403, '仅限评委 / judges only')
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
  @ApiError(404, '评委已不在本路演 / the judge is no longer on this roadshow')
  roadshow(@CurrentActor() actor: JudgeActor): Promise<JudgeRoadshowResponseDto> {
    return this.view.roadshow(actor);
  }

  @Post('heartbeat')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '平板在线信号 / the tablet is here',
    description:
      'Sent by the tablet every few seconds while its page is open: it learns within seconds when the server cannot be ' +
      'reached, and the office console sees the tablet online. Like every judge request it records the tablet as seen, ' +
      'at most every 15 s; 401 once the session has ended.',
  })
  @ApiResponse({ status: 204, description: '在线 / seen' })
  heartbeat(): void {
    // The guard has checked the session and recorded the tablet as seen: nothing is left to do.
  }

  @Get('slots')
  @ApiOperation({
    summary: '评委端：全部出场项目与本人评分 / all slots with your own scores',
    description: 'Projects you are recused from show no details. Other judges’ scores are never shown.',
  })
  @ApiResponse({ status: 200, type: JudgeSlotPageDto })
  @ApiError(400)
  @ApiError(404, '评委已不在本路演 / the judge is no longer on this roadshow')
  async slots(@CurrentActor() actor: JudgeActor, @Query() query: BoundedListQueryDto): Promise<JudgeSlotPageDto> {
    return pageItems(await this.view.slots(actor), query);
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
  @ApiError(400, '字段无效（field 指明） / invalid field, named in field')
  @ApiError(403, '已回避，或不是评委 / recused, or not a judge')
  @ApiError(404, '不是本路演的出场位 / not a slot of your roadshow')
  @ApiError(409, '已锁定、未上台，或键已用于另一份评分 / locked, not on stage, or the key was used for another score')
  @ApiJsonBodyErrors()
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
  @ApiError(400)
  @ApiError(404, '项目不在本路演 / no such project in your roadshow')
  @ApiError(409, '已回避、项目已锁定或路演已结束 / already recused, locked, or the roadshow is over')
  @ApiJsonBodyErrors()
  declare(@CurrentActor() actor: JudgeActor, @Body() dto: DeclareRecusalDto): Promise<RecusalResponseDto> {
    return this.recusals.declare(actor, dto);
  }
}
