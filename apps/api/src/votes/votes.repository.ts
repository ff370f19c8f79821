import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BilingualMessage,
  ScreeningStatus,
  SubmissionState,
  VoteFlag,
  VoteReviewDecision,
  VoterMethod,
} from '@app/domain';
import { KeyedDigest } from '../auth/credential-digest.service';
import { Vote, VoteCodeBatch, VoteReview, VoteRound, Voter, tallyValidVotes } from '@app/persistence';
import { CastSoFar, VoteLimits } from './vote-limits';

/** A vote `v` flagged and not yet voided or cleared by the office. */
const AWAITING_REVIEW = `v.flags <> '[]' AND NOT EXISTS (SELECT 1 FROM vote_review r WHERE r.vote_id = v.id)`;

/** A project of the competition as the ballot shows it. */
export interface BallotProject {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly organizationName: string;
  readonly community: string;
}

/** A round not yet closed, as the public list of rounds shows it. */
export interface OpenRoundRow {
  readonly id: string;
  readonly title: string;
  readonly competitionTitle: string;
  readonly officeName: string;
  readonly officeNameEn: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly communities: readonly string[];
}

/** What a vote is decided on: the voter and their round's window and limits, the project, the votes so far. */
export interface CastContext extends VoteLimits {
  readonly competitionId: string;
  readonly method: VoterMethod;
  readonly flags: VoteFlag[];
  readonly project: {
    readonly category: string;
    readonly state: SubmissionState;
    readonly screening: ScreeningStatus;
  } | null;
  readonly cast: CastSoFar;
}

/** The vote a context is read for: who casts it in which round, for which project, on which Beijing day. */
export interface CastRequest {
  readonly voterId: string;
  readonly roundId: string;
  readonly projectId: string;
  readonly castDay: string;
}

interface CastContextRecord {
  competition_id: string;
  method: VoterMethod;
  flags: VoteFlag[];
  opens_at: Date;
  closes_at: Date;
  votes_per_day: number | null;
  votes_total: number;
  per_project: number;
  per_category: number | null;
  category: string | null;
  state: SubmissionState | null;
  screening: ScreeningStatus | null;
  total: number;
  today: number;
  for_project: number;
  in_category: number;
  last_cast_at: Date | null;
}

function castContextOf(row: CastContextRecord): CastContext {
  return {
    competitionId: row.competition_id,
    method: row.method,
    flags: row.flags,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    votesPerDay: row.votes_per_day,
    votesTotal: row.votes_total,
    perProject: row.per_project,
    perCategory: row.per_category,
    project:
      row.state === null
        ? null
        : {
            category: row.category as string,
            state: row.state,
            screening: row.screening as ScreeningStatus,
          },
    cast: {
      total: row.total,
      today: row.today,
      forProject: row.for_project,
      inCategory: row.in_category,
      lastCastAt: row.last_cast_at,
    },
  };
}

/** A vote with its review, as the export and the review queue show it. */
export interface VoteRow {
  readonly id: string;
  readonly roundId: string;
  readonly castAt: Date;
  readonly projectId: string;
  readonly projectTitle: string;
  readonly category: string;
  readonly voterId: string;
  readonly ordinal: number;
  readonly method: VoterMethod;
  readonly addressHash: string;
  readonly deviceHash: string;
  readonly flags: VoteFlag[];
  readonly recordHash: string;
  readonly review: VoteReviewDecision | null;
  readonly reviewReason: string | null;
}

interface VoteRowRecord {
  id: string;
  round_id: string;
  cast_at: Date;
  project_id: string;
  project_title: string;
  category: string;
  voter_id: string;
  ordinal: number;
  method: VoterMethod;
  address_hash: string;
  device_hash: string;
  flags: VoteFlag[];
  record_hash: string;
  decision: VoteReviewDecision | null;
  reason: string | null;
}

const VOTE_ROW_SELECT = `
  SELECT v.id, v.round_id, v.cast_at, v.project_id, s.title AS project_title, v.category, v.voter_id, v.ordinal,
         v.method, v.address_hash, v.device_hash, v.flags, v.record_hash, r.decision, r.reason
    FROM vote v
    JOIN submission s ON s.id = v.project_id
    LEFT JOIN vote_review r ON r.vote_id = v.id`;

