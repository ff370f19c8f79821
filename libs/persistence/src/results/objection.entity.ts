import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

/** 异议: an applicant's objection during the notice period, and the office's answer. */
@Entity({ name: 'objection' })
export class Objection extends ChildRow {
  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  status: 'open' | 'upheld' | 'rejected';

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** The run started because this objection was upheld. */
  @Column({ name: 'new_run_id', type: 'uuid', nullable: true })
  newRunId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
