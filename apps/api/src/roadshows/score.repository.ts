import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionState, SlotState } from '@app/domain';
import { Score, ScoreRevision } from '@app/persistence';
import { PANEL_PROGRESS_SQL } from './roadshow.repository';

/** A score as its audit rows show it; the keys are the API's names for these fields. */
export interface ScoreSnapshot {
  readonly slotId: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
  readonly total: string;
  readonly comment: string | null;
}

/** A stored revision and the slot its score belongs to: what a retried request is answered with. */
export interface StoredRevision {
  readonly revision: ScoreRevision;
  readonly slotId: string;
  readonly submissionId: string;
}

/** What a score post finds, read under the judge's lock and the slot's share lock. */
export interface ScoreTarget {
  readonly slotState: SlotState;
  readonly submissionId: string;
  readonly competitionState: CompetitionState;
  readonly rulesVersion: number;
  readonly recused: boolean;
  /** The judge's current score of the slot, before this post. */
  readonly previous: ScoreSnapshot | null;
  /** A revision already stored under the post's Idempotency-Key. */
  readonly stored: StoredRevision | null;
}

export interface NewSheet {
  readonly slotId: string;
  readonly judgeId: string;
  readonly submissionId: string;
  readonly idempotencyKey: string;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
  readonly total: string;
  readonly comment: string | null;
}

/** A stored revision as its audit row shows it: the `after` of a save, the `previous` of the next one. */
export function snapshotOf(stored: StoredRevision): ScoreSnapshot {
  return {
    slotId: stored.slotId,
    submissionId: stored.submissionId,
    revision: stored.revision.revision,
    criteria: stored.revision.criteria,
    gates: stored.revision.gates,
    total: stored.revision.total,
    comment: stored.revision.comment,
  };
}

interface TargetRow {
  slot_state: SlotState;
  submission_id: string;
  competition_state: CompetitionState;
  rules_version: number;
  recused: boolean;
  previous: ScoreSnapshot | null;
  stored: (StoredRow & { slot_id: string; submission_id: string }) | null;
}

interface StoredRow {
  id: string;
  score_id: string;
  revision: number;
  criteria: Record<string, string>;
  gates: Record<string, boolean>;
  total: string;
  comment: string | null;
  created_at: string;
}

function revisionOf(row: StoredRow, judgeId: string, idempotencyKey: string): ScoreRevision {
  return Object.assign(new ScoreRevision(), {
    id: String(row.id),
    scoreId: row.score_id,
    judgeId,
    idempotencyKey,
    revision: row.revision,
    criteria: row.criteria,
    gates: row.gates,
    total: row.total,
    comment: row.comment,
    createdAt: new Date(row.created_at),
  });
}

/** Scores and their revisions: the reads and writes of a judge's post, in the caller's transaction. */
@Injectable()
export class ScoreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks the judge's row until the transaction ends, so one judge's posts (a retry racing the
   * original) happen one after another; false when the roadshow has no such judge.
   */
  async lockJudge(manager: EntityManager, judgeId: string, roadshowId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM judge WHERE id = $1 AND roadshow_id = $2 FOR NO KEY UPDATE',
      [judgeId, roadshowId],
    );
    return rows.length > 0;
  }

  /**
   * The slot, share-locked so that a lock of the slot waits for this post and this post sees the
   * slot locked once that lock commits; with the competition's state and rules version, whether
   * the judge is recused, the judge's current score and any revision stored under the key. Read
   * after the judge's lock, so a retry of this judge's post that committed meanwhile is seen.
   */
  async target(
    manager: EntityManager,
    where: { judgeId: string; roadshowId: string; slotId: string; idempotencyKey: string },
  ): Promise<ScoreTarget | undefined> {
    const [row] = await manager.query<TargetRow[]>(
      `SELECT s.state AS slot_state, s.submission_id, c.state AS competition_state, c.rules_version,
              EXISTS (SELECT 1 FROM recusal rc WHERE rc.judge_id = $1 AND rc.submission_id = s.submission_id)
                AS recused,
              (SELECT jsonb_build_object('slotId', sc.slot_id, 'submissionId', sc.submission_id,
                                         'revision', sc.revision, 'criteria', sc.criteria, 'gates', sc.gates,
                                         'total', sc.total, 'comment', sc.comment)
                 FROM score sc WHERE sc.slot_id = s.id AND sc.judge_id = $1) AS previous,
              (SELECT jsonb_build_object('id', sr.id::text, 'score_id', sr.score_id, 'revision', sr.revision,
                                         'criteria', sr.criteria, 'gates', sr.gates, 'total', sr.total,
                                         'comment', sr.comment, 'created_at', sr.created_at,
                                         'slot_id', sc.slot_id, 'submission_id', sc.submission_id)
                 FROM score_revision sr JOIN score sc ON sc.id = sr.score_id
                WHERE sr.judge_id = $1 AND sr.idempotency_key = $4) AS stored
         FROM roadshow_slot s
         JOIN roadshow r ON r.id = s.roadshow_id
         JOIN competition c ON c.id = r.competition_id
        WHERE s.id = $3 AND s.roadshow_id = $2
          FOR SHARE OF s`,
      [where.judgeId, where.roadshowId, where.slotId, where.idempotencyKey],
    );
    if (!row) return undefined;
    return {
      slotState: row.slot_state,
      submissionId: row.submission_id,
      competitionState: row.competition_state,
      rulesVersion: row.rules_version,
      recused: row.recused,
      previous: row.previous,
      stored: row.stored
        ? {
            slotId: row.stored.slot_id,
            submissionId: row.stored.submission_id,
            revision: revisionOf(row.stored, where.judgeId, where.idempotencyKey),
          }
        : null,
    };
  }

  /** The score (new, or its next revision) and the revision row, in one statement. */
  async write(manager: EntityManager, sheet: NewSheet): Promise<StoredRevision> {
    const [row] = await manager.query<StoredRow[]>(
      `WITH saved AS (
         INSERT INTO score AS sc (slot_id, judge_id, submission_id, criteria, gates, total, comment, revision)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, 1)
         ON CONFLICT (slot_id, judge_id) DO UPDATE
           SET criteria = EXCLUDED.criteria, gates = EXCLUDED.gates, total = EXCLUDED.total,
               comment = EXCLUDED.comment, revision = sc.revision + 1, updated_at = now()
         RETURNING sc.id, sc.revision
       )
       INSERT INTO score_revision (score_id, judge_id, idempotency_key, revision, criteria, gates, total, comment)
       SELECT saved.id, $2, $8, saved.revision, $4::jsonb, $5::jsonb, $6, $7 FROM saved
       RETURNING id::text, score_id, revision, criteria, gates, total, comment, created_at`,
      [
        sheet.slotId,
        sheet.judgeId,
        sheet.submissionId,
        JSON.stringify(sheet.criteria),
        JSON.stringify(sheet.gates),
        sheet.total,
        sheet.comment,
        sheet.idempotencyKey,
      ],
    );
    return {
      slotId: sheet.slotId,
      submissionId: sheet.submissionId,
      revision: revisionOf(row, sheet.judgeId, sheet.idempotencyKey),
    };
  }

  /** The slot's "n of N" (PANEL_PROGRESS_SQL), as the big screen shows it. */
  async progressOf(manager: EntityManager, slotId: string): Promise<{ submittedCount: number; judgeCount: number }> {
    const [row] = await manager.query<{ submitted_count: number; judge_count: number }[]>(
      `SELECT ${PANEL_PROGRESS_SQL} FROM roadshow_slot s WHERE s.id = $1`,
      [slotId],
    );
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
}
