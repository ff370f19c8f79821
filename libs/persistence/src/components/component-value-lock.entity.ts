import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/** A component whose values are frozen for ranking: no value of it changes while the row exists. */
@Entity({ name: 'component_value_lock' })
export class ComponentValueLock {
  @PrimaryColumn({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ name: 'component_key', type: 'text' })
  componentKey: string;

  @Column({ name: 'locked_by', type: 'uuid', nullable: true })
  lockedBy: string | null;

  @CreateDateColumn({ name: 'locked_at', type: 'timestamptz' })
  lockedAt: Date;
}
