import { Column, Entity } from 'typeorm';
import { fenTransformer } from '../fen.transformer';
import { RenderedPdf } from '../rendered-pdf';
import { CreatedAtColumn } from '../columns';

/**
 * 服务购买协议: the Chinese agreement of a direct purchase, rendered when the office bought the
 * picked offer (政府买单); its number is the grant's agreement number in the ledger.
 */
@Entity({ name: 'purchase_agreement' })
export class PurchaseAgreement extends RenderedPdf {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
