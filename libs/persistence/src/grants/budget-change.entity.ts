import { Column, Entity } from 'typeorm';
import { BudgetChangeState } from '@app/domain';
import { FundedBudgetLine } from './grant-budget.entity';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

/** 预算调整: the grantee asks to move money between budget lines; the office decides. */
@Entity({ name: 'budget_change' })
export class BudgetChange extends ChildRow {
  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  /** The budget version the request was made against; a later version makes it stale. */
  @Column({ name: 'base_version', type: 'integer' })
  baseVersion: number;

  @Column({ type: 'jsonb' })
  lines: FundedBudgetLine[];

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  state: BudgetChangeState;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;
}
