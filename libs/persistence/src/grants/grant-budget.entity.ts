import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

/** A budget line with its funding source; libs/grants' BudgetLineFunding as stored. */
export interface FundedBudgetLine {
  readonly item: string;
  readonly kind: string;
  readonly grantFen: number;
  readonly matchingFen: number;
}

/** One version of a grant's approved budget: version 1 from the agreement, one more per approved change. */
@Entity({ name: 'grant_budget' })
export class GrantBudget {
  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  lines: FundedBudgetLine[];

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'change_id', type: 'uuid', nullable: true })
  changeId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
