import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/** A batch of one-time voter codes printed for one community; the codes themselves are never stored. */
@Entity({ name: 'vote_code_batch' })
export class VoteCodeBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ type: 'text' })
  community: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
