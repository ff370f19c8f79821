import { Column, Entity } from 'typeorm';
import { VoteResultsVisibility, VoterMethod } from '@app/domain';
import { VersionedChildRow } from '../versioned-child-row';

/** 网络投票: one public vote of a competition, its window and limits; editable until it opens. */
@Entity({ name: 'vote_round' })
export class VoteRound extends VersionedChildRow {
  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  /** Votes a voter may cast per Beijing calendar day; null for no daily limit. */
  @Column({ name: 'votes_per_day', type: 'integer', nullable: true })
  votesPerDay: number | null;

  @Column({ name: 'votes_total', type: 'integer' })
  votesTotal: number;

  /** Votes a voter may give one project (usually 1). */
  @Column({ name: 'per_project', type: 'integer' })
  perProject: number;

  /** Votes a voter may give the projects of one category; null for no such limit. */
  @Column({ name: 'per_category', type: 'integer', nullable: true })
  perCategory: number | null;

  /** The area that may vote: a voter is a resident of one of these communities. */
  @Column({ type: 'jsonb' })
  communities: string[];

  @Column({ type: 'jsonb' })
  methods: VoterMethod[];

  @Column({ name: 'results_visibility', type: 'text' })
  resultsVisibility: VoteResultsVisibility;

  /** The component of the competition's rules this vote's points feed, when it feeds one. */
  @Column({ name: 'component_key', type: 'text', nullable: true })
  componentKey: string | null;
}
