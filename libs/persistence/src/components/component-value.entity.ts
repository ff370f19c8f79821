import { Column, Entity, VersionColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../columns';
import { CompetitionRow } from '../competition/competition-row';

/**
 * One project's value of an input or vote component (评分构成), in points as exact text: a decimal
 * ("36.5") or, for a vote share that repeats, "numerator/denominator". Each write bumps the
 * version; the audit log keeps every earlier value. `created_by` and `updated_by` are empty when
 * the system wrote the value (a vote round's close).
 */
@Entity({ name: 'component_values' })
export class ComponentValue extends CompetitionRow {
  @Column({ name: 'component_key', type: 'text' })
  componentKey: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'text' })
  source: 'input' | 'vote';

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
