import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDeliveryStatus } from '@app/domain';
import { CreatedAtColumn, TenantColumn } from '../columns';

/** One attempt to deliver one event to one endpoint: the delivery log reads these rows. */
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @TenantColumn()
  tenantId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  /** 1 for the first try of a job; retries count up, a replay starts again at 1. */
  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'boolean', default: false })
  replay: boolean;

  @Column({ type: 'text' })
  status: WebhookDeliveryStatus;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
