import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

/** Ids are Postgres bigints; 18 digits keep any accepted value inside their range. */
export const EVENT_ID_PATTERN = /^\d{1,18}$/;

export class RoadshowEventsQueryDto {
  @ApiPropertyOptional({
    example: '1042',
    description:
      '最后收到的事件 id，供无法设置 Last-Event-ID 请求头的客户端使用；两者都有时以请求头为准。 / ' +
      'Id of the last event received, for clients that cannot set the Last-Event-ID header; the header wins when both are sent.',
  })
  @Label('最后收到的事件编号', 'ID of the last event received')
  @IsOptional()
  @Matches(EVENT_ID_PATTERN, says('必须是数字', 'must be digits'))
  lastEventId?: string;
}
