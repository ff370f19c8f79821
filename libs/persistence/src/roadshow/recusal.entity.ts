import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecusalSource } from '@app/domain';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

@Entity({ name: 'recusal' })
@Index('recusal_judge_submission_uq', ['judgeId', 'submissionId'], { unique: true })
export class Recusal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

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
