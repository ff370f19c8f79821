import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { RecusalSource } from '@app/domain';

/** 回避: an evaluator's sheet for the project never counts. */
@Entity({ name: 'evaluation_recusal' })
export class EvaluationRecusal {
  @PrimaryColumn({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ type: 'text' })
  source: RecusalSource;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