function voteRowOf(row: VoteRowRecord): VoteRow {
  return {
    id: row.id,
    roundId: row.round_id,
    castAt: row.cast_at,
    projectId: row.project_id,
    projectTitle: row.project_title,
    category: row.category,
    voterId: row.voter_id,
    ordinal: row.ordinal,
    method: row.method,
    addressHash: row.address_hash,
    deviceHash: row.device_hash,
    flags: row.flags,
    recordHash: row.record_hash,
    review: row.decision,
    reviewReason: row.reason,
  };
}

/**
 * Storage of the public vote. The vote path is two raw statements, a read and an insert: it is the
 * one write a whole city makes at once.
 */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  findRound(id: string, manager: EntityManager = this.dataSource.manager): Promise<VoteRound | null> {
    return manager.getRepository(VoteRound).findOneBy({ id });
  }

  lockRound(manager: EntityManager, id: string): Promise<VoteRound | null> {
    return manager.getRepository(VoteRound).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  roundsOf(competitionId: string): Promise<VoteRound[]> {
    return this.dataSource
      .getRepository(VoteRound)
      .find({ where: { competitionId }, order: { opensAt: 'ASC', id: 'ASC' } });
  }

  /** The competition's projects in submission order: every submitted one, with whether it passed screening. */
  async projectsOf(competitionId: string): Promise<(BallotProject & { readonly eligible: boolean })[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        title: string;
        summary: string;
        category: string;
        organization_name: string;
        community: string;
        screening: ScreeningStatus;
      }[]
    >(
      `SELECT s.id, s.title, s.summary, s.category, o.name AS organization_name, o.community, s.screening
         FROM submission s JOIN organization o ON o.id = s.organization_id
        WHERE s.competition_id = $1 AND s.state = $2
        ORDER BY s.submitted_at, s.id`,
      [competitionId, SubmissionState.Submitted],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      category: row.category,
      organizationName: row.organization_name,
      community: row.community,
      eligible: row.screening === ScreeningStatus.Passed,
    }));
  }

  async saveBatch(manager: EntityManager, batch: Omit<VoteCodeBatch, 'id' | 'issuedAt'>): Promise<VoteCodeBatch> {
    return manager.getRepository(VoteCodeBatch).save(manager.getRepository(VoteCodeBatch).create(batch));
  }

  /** Inserts the batch's voters in one statement; false when a digest collides (draw the batch again). */
  async insertCodeVoters(
    manager: EntityManager,
    roundId: string,
    batch: VoteCodeBatch,
    digests: readonly KeyedDigest[],
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO voter (round_id, method, community, batch_id, digest, digest_key_id)
       SELECT $1, 'code', $2, $3, d.digest, d.key_id
         FROM unnest($4::text[], $5::text[]) AS d (digest, key_id)
       ON CONFLICT (round_id, digest) DO NOTHING
       RETURNING id`,
      [roundId, batch.community, batch.id, digests.map((d) => d.digest), digests.map((d) => d.keyId)],
    );
    return inserted.length === digests.length;
  }

  batchesOf(roundId: string): Promise<VoteCodeBatch[]> {
    return this.dataSource
      .getRepository(VoteCodeBatch)
      .find({ where: { roundId }, order: { issuedAt: 'ASC', id: 'ASC' } });
  }

  /** The round's voter holding this code or phone under any listed credential key. */
  voterByDigest(roundId: string, method: VoterMethod, candidates: readonly KeyedDigest[]): Promise<Voter | null> {
    return this.dataSource
      .getRepository(Voter)
      .findOneBy(candidates.map(({ keyId, digest }) => ({ roundId, method, digestKeyId: keyId, digest })));
  }

  /** Records the first verification of a code voter, with the flags it earned; false if it was not the first. */
  async markFirstVerified(voterId: string, flags: readonly VoteFlag[]): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `UPDATE voter SET first_verified_at = now(), flags = $2::jsonb WHERE id = $1 AND first_verified_at IS NULL RETURNING id`,
      [voterId, JSON.stringify(flags)],
    );
    return rows.length > 0;
  }

  /** The phone voter of the round, created on first verification; two at once make one. */
  async phoneVoter(roundId: string, community: string, digest: KeyedDigest): Promise<Voter> {
    await this.dataSource.query(
      `INSERT INTO voter (round_id, method, community, digest, digest_key_id, first_verified_at)
       VALUES ($1, 'phone', $2, $3, $4, now())
       ON CONFLICT (round_id, digest) DO NOTHING`,
      [roundId, community, digest.digest, digest.keyId],
    );
    return this.dataSource.getRepository(Voter).findOneByOrFail({ roundId, digest: digest.digest });
  }

  findVoter(voterId: string, roundId: string): Promise<Voter | null> {
    return this.dataSource.getRepository(Voter).findOneBy({ id: voterId, roundId });
  }

  /**
   * Everything each vote is decided on, in one statement for all of them: the voter (null when not
   * of this round), the round's window and limits, the project, and the voter's votes so far.
   */
  async castContexts(requests: readonly CastRequest[]): Promise<(CastContext | null)[]> {
    const rows = await this.dataSource.query<(CastContextRecord & { n: string })[]>(
      `SELECT q.n, r.competition_id, v.method, v.flags, r.opens_at, r.closes_at, r.votes_per_day, r.votes_total,
              r.per_project, r.per_category,
              s.category, s.state, s.screening,
              cast_so_far.total, cast_so_far.today, cast_so_far.for_project, cast_so_far.in_category,
              cast_so_far.last_cast_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[]) WITH ORDINALITY
              AS q (voter_id, round_id, project_id, cast_day, n)
         JOIN voter v ON v.id = q.voter_id AND v.round_id = q.round_id
         JOIN vote_round r ON r.id = v.round_id
         LEFT JOIN submission s ON s.id = q.project_id AND s.competition_id = r.competition_id
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS total,
                     (count(*) FILTER (WHERE cast_day = q.cast_day))::int AS today,
                     (count(*) FILTER (WHERE project_id = q.project_id))::int AS for_project,
                     (count(*) FILTER (WHERE category = s.category))::int AS in_category,
                     max(cast_at) AS last_cast_at
                FROM vote WHERE voter_id = v.id) AS cast_so_far`,
      [
        requests.map((request) => request.voterId),
        requests.map((request) => request.roundId),
        requests.map((request) => request.projectId),
        requests.map((request) => request.castDay),
      ],
    );
    const contexts: (CastContext | null)[] = requests.map(() => null);
    for (const row of rows) contexts[Number(row.n) - 1] = castContextOf(row);
    return contexts;
  }

  /** A category as the competition's rules name it, for the refusal of a full category; its key when unnamed. */
  async categoryLabel(competitionId: string, category: string): Promise<BilingualMessage> {
    const [row] = await this.dataSource.query<{ zh: string; en: string }[]>(
      `SELECT c->>'labelZh' AS zh, c->>'labelEn' AS en
         FROM competition k, jsonb_array_elements(k.rules->'categories') c
        WHERE k.id = $1 AND c->>'key' = $2`,
      [competitionId, category],
    );
    return row ?? { zh: category, en: category };
  }

  /**
   * Appends the votes, of distinct voters, in one statement and one commit; for each, its id, or
   * null when one of its positions (in all, on the day, in the category, for the project) was taken
   * since the voter's votes were read: decide again.
   */
  async insertVotes(votes: readonly Omit<Vote, 'id'>[]): Promise<(string | null)[]> {
    const column = <K extends keyof Omit<Vote, 'id'>>(key: K) => votes.map((vote) => vote[key]);
    const rows = await this.dataSource.query<{ id: string; voter_id: string }[]>(
      `INSERT INTO vote (round_id, voter_id, project_id, category, ordinal, total_ordinal, day_ordinal,
                         category_ordinal, method, cast_at, cast_day, address_hash, device_hash, flags, record_hash)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::int[],
                            $8::int[], $9::text[], $10::timestamptz[], $11::date[], $12::text[], $13::text[],
                            $14::jsonb[], $15::text[])
       ON CONFLICT DO NOTHING
       RETURNING id, voter_id`,
      [
        column('roundId'),
        column('voterId'),
        column('projectId'),
        column('category'),
        column('ordinal'),
        column('totalOrdinal'),
        column('dayOrdinal'),
        column('categoryOrdinal'),
        column('method'),
        column('castAt'),
        column('castDay'),
        column('addressHash'),
        column('deviceHash'),
        votes.map((vote) => JSON.stringify(vote.flags)),
        column('recordHash'),
      ],
    );
    const ids = new Map(rows.map((row) => [row.voter_id, row.id]));
    return votes.map((vote) => ids.get(vote.voterId) ?? null);
  }

  /** A voter's votes: in all, on one day, and per project. */
  async castBy(
    voterId: string,
    castDay: string,
  ): Promise<{ total: number; today: number; byProject: Map<string, number> }> {
    const rows = await this.dataSource.query<{ project_id: string; total: number; today: number }[]>(
      `SELECT project_id, count(*)::int AS total, (count(*) FILTER (WHERE cast_day = $2))::int AS today
         FROM vote WHERE voter_id = $1 GROUP BY project_id`,
      [voterId, castDay],
    );
    return {
      total: rows.reduce((sum, row) => sum + row.total, 0),
      today: rows.reduce((sum, row) => sum + row.today, 0),
      byProject: new Map(rows.map((row) => [row.project_id, row.total])),
    };
  }

  tally(roundId: string): Promise<Map<string, number>> {
    return tallyValidVotes(this.dataSource.manager, roundId);
  }

  /** Flagged votes of the round nobody has decided on yet, read inside the caller's transaction. */
  async pendingCount(manager: EntityManager, roundId: string): Promise<number> {
    const [row] = await manager.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM vote v WHERE v.round_id = $1 AND ${AWAITING_REVIEW}`,
      [roundId],
    );
    return row.pending;
  }

  /** Votes cast, voided, flagged and still awaiting review, and voters verified. */
  async counts(roundId: string): Promise<{ votes: number; voided: number; pending: number; voters: number }> {
    const [row] = await this.dataSource.query<{ votes: number; voided: number; pending: number; voters: number }[]>(
      `SELECT (SELECT count(*) FROM vote WHERE round_id = $1)::int AS votes,
              (SELECT count(*) FROM vote_review WHERE round_id = $1 AND decision = 'void')::int AS voided,
              (SELECT count(*) FROM vote v WHERE v.round_id = $1 AND ${AWAITING_REVIEW})::int AS pending,
              (SELECT count(*) FROM voter WHERE round_id = $1 AND first_verified_at IS NOT NULL)::int AS voters`,
      [roundId],
    );
    return row;
  }

  /** Flagged votes nobody has decided on yet, oldest first, after the vote `after` when given, at most `limit`. */
  async pendingReview(roundId: string, limit: number, after: string | undefined): Promise<VoteRow[]> {
    const rows = await this.dataSource.query<VoteRowRecord[]>(
      `${VOTE_ROW_SELECT}
        WHERE v.round_id = $1 AND v.flags <> '[]' AND r.vote_id IS NULL AND v.id > $2
        ORDER BY v.id
        LIMIT $3`,
      [roundId, after ?? '0', limit],
    );
    return rows.map(voteRowOf);
  }

  async votesOf(manager: EntityManager, roundId: string, ids: readonly string[]): Promise<VoteRow[]> {
    const rows = await manager.query<VoteRowRecord[]>(
      `${VOTE_ROW_SELECT} WHERE v.round_id = $1 AND v.id = ANY($2::bigint[])`,
      [roundId, ids],
    );
    return rows.map(voteRowOf);
  }

  /** Records one decision on each vote; false when another decision on one of them got there first. */
  async insertReviews(
    manager: EntityManager,
    review: Omit<VoteReview, 'voteId' | 'decidedAt'>,
    voteIds: readonly string[],
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO vote_review (vote_id, round_id, decision, reason, decided_by)
       SELECT r.vote_id, $1, $2, $3, $4 FROM unnest($5::bigint[]) AS r (vote_id)
       ON CONFLICT (vote_id) DO NOTHING
       RETURNING vote_id`,
      [review.roundId, review.decision, review.reason, review.decidedBy, voteIds],
    );
    return inserted.length === voteIds.length;
  }

  /** The round's votes in the order cast, after the vote `after` (0 for the first), at most `limit`. */
  async votesAfter(roundId: string, after: string, limit: number): Promise<VoteRow[]> {
    const rows = await this.dataSource.query<VoteRowRecord[]>(
      `${VOTE_ROW_SELECT} WHERE v.round_id = $1 AND v.id > $2 ORDER BY v.id LIMIT $3`,
      [roundId, after, limit],
    );
    return rows.map(voteRowOf);
  }

  /** Rounds of every office that have not closed at `now`, the earliest opening first, with who runs them. */
  async roundsNotClosed(now: Date): Promise<OpenRoundRow[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        title: string;
        competition_title: string;
        office_name: string;
        office_name_en: string;
        opens_at: Date;
        closes_at: Date;
        communities: string[];
      }[]
    >(
      `SELECT r.id, r.title, c.title AS competition_title, t.name AS office_name, t.name_en AS office_name_en,
              r.opens_at, r.closes_at, r.communities
         FROM vote_round r
         JOIN competition c ON c.id = r.competition_id
         JOIN tenant t ON t.id = c.tenant_id
        WHERE r.closes_at > $1
        ORDER BY r.opens_at, r.id`,
      [now],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      competitionTitle: row.competition_title,
      officeName: row.office_name,
      officeNameEn: row.office_name_en,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      communities: row.communities,
    }));
  }
}
