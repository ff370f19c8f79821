import { Column, Entity } from 'typeorm';
import { OrderOfferState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/** 承单 by direct purchase: an organization's offer for an order, one per organization. */
@Entity({ name: 'order_offer' })
export class OrderOffer extends OfficeRow {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text' })
  plan: string;

  @Column({ type: 'text' })
  state: OrderOfferState;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
