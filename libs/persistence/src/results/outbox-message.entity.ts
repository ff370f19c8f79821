import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../columns';

/**
 * A job to put on BullMQ, written in the same transaction as the row it concerns. A relay
 * dispatches it with `jobId` as the BullMQ job id, so a Redis outage delays work but loses none,
 * and dispatching twice enqueues once.
 */
@Entity({ name: 'outbox_message' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /**
   * The BullMQ prefix (deployment namespace) the job belongs to: a relay sends only its own, so
   * processes with different prefixes on one database never take each other's work.
   */
  @Column({ name: 'queue_prefix', type: 'text' })
  queuePrefix: string;

  @Column({ name: 'queue_name', type: 'text' })
  queueName: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ name: 'job_id', type: 'text', unique: true })
  jobId: string;

  /** Ids only, never personal data. */
  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
