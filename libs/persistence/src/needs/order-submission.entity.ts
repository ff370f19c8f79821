import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * 承单 in a competition: a submission that takes an order, screened against it when linked. The
 * submission's grant, once the competition awards it, is the order's 买单 in the grants ledger.
 */
@Entity({ name: 'order_submission' })
export class OrderSubmission {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
