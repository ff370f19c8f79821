import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/** Where an office wants its events sent, and for which topics. */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpoint extends OfficeRow {
  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The topics' values, as a JSON array. */
  @Column({ type: 'jsonb' })
  topics: string[];

  /**
   * Kept readable because every delivery is signed with it; shown to the office once, when the
   * endpoint is registered, and never in a response again.
   */
  @Column({ type: 'text' })
  secret: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
