import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HooksErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import {
  CreateWebhookEndpointDto,
  DeliveryIdParamDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointListDto,
  WebhookReplayDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

const OFFICE_OR_ADMIN = '办公室或管理员 / an office or an administrator';

@ApiTags('webhooks 事件推送')
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhooks')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '登记接收地址 / register a webhook endpoint',
    description:
      '办公室为本办公室登记接收地址和订阅的事件；管理员须指定办公室。签名密钥只在这次回复中出现。\n\n' +
      'An office registers an endpoint and its topics for its own events; an administrator names the office. ' +
      'The signing secret appears in this answer only.',
  })
  @ApiResponse({ status: 201, type: WebhookEndpointCreatedDto })
  @ApiCallerErrors(OFFICE_OR_ADMIN)
  @ApiError(
    400,
    'not https, or http to another host than this machine',
    refusalExample(HooksErrors.webhookUrlNotHttps()),
  )
  @ApiJsonBodyErrors()
  register(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    return this.webhooks.register(actor, dto);
  }

  @Get('webhooks')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '接收地址 / webhook endpoints',
    description:
      '办公室看到自己的，管理员看到全部；不含密钥。\n\nAn office sees its own, an administrator all; never the secrets.',
  })
  @ApiResponse({ status: 200, type: WebhookEndpointListDto })
  @ApiCallerErrors(OFFICE_OR_ADMIN)
  list(@CurrentActor() actor: Actor): Promise<WebhookEndpointListDto> {
    return this.webhooks.list(actor);
  }

  @Delete('webhooks/:id')
  @Allow(Role.Office, Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '停用接收地址 / disable a webhook endpoint',
    description: '不再向它投递；投递记录保留。\n\nNothing more is delivered to it; its delivery log is kept.',
  })
  @ApiResponse({ status: 204, description: 'disabled' })
  @ApiCallerErrors(OFFICE_OR_ADMIN)
  @ApiError(404, 'no such endpoint, or another office’s')
  disable(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    return this.webhooks.disable(actor, params.id);
  }

  @Get('webhook-deliveries')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '投递记录 / webhook delivery log',
    description:
      '每次投递尝试一行，最新的在前：状态、对方的 HTTP 状态码、耗时和错误。\n\n' +
      'One row per delivery attempt, newest first: status, the receiver’s HTTP status, duration and error.',
  })
  @ApiResponse({ status: 200, type: WebhookDeliveryPageDto })
  @ApiCallerErrors(OFFICE_OR_ADMIN)
  deliveries(@CurrentActor() actor: Actor, @Query() query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(actor, query);
  }

  @Post('webhook-deliveries/:id/replay')
  @Allow(Role.Office, Role.Admin)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: '重新投递 / replay a delivery',
    description:
      '把同一事件再次投递到同一地址（事件编号不变，接收方可据此去重）。\n\n' +
      'Sends the same event to the same endpoint again (same event id, so the receiver can deduplicate).',
  })
  @ApiResponse({ status: 202, type: WebhookReplayDto })
  @ApiCallerErrors(OFFICE_OR_ADMIN)
  @ApiError(404, 'no such delivery, another office’s, or its endpoint is disabled')
  replay(@CurrentActor() actor: Actor, @Param() params: DeliveryIdParamDto): Promise<WebhookReplayDto> {
    return this.webhooks.replay(actor, params.id);
  }
}
