import { Column, Entity, Index } from 'typeorm';
import { ScreeningStatus, SubmissionState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { VersionedChildRow } from '../versioned-child-row';

export interface BudgetLine {
  readonly item: string;
  readonly kind: string;
  readonly amountFen: number;
}

export interface Milestone {
  readonly title: string;
  readonly due: string;
}

export interface Beneficiaries {
  readonly who: string;
  readonly count: number;
}

@Entity({ name: 'submission' })
@Index('submission_competition_idx', ['competitionId', 'state'])
export class Submission extends VersionedChildRow {
  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'need_addressed', type: 'text' })
  needAddressed: string;

  @Column({ type: 'jsonb' })
  beneficiaries: Beneficiaries;

  @Column({ type: 'jsonb' })
  targets: string[];

  @Column({ name: 'requested_fen', type: 'bigint', transformer: fenTransformer })
  requestedFen: number;

  @Column({ name: 'matching_fen', type: 'bigint', transformer: fenTransformer })
  matchingFen: number;

  /** requested + matching; the budget lines add up to it. */
  @Column({ name: 'budget_total_fen', type: 'bigint', transformer: fenTransformer })
  budgetTotalFen: number;

  @Column({ name: 'budget_lines', type: 'jsonb' })
  budgetLines: BudgetLine[];

  @Column({ type: 'jsonb' })
  milestones: Milestone[];

  @Column({ type: 'text' })
  state: SubmissionState;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text' })
  screening: ScreeningStatus;

  /** Shown to the applicant: why the office passed or rejected the project. */
  @Column({ name: 'screening_reason', type: 'text', nullable: true })
  screeningReason: string | null;
}
