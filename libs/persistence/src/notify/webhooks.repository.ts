import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { WebhookDeliveryStatus, WebhookTopic } from '@app/domain';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEvent } from './webhook-event.entity';

/** Longest error or response excerpt kept per delivery: enough to diagnose, never a whole page. */
const MAX_ERROR_CHARS = 500;

export interface NewDelivery {
  readonly tenantId: string;
  readonly eventId: string;
  readonly endpointId: string;
  readonly attempt: number;
  readonly replay: boolean;
  readonly status: WebhookDeliveryStatus;
  readonly responseStatus: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

/** A delivery with the topic and address a log reader needs beside it. */
export interface DeliveryLogRow {
  readonly delivery: WebhookDelivery;
  readonly topic: string;
  readonly url: string;
}

/** Endpoints, events and the delivery log. `tenantId` null means every office (an administrator's read). */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async competitionHeader(
    manager: EntityManager,
    competitionId: string,
  ): Promise<{ tenantId: string; title: string } | undefined> {
    const [row] = await manager.query<{ tenant_id: string; title: string }[]>(
      `SELECT tenant_id, title FROM competition WHERE id = $1`,
      [competitionId],
    );
    return row && { tenantId: row.tenant_id, title: row.title };
  }

  async tenantExists(tenantId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM tenant WHERE id = $1`, [tenantId]);
    return rows.length > 0;
  }

  subscribedEndpoints(manager: EntityManager, tenantId: string, topic: WebhookTopic): Promise<WebhookEndpoint[]> {
    return manager
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .where('endpoint.tenantId = :tenantId', { tenantId })
      .andWhere('endpoint.disabledAt IS NULL')
      .andWhere('endpoint.topics @> jsonb_build_array(CAST(:topic AS text))', { topic })
      .orderBy('endpoint.createdAt', 'ASC')
      .getMany();
  }

  async insertEvent(manager: EntityManager, event: WebhookEvent): Promise<void> {
    await manager.getRepository(WebhookEvent).insert(manager.getRepository(WebhookEvent).create(event));
  }

  insertEndpoint(
    manager: EntityManager,
    endpoint: Omit<WebhookEndpoint, 'id' | 'createdAt' | 'disabledAt'>,
  ): Promise<WebhookEndpoint> {
    const repository = manager.getRepository(WebhookEndpoint);
    return repository.save(repository.create({ ...endpoint, disabledAt: null }));
  }

  endpoints(tenantId: string | null): Promise<WebhookEndpoint[]> {
    return this.dataSource.getRepository(WebhookEndpoint).find({
      where: { disabledAt: IsNull(), ...(tenantId === null ? {} : { tenantId }) },
      order: { createdAt: 'DESC' },
    });
  }

  endpoint(id: string, manager: EntityManager = this.dataSource.manager): Promise<WebhookEndpoint | null> {
    return manager.getRepository(WebhookEndpoint).findOneBy({ id });
  }

  event(id: string): Promise<WebhookEvent | null> {
    return this.dataSource.getRepository(WebhookEvent).findOneBy({ id });
  }

  async disableEndpoint(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(WebhookEndpoint).update({ id }, { disabledAt: new Date() });
  }

  async insertDelivery(delivery: NewDelivery): Promise<void> {
    await this.dataSource
      .getRepository(WebhookDelivery)
      .insert({ ...delivery, error: delivery.error?.slice(0, MAX_ERROR_CHARS) ?? null });
  }

  /** Newest first, `skip` and `take` as a page asks; with the total for the page envelope. */
  async deliveries(
    filter: { readonly tenantId: string | null; readonly endpointId?: string },
    window: { readonly skip: number; readonly take: number },
  ): Promise<[DeliveryLogRow[], number]> {
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .innerJoin(WebhookEvent, 'event', 'event.id = delivery.eventId')
      .innerJoin(WebhookEndpoint, 'endpoint', 'endpoint.id = delivery.endpointId')
      .addSelect(['event.topic', 'endpoint.url']);
    if (filter.tenantId !== null) query.andWhere('delivery.tenantId = :tenantId', { tenantId: filter.tenantId });
    if (filter.endpointId !== undefined) {
      query.andWhere('delivery.endpointId = :endpointId', { endpointId: filter.endpointId });
    }
    const total = await query.getCount();
    const { entities, raw } = await query
      .orderBy('delivery.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawAndEntities<{ event_topic: string; endpoint_url: string }>();
    return [entities.map((delivery, i) => ({ delivery, topic: raw[i].event_topic, url: raw[i].endpoint_url })), total];
  }

  delivery(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
  }
}
