import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { NeedCategory, NeedState } from '@app/domain';
import { CommunityReviewed } from './community-reviewed';
import { TenantColumn } from '../columns';

/**
 * A need or micro-wish (微心愿) a resident posted on their community's wall. Each state it reaches
 * keeps the time it did, so the office reads the funnel and the days spent in each state. When the
 * community voids its flags, that refuses the need with the reason.
 */
@Entity({ name: 'resident_need' })
export class ResidentNeed extends CommunityReviewed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @TenantColumn()
  tenantId: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ type: 'text' })
  category: NeedCategory;

  /** What is needed, in the resident's words. */
  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'for_whom', type: 'text' })
  forWhom: string;

  @Column({ name: 'people_count', type: 'integer' })
  peopleCount: number;

  @Column({ type: 'text' })
  state: NeedState;

  /** Shown to the resident who posted it when the community refused it. */
  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  /** The earlier unanswered need of the community with the same words, when this one repeats it. */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @Column({ name: 'posted_by', type: 'uuid' })
  postedBy: string;

  @Column({ name: 'list_id', type: 'uuid', nullable: true })
  listId: string | null;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt: Date;

  @Column({ name: 'moderated_at', type: 'timestamptz', nullable: true })
  moderatedAt: Date | null;

  @Column({ name: 'listed_at', type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true })
  orderedAt: Date | null;

  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @VersionColumn()
  version: number;
}
