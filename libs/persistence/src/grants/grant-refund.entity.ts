import { Column, Entity } from 'typeorm';
import { RefundBasis, RefundState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { GrantRecord } from './grant-record';

/** 退款: what a terminated grant owes back, due within the rules' days, tracked until returned. */
@Entity({ name: 'grant_refund' })
export class GrantRefund extends GrantRecord {
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text' })
  basis: RefundBasis;

  @Column({ type: 'text' })
  state: RefundState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @Column({ name: 'voucher_number', type: 'text', nullable: true })
  voucherNumber: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;
}
