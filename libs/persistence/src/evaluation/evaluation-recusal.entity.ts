import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecusalSource } from '@app/domain';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

/** 回避: an evaluator's sheet for the project never counts. */
@Entity({ name: 'evaluation_recusal' })
export class EvaluationRecusal {
  @PrimaryColumn({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ type: 'text' })
  source: RecusalSource;

  @Column({ type: 'text' })
  reason: string;

  @CreatedAtColumn()
  createdAt: Date;
}
