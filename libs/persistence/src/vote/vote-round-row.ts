import { Column } from 'typeorm';
import { ChildRow } from '../child-row';

/** The key of a row of one public vote (a voter, a batch of codes), filed under the vote's office. */
export abstract class VoteRoundRow extends ChildRow {
  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;
}
