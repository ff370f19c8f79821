import { Column, Entity } from 'typeorm';
import { EvaluationRoundState, EvaluationRules, EvaluationStage } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { CompetitionRow } from '../competition/competition-row';

/** 评估轮次: one stage's evaluation of a competition's grants, under the evaluation rules of its opening. */
@Entity({ name: 'evaluation_round' })
export class EvaluationRound extends CompetitionRow {
  @Column({ type: 'text' })
  stage: EvaluationStage;

  @Column({ type: 'text' })
  state: EvaluationRoundState;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion: number;

  /** The competition's evaluation rules when the round opened: what every result of it follows. */
  @Column({ type: 'jsonb' })
  rules: EvaluationRules;

  /**
   * The rubric criterion the office chose to read the residents' ratings onto (满意度), or null: the
   * panel then sees no residents' figure. Off unless chosen when the round opened.
   */
  @Column({ name: 'resident_satisfaction_criterion', type: 'text', nullable: true })
  residentSatisfactionCriterion: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The closing day in Beijing: remediation periods count from it. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'input_hash', type: 'text', nullable: true })
  inputHash: string | null;

  /** The evaluation bundle (inputs and results) that `scoring verify` recomputes. */
  @Column({ type: 'jsonb', nullable: true })
  bundle: Record<string, unknown> | null;
}
