import { Column, Entity } from 'typeorm';
import { VoteFlag, VoterMethod } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { VoteRoundRow } from './vote-round-row';

/**
 * A resident allowed to vote in one round. Known only by a keyed digest of what proved them (their
 * printed code, or their phone number: never the number itself), so the table names nobody.
 */
@Entity({ name: 'voter' })
export class Voter extends VoteRoundRow {
  @Column({ type: 'text' })
  method: VoterMethod;

  @Column({ type: 'text' })
  community: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  /** HMAC of the code or the phone number under the credential key digestKeyId names. */
  @Column({ type: 'text' })
  digest: string;

  @Column({ name: 'digest_key_id', type: 'text' })
  digestKeyId: string;

  /** Flags found when the voter was verified (a batch used in a burst); every vote of theirs carries them. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  flags: VoteFlag[];

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'first_verified_at', type: 'timestamptz', nullable: true })
  firstVerifiedAt: Date | null;
}
