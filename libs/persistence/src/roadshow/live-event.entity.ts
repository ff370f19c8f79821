import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

/**
 * Server-sent events of a roadshow, kept so a client reconnecting with Last-Event-ID gets exactly
 * what it missed; Redis pub/sub only carries the "something new" signal between API processes.
 * `seq` numbers a roadshow's events in commit order (see LiveEventRepository) and is the SSE id.
 */
@Entity({ name: 'live_event' })
@Unique('live_event_roadshow_seq_key', ['roadshowId', 'seq'])
export class LiveEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'roadshow_id', type: 'uuid' })
  roadshowId: string;

  /** bigint as text, like every id: never rounded. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  data: unknown;

  @CreatedAtColumn()
  createdAt: Date;
}
