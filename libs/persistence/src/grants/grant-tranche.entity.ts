import { Column, Entity } from 'typeorm';
import { TrancheCondition, TrancheState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { PayeeAccount } from './project-grant.entity';
import { GrantRecord } from './grant-record';

/** 拨付: one tranche of a grant, from planned to paid (or withheld, or cancelled by a termination). */
@Entity({ name: 'grant_tranche' })
export class GrantTranche extends GrantRecord {
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ name: 'label_zh', type: 'text' })
  labelZh: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  @Column({ type: 'integer' })
  percent: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'jsonb' })
  condition: TrancheCondition;

  @Column({ type: 'text' })
  state: TrancheState;

  @Column({ name: 'condition_met_at', type: 'timestamptz', nullable: true })
  conditionMetAt: Date | null;

  /** libs/grants' ConditionEvidence: why the condition holds. */
  @Column({ name: 'condition_evidence', type: 'jsonb', nullable: true })
  conditionEvidence: Record<string, unknown> | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  /** The account as it stood at the approval: the payment goes there. */
  @Column({ type: 'jsonb', nullable: true })
  payee: PayeeAccount | null;

  @Column({ name: 'voucher_number', type: 'text', nullable: true })
  voucherNumber: string | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'paid_by', type: 'uuid', nullable: true })
  paidBy: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
