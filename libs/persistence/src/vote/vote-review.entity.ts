import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VoteReviewDecision } from '@app/domain';
import { InheritedTenantColumn } from '../columns';

/** The office's one decision on a vote: voided (it no longer counts) or cleared. Final and append-only. */
@Entity({ name: 'vote_review' })
export class VoteReview {
  @PrimaryColumn({ name: 'vote_id', type: 'bigint' })
  voteId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ type: 'text' })
  decision: VoteReviewDecision;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}
