import { Controller, Headers, MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { LiveEventType, RequestErrors } from '@app/domain';
import { Public } from '../auth/access.decorator';
import { ApiError } from '../common/api-error.decorator';
import { RoadshowEventsParamsDto } from './dto/roadshow-events-params.dto';
import { EVENT_ID_PATTERN, RoadshowEventsQueryDto } from './dto/roadshow-events-query.dto';
import { LiveStreamService } from './live-stream.service';

const LAST_EVENT_ID = 'Last-Event-ID';

/** An EventSource resends the header on every reconnect, with the URL it started with: the header is the fresher. */
function lastEventIdOf(header: string | undefined, query: RoadshowEventsQueryDto): string | undefined {
  if (header === undefined || header.trim() === '') return query.lastEventId;
  const value = header.trim();
  if (!EVENT_ID_PATTERN.test(value)) throw RequestErrors.eventIdMalformed(LAST_EVENT_ID);
  return value;
}

@ApiTags('live 路演实时')
@Public()
@Controller('roadshows')
export class LiveEventsController {
  constructor(private readonly streams: LiveStreamService) {}

  @Sse(':id/events')
  @ApiOperation({
    summary: '路演实时事件流（SSE）/ live roadshow events (server-sent events)',
    description:
      '大屏和评委平板订阅。每个事件：`id` 为事件 id，`event` 为类型，`data` 为 JSON。带 Last-Event-ID（或 ?lastEventId=）' +
      '重连时先补发之后的全部事件；否则从当前开始，首条注释消息带当前 id。每 15 秒一条心跳注释。锁定前的事件不含分数。\n\n' +
      "For the big screen and judges' tablets. Each event: `id` is the event id, `event` its type, `data` JSON. " +
      'Reconnecting with Last-Event-ID (or ?lastEventId=) first replays every later event; without it the stream ' +
      'starts now, and its greeting comment carries the current id. A heartbeat comment every 15 s. ' +
      `Event types: ${Object.values(LiveEventType).join(', ')}. No score values before a slot locks.`,
  })
  @ApiHeader({
    name: LAST_EVENT_ID,
    required: false,
    schema: { type: 'string', pattern: EVENT_ID_PATTERN.source },
    description: '最后收到的事件 id / id of the last event received',
  })
  @ApiOkResponse({
    description: '事件流 / the event stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: 1041\nretry: 2000\n: 已连接 / connected\n\n' +
          'id: 1042\nevent: slot.locked\ndata: {"slotId":"…","announcedScore":"87.25"}\n\n',
      },
    },
  })
  @ApiError(400, 'id 或 Last-Event-ID 格式错误 / malformed id or Last-Event-ID')
  @ApiError(404, '路演不存在 / no such roadshow')
  events(
    @Param() params: RoadshowEventsParamsDto,
    @Query() query: RoadshowEventsQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(params.id, lastEventIdOf(lastEventId, query));
  }
}
