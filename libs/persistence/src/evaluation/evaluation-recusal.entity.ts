import { Column, Entity } from 'typeorm';
import { RecusalSource } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { EvaluatorProject } from './evaluator-project';

/** 回避: an evaluator's sheet for the project never counts. */
@Entity({ name: 'evaluation_recusal' })
export class EvaluationRecusal extends EvaluatorProject {
  @Column({ type: 'text' })
  source: RecusalSource;

  @Column({ type: 'text' })
  reason: string;

  @CreatedAtColumn()
  createdAt: Date;
}
