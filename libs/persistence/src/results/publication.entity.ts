import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { CompetitionRow } from '../competition/competition-row';

/** A public notice period (公示) of one run's results. */
@Entity({ name: 'publication' })
export class Publication extends CompetitionRow {
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy: string;

  /** Set when a later run replaces this one after an upheld objection. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
