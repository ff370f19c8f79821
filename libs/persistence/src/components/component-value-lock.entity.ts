import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A component whose values are frozen for ranking: no value of it changes while the row exists. */
@Entity({ name: 'component_value_lock' })
export class ComponentValueLock {
  @PrimaryColumn({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  /** The office the row belongs to, copied from its parent row by the database on insert (so unset before). */
  @Column({ name: 'tenant_id', type: 'uuid', update: false })
  tenantId?: string;

  @PrimaryColumn({ name: 'component_key', type: 'text' })
  componentKey: string;

  @Column({ name: 'locked_by', type: 'uuid', nullable: true })
  lockedBy: string | null;

  @CreateDateColumn({ name: 'locked_at', type: 'timestamptz' })
  lockedAt: Date;
}
