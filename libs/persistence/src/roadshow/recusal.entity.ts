import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecusalSource } from '@app/domain';

@Entity({ name: 'recusal' })
@Index('recusal_judge_submission_uq', ['judgeId', 'submissionId'], { unique: true })
export class Recusal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'text' })
  source: RecusalSource;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
