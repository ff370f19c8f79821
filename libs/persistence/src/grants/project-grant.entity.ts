import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { GrantState, GrantTerms } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { EditedRow } from '../edited-row';
import { InheritedTenantColumn } from '../columns';

/** 甲方 and 乙方 as the agreement names them, kept as they were when the grant was created. */
export interface GrantParty {
  readonly name: string;
  readonly representative: string;
  readonly address?: string;
  readonly community?: string;
  readonly creditCode?: string | null;
}

/** The bank account the grantee entered (收款账户). */
export interface PayeeAccount {
  readonly accountName: string;
  readonly bankName: string;
  readonly accountNumber: string;
}

/**
 * 资助: one per funded project, from the signed agreement of a competition the office accepted, or
 * from a direct purchase the office bought (政府买单). Exactly one source is set (a CHECK says so).
 */
@Entity({ name: 'project_grant' })
@Index('project_grant_competition_idx', ['competitionId', 'agreementNumber'])
export class ProjectGrant extends EditedRow {
  /** Given by the ledger, so the audit rows of the creation can name it before the insert. */
  @PrimaryColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'competition_id', type: 'uuid', nullable: true })
  competitionId: string | null;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;

  /** A direct purchase's service order. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId: string | null;

  @Column({ name: 'purchase_agreement_id', type: 'uuid', nullable: true })
  purchaseAgreementId: string | null;

  /** A direct purchase's terms as they were when bought; a competition's grants read the competition's rules. */
  @Column({ type: 'jsonb', nullable: true })
  terms: GrantTerms | null;

  @Column({ name: 'agreement_number', type: 'text' })
  agreementNumber: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ name: 'matching_fen', type: 'bigint', transformer: fenTransformer })
  matchingFen: number;

  @Column({ name: 'party_a', type: 'jsonb' })
  partyA: GrantParty;

  @Column({ name: 'party_b', type: 'jsonb' })
  partyB: GrantParty;

  @Column({ type: 'jsonb', nullable: true })
  payee: PayeeAccount | null;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'text' })
  state: GrantState;

  @Column({ name: 'state_reason', type: 'text', nullable: true })
  stateReason: string | null;
}
