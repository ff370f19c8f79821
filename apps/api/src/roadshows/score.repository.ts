import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CompetitionRules, CompetitionState, SlotState } from '@app/domain';
import { ActorType, AuditRepository, Score, ScoreRevision } from '@app/persistence';

/** The slot a judge is scoring, with the competition facts the score is checked against. */
export interface ScoringTarget {
  readonly slotId: string;
  readonly submissionId: string;
  readonly state: SlotState;
  readonly competitionState: CompetitionState;
  readonly rules: CompetitionRules;
}

/** A stored revision and the slot its score belongs to: what a retried request is answered with. */
export interface StoredRevision {
  readonly revision: ScoreRevision;
  readonly slotId: string;
  readonly submissionId: string;
}

/** Everything a score post is checked against, read in one statement (see scoringContext). */
export interface ScoringContext {
  /** The judge sits on the panel of the roadshow their token names. */
  readonly judgeFound: boolean;
  /** The slot, share-locked until the transaction ends; null when it is not a slot of the roadshow. */
  readonly target: ScoringTarget | null;
  /** The judge is recused from the slot's project. */
  readonly recused: boolean;
  /** The revision written earlier under the same Idempotency-Key, if any. */
  readonly stored: StoredRevision | null;
}

/** One validated sheet to save as the judge's current score, its next revision and its audit row. */
export interface ScoreWrite {
  readonly slotId: string;
  readonly judgeId: string;
  readonly submissionId: string;
  readonly idempotencyKey: string;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
  readonly total: string;
  readonly comment: string | null;
  readonly audit: { readonly actorType: ActorType; readonly actorId: string; readonly action: string };
}

interface ScoringContextRow {
  judge_found: boolean;
  slot_id: string | null;
  submission_id: string | null;
  state: SlotState | null;
  competition_state: CompetitionState | null;
  rules: CompetitionRules | null;
  recused: boolean;
  stored_id: string | null;
  stored_score_id: string | null;
  stored_revision: number | null;
  stored_criteria: Record<string, string> | null;
  stored_gates: Record<string, boolean> | null;
  stored_total: string | null;
  stored_comment: string | null;
  stored_created_at: Date | null;
  stored_slot_id: string | null;
  stored_submission_id: string | null;
}

/** A statement run as a named prepared statement (see ScoreRepository.runPrepared). */
interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const SCORING_CONTEXT: PreparedStatement = {
  name: 'score.scoring-context',
  text: `WITH judge_lock AS MATERIALIZED (
          SELECT pg_advisory_xact_lock(hashtextextended($1, 0))
        ),
        target AS MATERIALIZED (
          SELECT s.id, s.submission_id, s.state
            FROM judge_lock, roadshow_slot s
           WHERE s.id = $2 AND s.roadshow_id = $3
             FOR SHARE OF s
        )
   SELECT EXISTS (SELECT 1 FROM judge j WHERE j.id = $4 AND j.roadshow_id = $3) AS judge_found,
          t.id AS slot_id, t.submission_id, t.state, c.state AS competition_state, c.rules,
          EXISTS (
            SELECT 1 FROM recusal rc WHERE rc.judge_id = $4 AND rc.submission_id = t.submission_id
          ) AS recused,
          sr.id AS stored_id, sr.score_id AS stored_score_id, sr.revision AS stored_revision,
          sr.criteria AS stored_criteria, sr.gates AS stored_gates, sr.total AS stored_total,
          sr.comment AS stored_comment, sr.created_at AS stored_created_at,
          sc.slot_id AS stored_slot_id, sc.submission_id AS stored_submission_id
     FROM judge_lock
     LEFT JOIN target t ON true
     LEFT JOIN roadshow r ON r.id = $3 AND t.id IS NOT NULL
     LEFT JOIN competition c ON c.id = r.competition_id
     LEFT JOIN score_revision sr ON sr.judge_id = $4 AND sr.idempotency_key = $5
     LEFT JOIN score sc ON sc.id = sr.score_id`,
};

