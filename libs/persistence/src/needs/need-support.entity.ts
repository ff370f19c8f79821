import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { NeedFlag } from '@app/domain';

/** One verified resident's support (附议) of a need, and later their 1–5 rating of its delivery. */
@Entity({ name: 'need_support' })
export class NeedSupport {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Why the support was flagged for the community to look at; like a flagged vote, it still counts. */
  @Column({ type: 'jsonb' })
  flags: NeedFlag[];

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
