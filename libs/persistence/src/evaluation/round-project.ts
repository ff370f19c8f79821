import { Column, PrimaryColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/** The key of a grant in an evaluation round, and the stage whose tranche its pass releases. */
export abstract class RoundProject {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ name: 'for_stage', type: 'text' })
  forStage: 'mid' | 'final';
}
