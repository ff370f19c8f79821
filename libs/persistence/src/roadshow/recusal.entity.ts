import { Column, Entity, Index } from 'typeorm';
import { RecusalSource } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

@Entity({ name: 'recusal' })
@Index('recusal_judge_submission_uq', ['judgeId', 'submissionId'], { unique: true })
export class Recusal extends ChildRow {
  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'text' })
  source: RecusalSource;

  @Column({ type: 'text' })
  reason: string;

  @CreatedAtColumn()
  createdAt: Date;
}