// The aliases in `previous` and `saved` are the audit snapshot's keys: to_jsonb() of those rows is
// the audit row's before and after.
const SAVE_SCORE: PreparedStatement = {
  name: 'score.save',
  text: `WITH previous AS (
          SELECT slot_id AS "slotId", submission_id AS "submissionId", revision, criteria, gates, total, comment
            FROM score
           WHERE slot_id = $1 AND judge_id = $2
        ),
        saved AS (
          INSERT INTO score AS sc (slot_id, judge_id, submission_id, criteria, gates, total, comment, revision)
          VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
          ON CONFLICT (slot_id, judge_id) DO UPDATE
            SET criteria = EXCLUDED.criteria, gates = EXCLUDED.gates, total = EXCLUDED.total,
                comment = EXCLUDED.comment, revision = sc.revision + 1, updated_at = now()
          RETURNING id, slot_id AS "slotId", submission_id AS "submissionId", revision, criteria, gates, total, comment
        ),
        added AS (
          INSERT INTO score_revision (score_id, judge_id, idempotency_key, revision, criteria, gates, total, comment)
          SELECT id, $2, $8::text, revision, criteria, gates, total, comment FROM saved
          RETURNING id, score_id, revision, created_at
        ),
        audit_entry AS (
          SELECT $9::text AS actor_type, $10::text AS actor_id, $11::text AS action,
                 'score' AS subject_type, saved.id::text AS subject_id,
                 (SELECT to_jsonb(previous) FROM previous) AS before,
                 (to_jsonb(saved) - 'id') || jsonb_build_object('idempotencyKey', $8::text) AS after
            FROM saved
        ),
        audit AS (${AuditRepository.appendFrom('audit_entry')})
   SELECT id, score_id, revision, created_at FROM added`,
};

const LOCK_SLOT_COUNT: PreparedStatement = {
  name: 'score.lock-slot-count',
  text: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
};

const SLOT_PROGRESS: PreparedStatement = {
  name: 'score.slot-progress',
  text: `SELECT (SELECT count(*)::int FROM score WHERE slot_id = $1) AS submitted_count,
                (SELECT count(*)::int FROM judge j
                  WHERE j.roadshow_id = $2
                    AND NOT EXISTS (SELECT 1 FROM recusal r WHERE r.judge_id = j.id AND r.submission_id = $3)
                ) AS judge_count`,
};

function revisionOf(values: ScoreRevision): ScoreRevision {
  return Object.assign(new ScoreRevision(), values);
}

