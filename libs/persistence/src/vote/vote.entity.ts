import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VoteFlag, VoterMethod } from '@app/domain';
import { InheritedTenantColumn } from '../columns';

/**
 * One vote, kept for ever as cast: the table refuses UPDATE and DELETE, and recordHash identifies
 * the row's content, so the vote is its own audit record. The office's decision on it lives in
 * vote_review.
 */
@Entity({ name: 'vote' })
export class Vote {
  /** bigint comes back from pg as a string; kept as text so no id is ever rounded. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ name: 'voter_id', type: 'uuid' })
  voterId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  category: string;

  /** The voter's n-th vote for this project, 1 up to the round's per-project limit. */
  @Column({ type: 'integer' })
  ordinal: number;

  /** The voter's n-th vote in all; unique per voter, as the next three are, so a race cannot pass a limit. */
  @Column({ name: 'total_ordinal', type: 'integer' })
  totalOrdinal: number;

  /** The voter's n-th vote on castDay. */
  @Column({ name: 'day_ordinal', type: 'integer' })
  dayOrdinal: number;

  /** The voter's n-th vote for a project of this category. */
  @Column({ name: 'category_ordinal', type: 'integer' })
  categoryOrdinal: number;

  @Column({ type: 'text' })
  method: VoterMethod;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt: Date;

  /** The Beijing calendar day of castAt: what the daily limit counts. */
  @Column({ name: 'cast_day', type: 'date' })
  castDay: string;

  @Column({ name: 'address_hash', type: 'text' })
  addressHash: string;

  @Column({ name: 'device_hash', type: 'text' })
  deviceHash: string;

  @Column({ type: 'jsonb' })
  flags: VoteFlag[];

  @Column({ name: 'record_hash', type: 'text' })
  recordHash: string;
}
