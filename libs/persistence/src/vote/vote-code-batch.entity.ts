import { Column, Entity } from 'typeorm';
import { VoteRoundRow } from './vote-round-row';

/** A batch of one-time voter codes printed for one community; the codes themselves are never stored. */
@Entity({ name: 'vote_code_batch' })
export class VoteCodeBatch extends VoteRoundRow {
  @Column({ type: 'text' })
  community: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
