import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/**
 * Something that happened in a competition, written in the same transaction as the change itself,
 * under the competition's office: only that office's endpoints hear of it.
 */
@Entity({ name: 'webhook_event' })
export class WebhookEvent extends OfficeRow {
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
