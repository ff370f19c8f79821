import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A grant a round evaluates, and the stage whose tranche its pass releases (a re-evaluation's is the failed one's). */
@Entity({ name: 'evaluation_project' })
export class EvaluationProject {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ name: 'for_stage', type: 'text' })
  forStage: 'mid' | 'final';
}
