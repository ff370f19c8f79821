import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SheetColumns } from './sheet-columns';
import { InheritedTenantColumn, UpdatedAtColumn } from '../columns';

/** A judge's current score for one slot; every change is also a ScoreRevision. */
@Entity({ name: 'score' })
@Index('score_slot_judge_uq', ['slotId', 'judgeId'], { unique: true })
export class Score extends SheetColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @UpdatedAtColumn()
  updatedAt: Date;
}
