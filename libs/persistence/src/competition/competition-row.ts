import { Column } from 'typeorm';
import { ChildRow } from '../child-row';

/** The key of a row of one competition, filed under the competition's office. */
export abstract class CompetitionRow extends ChildRow {
  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId: string;
}
