import { Column, Entity } from 'typeorm';
import { ReportKind, ReportState } from '@app/domain';
import { VersionedChildRow } from '../versioned-child-row';

export interface ReportActivity {
  readonly date: string;
  readonly place: string;
  readonly participants: number;
  readonly description: string;
}

/** Spending since the previous report, one entry per budget line in the budget's order. */
export interface ReportSpending {
  readonly grantFen: number;
  readonly matchingFen: number;
}

/** One turn of the review: a submission, a return with the office's comments, an acceptance. */
export interface ReviewEntry {
  readonly at: string;
  readonly by: string;
  readonly action: 'submit' | 'return' | 'accept';
  readonly text: string | null;
}

/** 报告: the grantee's monthly, mid-term or final report, reviewed by the office. */
@Entity({ name: 'grant_report' })
export class GrantReport extends VersionedChildRow {
  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ type: 'text' })
  kind: ReportKind;

  /** YYYY-MM for a monthly report, empty for the others. */
  @Column({ type: 'text' })
  period: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'text' })
  state: ReportState;

  @Column({ type: 'text' })
  narrative: string;

  @Column({ type: 'jsonb' })
  activities: ReportActivity[];

  @Column({ type: 'jsonb' })
  spending: ReportSpending[];

  @Column({ name: 'review_log', type: 'jsonb' })
  reviewLog: ReviewEntry[];

  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}
