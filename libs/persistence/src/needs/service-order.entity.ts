import { Column, Entity } from 'typeorm';
import { PurchaseRoute, ServiceOrderState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { VersionedOfficeRow } from '../versioned-office-row';

/** One deliverable as the taker reported it. */
export interface DeliveredItem {
  readonly deliverable: string;
  readonly done: boolean;
  readonly note: string;
}

/** What the taking organization reported when it delivered the order. */
export interface OrderDelivery {
  readonly summary: string;
  readonly items: readonly DeliveredItem[];
  readonly reportedBy: string;
}

/**
 * 制单: a service order a community drafted from its needs, bought in a competition's category or
 * directly by its office within the small-purchase limit. It is filed under the office that buys it:
 * the competition's, or for a direct purchase the community's own.
 */
@Entity({ name: 'service_order' })
export class ServiceOrder extends VersionedOfficeRow {
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'beneficiaries_who', type: 'text' })
  beneficiariesWho: string;

  @Column({ name: 'beneficiaries_count', type: 'integer' })
  beneficiariesCount: number;

  @Column({ type: 'jsonb' })
  deliverables: string[];

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'budget_cap_fen', type: 'bigint', transformer: fenTransformer })
  budgetCapFen: number;

  @Column({ type: 'text' })
  route: PurchaseRoute;

  @Column({ name: 'competition_id', type: 'uuid', nullable: true })
  competitionId: string | null;

  /** The competition's category key the order is published into. */
  @Column({ name: 'competition_category', type: 'text', nullable: true })
  competitionCategory: string | null;

  @Column({ type: 'text' })
  state: ServiceOrderState;

  /** A direct purchase's taker, picked among the offers. */
  @Column({ name: 'picked_offer_id', type: 'uuid', nullable: true })
  pickedOfferId: string | null;

  @Column({ name: 'pick_reason', type: 'text', nullable: true })
  pickReason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  delivery: OrderDelivery | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