/** Scores and their revisions. Every write here runs inside the caller's transaction. */
@Injectable()
export class ScoreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the judge's advisory lock, then reads the judge, the slot (FOR SHARE), the competition's
   * state and rules, the recusal and the revision stored under the key, in one round trip.
   *
   * The lock serializes one judge's posts until the transaction ends, and the slot's share lock
   * makes a lock of the slot wait for this save (and this save wait for a lock in progress). The
   * judge's lock is always taken before the slot's (the slot is locked as rows leave the join
   * with `judge_lock`), so two posts of one judge cannot deadlock behind a waiting slot lock.
   *
   * The statement's snapshot is taken before it waits for the judge's lock, so a post of the same
   * judge that committed during that wait may be missing here. That is safe: the slot row is
   * re-read at its newest version by FOR SHARE; the score being replaced is read again by the
   * write, which runs after the lock (see saveScore); and a revision stored under the same key
   * meanwhile makes the write fail on score_revision_idempotency_uq, after which the caller
   * starts over and finds it.
   */
  async scoringContext(
    manager: EntityManager,
    query: { judgeId: string; roadshowId: string; slotId: string; idempotencyKey: string },
  ): Promise<ScoringContext> {
    const rows = await this.runPrepared<ScoringContextRow>(manager, SCORING_CONTEXT, [
      `score-judge:${query.judgeId}`,
      query.slotId,
      query.roadshowId,
      query.judgeId,
      query.idempotencyKey,
    ]);
    const row = rows[0];
    const target =
      row.slot_id !== null && row.submission_id !== null && row.state !== null && row.competition_state !== null
        ? {
            slotId: row.slot_id,
            submissionId: row.submission_id,
            state: row.state,
            competitionState: row.competition_state,
            rules: row.rules as CompetitionRules,
          }
        : null;
    const stored =
      row.stored_id !== null && row.stored_slot_id !== null && row.stored_submission_id !== null
        ? {
            slotId: row.stored_slot_id,
            submissionId: row.stored_submission_id,
            revision: revisionOf({
              id: row.stored_id,
              scoreId: row.stored_score_id as string,
              judgeId: query.judgeId,
              idempotencyKey: query.idempotencyKey,
              revision: row.stored_revision as number,
              criteria: row.stored_criteria as Record<string, string>,
              gates: row.stored_gates as Record<string, boolean>,
              total: row.stored_total as string,
              comment: row.stored_comment,
              createdAt: row.stored_created_at as Date,
            }),
          }
        : null;
    return { judgeFound: row.judge_found, target, recused: row.recused, stored };
  }

  /**
   * Saves the judge's score (insert, or the next revision of the one there), its revision row and
   * the audit row with the score before and after, as one statement: one round trip, and no
   * window between reading the score and replacing it. Must run after scoringContext in the same
   * transaction: under the judge's lock no other post of this judge is in flight, so `previous`
   * is exactly the row the upsert replaces. Fails with score_revision_idempotency_uq when the key
   * was used meanwhile (see scoringContext); nothing is then written.
   */
  async saveScore(manager: EntityManager, write: ScoreWrite): Promise<ScoreRevision> {
    const rows = await this.runPrepared<{ id: string; score_id: string; revision: number; created_at: Date }>(
      manager,
      SAVE_SCORE,
      [
        write.slotId,
        write.judgeId,
        write.submissionId,
        JSON.stringify(write.criteria),
        JSON.stringify(write.gates),
        write.total,
        write.comment,
        write.idempotencyKey,
        write.audit.actorType,
        write.audit.actorId,
        write.audit.action,
      ],
    );
    const row = rows[0];
    return revisionOf({
      id: row.id,
      scoreId: row.score_id,
      judgeId: write.judgeId,
      idempotencyKey: write.idempotencyKey,
      revision: row.revision,
      criteria: { ...write.criteria },
      gates: { ...write.gates },
      total: write.total,
      comment: write.comment,
      createdAt: row.created_at,
    });
  }

  /**
   * Serializes the "N of M judges submitted" count of one slot, so counts sent to the big screen
   * only ever grow and the last one is right. Only a judge's first submission takes it. A
   * statement of its own: the count that follows must be read with a snapshot taken after it.
   */
  async lockSlotCount(manager: EntityManager, slotId: string): Promise<void> {
    await this.runPrepared(manager, LOCK_SLOT_COUNT, [`score-count:${slotId}`]);
  }

  /** Judges who have saved a score for the slot, and the roadshow's judges not recused from its project. */
  async slotProgress(
    manager: EntityManager,
    slot: { slotId: string; roadshowId: string; submissionId: string },
  ): Promise<{ submittedCount: number; judgeCount: number }> {
    const [row] = await this.runPrepared<{ submitted_count: number; judge_count: number }>(manager, SLOT_PROGRESS, [
      slot.slotId,
      slot.roadshowId,
      slot.submissionId,
    ]);
    return { submittedCount: row.submitted_count, judgeCount: row.judge_count };
  }

  scoresOfSlot(manager: EntityManager, slotId: string): Promise<Score[]> {
    return manager.getRepository(Score).find({ where: { slotId }, order: { judgeId: 'ASC' } });
  }

  scoresOfJudge(judgeId: string): Promise<Score[]> {
    return this.dataSource.getRepository(Score).findBy({ judgeId });
  }

  /** Each score's current revision row, for answering with what was saved. */
  async currentRevisions(scores: readonly Score[]): Promise<Map<string, ScoreRevision>> {
    if (scores.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ScoreRevision)
      .createQueryBuilder('revision')
      .innerJoin(Score, 'score', 'score.id = revision.scoreId AND score.revision = revision.revision')
      .where('revision.scoreId IN (:...ids)', { ids: scores.map((score) => score.id) })
      .getMany();
    return new Map(rows.map((row) => [row.scoreId, row]));
  }

  /**
   * Runs a statement as a named prepared statement on the transaction's connection: Postgres parses
   * and plans it once per pooled connection instead of on every post. For the CTEs above, planning
   * costs more than running (pgbench, 10 clients, read + write in a transaction: 1.6k/s prepared,
   * 0.7k/s unprepared). Errors come back as TypeORM's QueryFailedError, as from manager.query.
   * The plans live as long as the connection: a migration of these tables needs the API restarted,
   * as every deploy does.
   */
  private async runPrepared<T>(manager: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`${statement.name} must run in the caller's transaction`);
    const client = (await runner.connect()) as PoolClient;
    try {
      return (await client.query<T & object>({ name: statement.name, text: statement.text, values })).rows;
    } catch (error) {
      throw new QueryFailedError(statement.text, values, error as Error);
    }
  }
}
