import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A judge's current score for one slot; every change is also a ScoreRevision. */
@Entity({ name: 'score' })
@Index('score_slot_judge_uq', ['slotId', 'judgeId'], { unique: true })
export class Score {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  /** Criterion key → exact decimal string. */
  @Column({ type: 'jsonb' })
  criteria: Record<string, string>;

  /** Gate key → pass/fail. */
  @Column({ type: 'jsonb' })
  gates: Record<string, boolean>;

  /** The judge's weighted total, exact. */
  @Column({ type: 'text' })
  total: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'integer' })
  revision: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
