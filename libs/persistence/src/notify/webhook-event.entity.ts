import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TenantColumn } from '../columns';

/** Something that happened in a competition, written in the same transaction as the change itself. */
@Entity({ name: 'webhook_event' })
export class WebhookEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The competition's office: only its endpoints hear of it. */
  @TenantColumn()
  tenantId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  /** Exactly the body receivers get: ids, titles and states, never secrets or phone numbers. */
  @Column({ type: 'jsonb' })
  payload: object;

  @CreatedAtColumn()
  createdAt: Date;
}
