import { Controller, Get, HttpCode, HttpStatus, MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { RankingErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { RunPageDto, RunResponseDto } from './dto/run-response.dto';
import { RankingRunsService } from './ranking-runs.service';
import { RunEventsService } from './run-events.service';

@ApiTags('results 排名与资金分配')
@Controller()
export class RankingRunsController {
  constructor(
    private readonly runs: RankingRunsService,
    private readonly runEvents: RunEventsService,
  ) {}

  @Post('competitions/:id/runs')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: '排名并分配资金（发起排名任务）/ rank and allocate (request a ranking run)',
    description:
      '大赛须处于评分结束、已排名或资金已分配状态，路演所有出场位均已锁定，且每项录入或投票评分构成都有全部项目的分数并已锁定。任务进入队列，由后台按大赛规则计算排名、资金分配和评委一致性；' +
      '用 GET /runs/{id} 或 GET /runs/{id}/events 查看进度。成功后大赛进入「资金已分配」。\n\n' +
      'The competition must be scoring-closed, ranked or allocated, with every roadshow slot locked and every input ' +
      'and vote score component valued for every project and locked. The run is queued; ' +
      'the worker ranks, allocates and computes judge agreement under the competition’s rules. Follow it with ' +
      'GET /runs/{id} or GET /runs/{id}/events. On success the competition becomes allocated.',
  })
  @ApiResponse({ status: 202, type: RunResponseDto, description: '已排队 / queued' })
  @ApiError(400, 'id 格式错误 / malformed id')
  @ApiError(401)
  @ApiError(403, '仅限办公室 / office only')
  @ApiError(404, '大赛不存在 / no such competition')
  @ApiError(
    409,
    '状态不允许、出场位未锁定、评分构成缺分或未锁定，或已有任务在进行 / wrong state, unlocked slots, ' +
      'missing or unlocked component values, or a run already in progress',
    refusalExample(RankingErrors.slotsNotLocked(2, 10)),
  )
  request(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<RunResponseDto> {
    return this.runs.requestByOffice(actor, params.id);
  }

  @Get('competitions/:id/runs')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({ summary: '大赛的排名任务（新的在前）/ the competition’s ranking runs, newest first' })
  @ApiAnswerOrNotFound(RunPageDto, {
    forbidden: '仅限办公室与管理员 / office and admin only',
    notFound: '大赛不存在 / no such competition',
  })
  async list(@Param() params: IdParamDto, @Query() query: BoundedListQueryDto): Promise<RunPageDto> {
    return pageItems(await this.runs.list(params.id), query);
  }

  @Get('runs/:id')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '排名任务状态、进度和失败原因 / a ranking run: status, progress and why it failed',
  })
  @ApiAnswerOrNotFound(RunResponseDto, {
    forbidden: '仅限办公室与管理员 / office and admin only',
    notFound: '任务不存在 / no such run',
  })
  get(@Param() params: IdParamDto): Promise<RunResponseDto> {
    return this.runs.get(params.id);
  }

  @Sse('runs/:id/events')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '排名任务进度事件流（SSE）/ live progress of a ranking run (server-sent events)',
    description:
      '连接后立即发送当前状态，之后每次变化发送一条 `progress` 事件（data 为 {runId, status, progress}），任务成功或失败后结束。\n\n' +
      'Sends the current state at once, then a `progress` event (data {runId, status, progress}) on every change; ' +
      'the stream ends when the run succeeds or fails. A heartbeat comment every 15 s.',
  })
  @ApiResponse({
    status: 200,
    description: '事件流 / the event stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'event: progress\nretry: 2000\ndata: {"runId":"…","status":"running","progress":55}\n\n' +
          'event: progress\nretry: 2000\ndata: {"runId":"…","status":"succeeded","progress":100}\n\n',
      },
    },
  })
  @ApiCallerErrors('仅限办公室与管理员 / office and admin only')
  @ApiError(404, '任务不存在 / no such run')
  events(@Param() params: IdParamDto): Promise<Observable<MessageEvent>> {
    return this.runEvents.stream(params.id);
  }
}
