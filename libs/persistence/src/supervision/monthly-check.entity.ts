import { Column, Entity, ValueTransformer } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { GrantRecord } from '../grants/grant-record';

/** The points given to one item of the checklist. */
export interface MonthlyCheckMark {
  readonly key: string;
  readonly points: number;
}

/** Scores are whole or half points (numeric(3,1) arrives as text): every value is exact as a number. */
const pointsTransformer: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/**
 * 月度考核: one revision of a grant's check for one month. A correction is a new revision, so the
 * month's score as first given stays readable; the highest revision is the month's score.
 */
@Entity({ name: 'monthly_check' })
export class MonthlyCheck extends GrantRecord {
  /** YYYY-MM. */
  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: pointsTransformer })
  score: number;

  @Column({ type: 'jsonb' })
  items: MonthlyCheckMark[];

  /** The checker's evidence: what was seen, where, with whom. */
  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'checked_by', type: 'uuid' })
  checkedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
