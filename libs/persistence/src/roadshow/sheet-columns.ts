import { Column } from 'typeorm';

/** What a judge's sheet holds: on the current score and on every revision of it alike. */
export abstract class SheetColumns {
  /** Criterion key → exact decimal string. */
  @Column({ type: 'jsonb' })
  criteria: Record<string, string>;

  /** Gate key → pass/fail. */
  @Column({ type: 'jsonb' })
  gates: Record<string, boolean>;

  /** The judge's weighted total, exact. */
  @Column({ type: 'text' })
  total: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'integer' })
  revision: number;
}
