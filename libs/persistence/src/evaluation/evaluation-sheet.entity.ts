import { Column, Entity } from 'typeorm';
import { EvaluatorProject } from './evaluator-project';

/** 评分表: one evaluator's marks for one project, as entered (by the office from the paper sheet). */
@Entity({ name: 'evaluation_sheet' })
export class EvaluationSheet extends EvaluatorProject {
  /** Criterion key → mark as decimal text, in rubric order when read back. */
  @Column({ type: 'jsonb' })
  marks: Record<string, string>;

  /** Gate key → pass/fail, when the rubric has pass/fail criteria. */
  @Column({ type: 'jsonb' })
  gates: Record<string, boolean>;

  /** Σ weight × mark, exact. */
  @Column({ type: 'text' })
  total: string;

  @Column({ name: 'entered_by', type: 'text' })
  enteredBy: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
