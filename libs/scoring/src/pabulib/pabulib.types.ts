import { Rational } from '../rational';

export interface PabulibProject {
  readonly id: string;
  /** Exact cost in the election's currency; Pabulib allows decimals. */
  readonly cost: Rational;
  /** The PROJECTS `votes` column, or the count of ballots naming the project when the column is absent. */
  readonly votes: bigint;
  /** The PROJECTS `score` column, or the sum of points from VOTES; undefined when neither exists. */
  readonly score?: bigint;
  /** Every column as written, by header name. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface PabulibBallot {
  readonly voterId: string;
  /** Project ids in the order written on the ballot. */
  readonly projectIds: readonly string[];
  /** Points per project id, for cumulative and scoring ballots. */
  readonly points?: readonly bigint[];
}

export interface PabulibElection {
  readonly meta: ReadonlyMap<string, string>;
  readonly budget: Rational;
  readonly voteType: string;
  /** `rule` in META, e.g. greedy, greedy-no-skip, greedy-threshold, equalshares/add1. */
  readonly rule?: string;
  /** `min_project_score_threshold` in META. */
  readonly minProjectScoreThreshold?: Rational;
  readonly projects: readonly PabulibProject[];
  readonly ballots: readonly PabulibBallot[];
}
