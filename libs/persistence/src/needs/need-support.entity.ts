import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CommunityReviewed } from './community-reviewed';
import { CreatedAtColumn, TenantColumn } from '../columns';

/**
 * One verified resident's support (附议) of a need, and later their 1–5 rating of its delivery. Like a
 * flagged vote, a flagged support counts until the community voids it: then it no longer counts on
 * the wall, nor may its resident rate.
 */
@Entity({ name: 'need_support' })
export class NeedSupport extends CommunityReviewed {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @TenantColumn()
  tenantId: string;

  /** What the community's review names it by; the key stays (need, resident). */
  @Column({ type: 'uuid', insert: false, update: false })
  id: string;

  /** Keyed hashes of where it came from (the vote's, under the walls' scope), so a burst reads as one group. */
  @Column({ name: 'address_hash', type: 'text', nullable: true })
  addressHash: string | null;

  @Column({ name: 'device_hash', type: 'text', nullable: true })
  deviceHash: string | null;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/**
 * A support the community did not void, as SQL over `need_support` named `alias`: it counts on the
 * wall, its resident may rate, and its rating reaches an evaluation's residents' satisfaction.
 */
export function supportCounts(alias = 'need_support'): string {
  return `${alias}.review_decision IS DISTINCT FROM 'void'`;
}
