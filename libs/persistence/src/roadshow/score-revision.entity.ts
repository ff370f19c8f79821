import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SheetColumns } from './sheet-columns';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

/**
 * Every version a judge submitted, in order. The idempotency key is unique per judge, so a retried
 * request finds its first answer instead of writing again.
 */
@Entity({ name: 'score_revision' })
@Index('score_revision_idempotency_uq', ['judgeId', 'idempotencyKey'], { unique: true })
export class ScoreRevision extends SheetColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'score_id', type: 'uuid' })
  scoreId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @CreatedAtColumn()
  createdAt: Date;
}
