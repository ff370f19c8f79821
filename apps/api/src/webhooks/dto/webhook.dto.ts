import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsIn, IsUUID, Matches } from 'class-validator';
import { WebhookDeliveryStatus, WebhookTopic } from '@app/domain';
import { DeliveryLogRow, WebhookEndpoint } from '@app/persistence';
import { ArrayField, Optional, StringField, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageQueryDto, PageResponse } from '../../common/page-query.dto';

const TOPICS = Object.values(WebhookTopic);

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://hooks.example.org/gongyi',
    description: 'https; http only to 127.0.0.1 or localhost outside production',
  })
  @Label('接收地址', 'endpoint URL')
  @TextField({ max: 2000 })
  url: string;

  @ApiProperty({ enum: WebhookTopic, isArray: true, example: [WebhookTopic.SubmissionSubmitted] })
  @Label('订阅的事件', 'topics', 'topic')
  @IsIn(TOPICS, { each: true })
  @ArrayUnique()
  @ArrayField(TOPICS.length, 1)
  topics: WebhookTopic[];

  @ApiPropertyOptional({ example: '区民政局数据平台' })
  @Label('说明', 'description')
  @TextField({ max: 200, optional: true, allowEmpty: true })
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'administrators: the office whose events to receive' })
  @Label('办公室编号', 'office ID')
  @Optional()
  @IsUUID()
  tenantId?: string;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: 'https://hooks.example.org/gongyi' })
  url: string;

  @ApiProperty({ example: '区民政局数据平台' })
  description: string;

  @ApiProperty({ enum: WebhookTopic, isArray: true })
  topics: WebhookTopic[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WebhookEndpointCreatedDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_3b1f…',
    description: 'the signing secret: shown this once, never again; keep it where the receiver reads it',
  })
  secret: string;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] })
  items: WebhookEndpointDto[];
}

export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this endpoint’s deliveries' })
  @Label('接收地址编号', 'endpoint ID')
  @Optional()
  @IsUUID()
  endpointId?: string;
}

/** `:id` of a delivery: the log's row number, a positive integer. */
export class DeliveryIdParamDto {
  @ApiProperty({ example: '42', pattern: '^[1-9][0-9]{0,17}$' })
  @Label('投递记录编号', 'delivery ID')
  @Matches(
    /^[1-9][0-9]{0,17}$/,
    says('必须是投递记录的编号（正整数）', 'must be a delivery number (a positive integer)'),
  )
  @StringField(18)
  id: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: '42', description: 'the attempt’s number in the log' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'the event; receivers get it as X-Gongyi-Event-Id' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  endpointId: string;

  @ApiProperty({ example: 'https://hooks.example.org/gongyi' })
  url: string;

  @ApiProperty({ enum: WebhookTopic })
  topic: WebhookTopic;

  @ApiProperty({ example: 1, description: 'the try of its job: 1 first, higher for retries; a replay starts at 1' })
  attempt: number;

  @ApiProperty({ example: false })
  replay: boolean;

  @ApiProperty({ enum: WebhookDeliveryStatus })
  status: WebhookDeliveryStatus;

  @ApiProperty({ type: 'integer', nullable: true, example: 200, description: 'null when no answer came' })
  responseStatus: number | null;

  @ApiProperty({ example: 84 })
  durationMs: number;

  @ApiProperty({ type: 'string', nullable: true, example: '对方返回 HTTP 503 / receiver answered HTTP 503' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WebhookDeliveryPageDto implements PageResponse<WebhookDeliveryDto> {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];

  @ApiProperty({ example: 1 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}

export class WebhookReplayDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  endpointId: string;

  @ApiProperty({ example: 'webhook-replay-…', description: 'the queued delivery job' })
  jobId: string;
}

export function toWebhookEndpointResponse(endpoint: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    description: endpoint.description,
    topics: endpoint.topics as WebhookTopic[],
    createdAt: endpoint.createdAt.toISOString(),
  };
}

export function toWebhookDeliveryResponse(row: DeliveryLogRow): WebhookDeliveryDto {
  const { delivery } = row;
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    endpointId: delivery.endpointId,
    url: row.url,
    topic: row.topic as WebhookTopic,
    attempt: delivery.attempt,
    replay: delivery.replay,
    status: delivery.status,
    responseStatus: delivery.responseStatus,
    durationMs: delivery.durationMs,
    error: delivery.error,
    createdAt: delivery.createdAt.toISOString(),
  };
}
