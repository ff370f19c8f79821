import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SheetColumns } from './sheet-columns';

/**
 * Every version a judge submitted, in order. The idempotency key is unique per judge, so a retried
 * request finds its first answer instead of writing again.
 */
@Entity({ name: 'score_revision' })
@Index('score_revision_idempotency_uq', ['judgeId', 'idempotencyKey'], { unique: true })
export class ScoreRevision extends SheetColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @Column({ name: 'score_id', type: 'uuid' })
  scoreId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
