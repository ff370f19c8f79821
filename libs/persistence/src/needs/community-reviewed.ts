import { Column } from 'typeorm';
import { NeedFlag, VoteReviewDecision } from '@app/domain';

/**
 * The columns of what a resident posts on a wall that the abuse checks may flag, and the
 * community's review of those flags, one decision for either kind: void (with the reason) or clear.
 */
export abstract class CommunityReviewed {
  @Column({ type: 'jsonb' })
  flags: NeedFlag[];

  @Column({ name: 'review_decision', type: 'text', nullable: true })
  reviewDecision: VoteReviewDecision | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}
