import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TenantColumn } from '../columns';

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

  @TenantColumn()
  tenantId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
