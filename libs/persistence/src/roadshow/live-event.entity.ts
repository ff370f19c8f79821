import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Server-sent events of a roadshow, kept so a client reconnecting with Last-Event-ID gets exactly
 * what it missed; Redis pub/sub only carries the "something new" signal between API processes.
 */
@Entity({ name: 'live_event' })
@Index('live_event_roadshow_idx', ['roadshowId', 'id'])
export class LiveEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'roadshow_id', type: 'uuid' })
  roadshowId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  data: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
