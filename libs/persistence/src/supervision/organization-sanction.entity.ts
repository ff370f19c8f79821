import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TerminationCause } from '@app/domain';

/** 限制申报: a confirmed breach bars the organization from new submissions until `endsOn` (Beijing date). */
@Entity({ name: 'organization_sanction' })
export class OrganizationSanction {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ type: 'text' })
  cause: TerminationCause;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** The first day the organization may submit again. */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
