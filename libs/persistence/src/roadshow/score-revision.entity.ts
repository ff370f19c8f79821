import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every version a judge submitted, in order. The idempotency key is unique per judge, so a retried
 * request finds its first answer instead of writing again.
 */
@Entity({ name: 'score_revision' })
@Index('score_revision_idempotency_uq', ['judgeId', 'idempotencyKey'], { unique: true })
export class ScoreRevision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'score_id', type: 'uuid' })
  scoreId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  criteria: Record<string, string>;

  @Column({ type: 'jsonb' })
  gates: Record<string, boolean>;

  @Column({ type: 'text' })
  total: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
