import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JobOutbox } from '@app/application';
import { AppConfig } from '@app/config';
import { HooksErrors, Role, WebhookTopic } from '@app/domain';
import { AuditRepository, WebhookEndpoint, WebhooksRepository } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf } from '../common/page-query.dto';
import {
  CreateWebhookEndpointDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointListDto,
  WebhookReplayDto,
  toWebhookDeliveryResponse,
  toWebhookEndpointResponse,
} from './dto/webhook.dto';
import { checkWebhookUrl } from './webhook-url';

/** The office an actor acts for; null for an administrator, who sees every office. */
function officeOf(actor: Actor): string | null {
  return actor.kind === 'user' && actor.role === Role.Office ? actor.tenantId : null;
}

/**
 * An office's webhook endpoints and their delivery log. An office sees and changes only its own;
 * another office's endpoint or delivery answers as missing, so ids reveal nothing.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly jobs: JobOutbox,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async register(actor: Actor, dto: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    const url = checkWebhookUrl(dto.url, this.config.env === 'production');
    const tenantId = officeOf(actor) ?? dto.tenantId;
    if (tenantId === undefined) throw HooksErrors.webhookTenantRequired();
    if (!(await this.webhooks.tenantExists(tenantId))) throw HooksErrors.webhookTenantNotFound();
    const secret = `whsec_${randomBytes(32).toString('hex')}`;
    const topics = Object.values(WebhookTopic).filter((topic) => dto.topics.includes(topic));
    const endpoint = await this.webhooks.transaction(async (manager) => {
      const saved = await this.webhooks.insertEndpoint(manager, {
        tenantId,
        url,
        description: dto.description ?? '',
        topics,
        secret,
        createdBy: auditActor(actor).actorId,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'webhook.register',
          subjectType: 'webhook-endpoint',
          subjectId: saved.id,
          after: { tenantId, url, topics, description: saved.description },
        },
        manager,
      );
      return saved;
    });
    return { ...toWebhookEndpointResponse(endpoint), secret };
  }

  async list(actor: Actor): Promise<WebhookEndpointListDto> {
    return { items: (await this.webhooks.endpoints(officeOf(actor))).map(toWebhookEndpointResponse) };
  }

  async disable(actor: Actor, id: string): Promise<void> {
    await this.webhooks.transaction(async (manager) => {
      const endpoint = await this.visibleEndpoint(actor, id);
      await this.webhooks.disableEndpoint(manager, endpoint.id);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'webhook.disable',
          subjectType: 'webhook-endpoint',
          subjectId: endpoint.id,
          before: { url: endpoint.url, topics: endpoint.topics },
        },
        manager,
      );
    });
  }

  async deliveries(actor: Actor, query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    const { page, pageSize, skip } = pageOf(query);
    const [rows, total] = await this.webhooks.deliveries(
      { tenantId: officeOf(actor), endpointId: query.endpointId },
      { skip, take: pageSize },
    );
    return { items: rows.map(toWebhookDeliveryResponse), total, page, pageSize };
  }

  /** The same event to the same endpoint again, as a new job: its attempts are logged as a replay. */
  async replay(actor: Actor, deliveryId: string): Promise<WebhookReplayDto> {
    const delivery = await this.webhooks.delivery(deliveryId);
    const office = officeOf(actor);
    if (!delivery || (office !== null && delivery.tenantId !== office)) throw HooksErrors.webhookDeliveryNotFound();
    const endpoint = await this.webhooks.endpoint(delivery.endpointId);
    if (!endpoint || endpoint.disabledAt) throw HooksErrors.webhookEndpointNotFound();
    const jobId = await this.webhooks.transaction(async (manager) => {
      const queued = await this.jobs.enqueue(manager, {
        name: JobName.DeliverWebhook,
        data: { eventId: delivery.eventId, endpointId: delivery.endpointId, replayId: randomUUID() },
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'webhook.replay',
          subjectType: 'webhook-delivery',
          subjectId: delivery.id,
          after: { eventId: delivery.eventId, endpointId: delivery.endpointId, jobId: queued },
        },
        manager,
      );
      return queued;
    });
    return { eventId: delivery.eventId, endpointId: delivery.endpointId, jobId };
  }

  private async visibleEndpoint(actor: Actor, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.webhooks.endpoint(id);
    const office = officeOf(actor);
    if (!endpoint || endpoint.disabledAt || (office !== null && endpoint.tenantId !== office)) {
      throw HooksErrors.webhookEndpointNotFound();
    }
    return endpoint;
  }
}
