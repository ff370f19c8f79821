import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/** A grant a round evaluates, and the stage whose tranche its pass releases (a re-evaluation's is the failed one's). */
@Entity({ name: 'evaluation_project' })
export class EvaluationProject {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ name: 'for_stage', type: 'text' })
  forStage: 'mid' | 'final';
}
