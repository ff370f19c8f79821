import { Column, Entity, Index } from 'typeorm';
import { fenTransformer } from '../fen.transformer';
import { ChildRow } from '../child-row';

/** One project's line in a run's published table: rank, score and its explanation, grant and its reason. */
@Entity({ name: 'run_result' })
@Index('run_result_run_submission_uq', ['runId', 'submissionId'], { unique: true })
export class RunResult extends ChildRow {
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  /** Position in the total order (1..n, no ties). */
  @Column({ type: 'integer' })
  position: number;

  /** Competition rank for display: 1, 2, 2, 4. */
  @Column({ name: 'display_rank', type: 'integer' })
  displayRank: number;

  /** The announced score, exact decimal text. */
  @Column({ type: 'text' })
  score: string;

  @Column({ type: 'jsonb' })
  breakdown: unknown;

  /** Which tie-break placed this project, if any. */
  @Column({ name: 'decided_by', type: 'jsonb' })
  decidedBy: unknown;

  @Column({ name: 'grant_fen', type: 'bigint', transformer: fenTransformer })
  grantFen: number;

  @Column({ type: 'text' })
  status: 'funded' | 'partly-funded' | 'not-funded';

  @Column({ type: 'text' })
  reason: string;
}
