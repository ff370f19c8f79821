import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SheetColumns } from './sheet-columns';

/** A judge's current score for one slot; every change is also a ScoreRevision. */
@Entity({ name: 'score' })
@Index('score_slot_judge_uq', ['slotId', 'judgeId'], { unique: true })
export class Score extends SheetColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
