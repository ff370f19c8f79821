import { Column, Entity } from 'typeorm';
import { EvaluationOutcome } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { RoundProject } from './round-project';

/** What a project's result explains: the engine's breakdown and each star gate, as the bundle states them. */
export interface EvaluationExplanation {
  readonly breakdown: Readonly<Record<string, unknown>>;
  readonly starGates: readonly { readonly criterion: string; readonly share: string; readonly passed: boolean }[];
}

/** A project's result in a closed round and what it led to. */
@Entity({ name: 'evaluation_result' })
export class EvaluationResultRow extends RoundProject {
  /** Out of 100, with the rules' decimals. */
  @Column({ type: 'text' })
  score: string;

  @Column({ type: 'text' })
  band: string;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'integer', nullable: true })
  stars: number | null;

  @Column({ type: 'text' })
  outcome: EvaluationOutcome;

  @Column({ name: 'remediation_due_on', type: 'date', nullable: true })
  remediationDueOn: string | null;

  @Column({ type: 'jsonb' })
  explanation: EvaluationExplanation;

  @CreatedAtColumn()
  createdAt: Date;
}
