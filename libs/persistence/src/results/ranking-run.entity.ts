import { Column, Entity, Index } from 'typeorm';
import { fenTransformer } from '../fen.transformer';
import { CreatedAtColumn } from '../columns';
import { CompetitionRow } from '../competition/competition-row';

export type RankingRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * One press of "rank and allocate". The inputs snapshot and its hash make the result
 * reproducible: the same inputs and rules give byte-identical results.
 */
@Entity({ name: 'ranking_run' })
@Index('ranking_run_competition_idx', ['competitionId', 'createdAt'])
export class RankingRun extends CompetitionRow {
  @Column({ type: 'text' })
  status: RankingRunStatus;

  /** Why the run exists: the office's request, or an upheld objection. */
  @Column({ type: 'text' })
  trigger: 'office' | 'objection';

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'rules_version', type: 'integer', nullable: true })
  rulesVersion: number | null;

  /** sha256 of the canonical JSON of `inputs`. */
  @Column({ name: 'input_hash', type: 'text', nullable: true })
  inputHash: string | null;

  /** Every input the result depends on, canonical: the bundle auditors recompute. */
  @Column({ type: 'jsonb', nullable: true })
  inputs: unknown;

  /** Judge-agreement statistics of the scores the run used. */
  @Column({ type: 'jsonb', nullable: true })
  statistics: unknown;

  /** The result bundle version the run computed (1 before components and affiliation bias). */
  @Column({ name: 'bundle_version', type: 'integer', nullable: true })
  bundleVersion: number | null;

  @Column({ name: 'total_fen', type: 'bigint', nullable: true, transformer: fenTransformer })
  totalFen: number | null;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
