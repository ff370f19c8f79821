import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CompetitionState, SlotState } from '@app/domain';
import { ActorType, Score, ScoreRevision } from '@app/persistence';

/** What score_submit found and did (see the migration that defines it). */
export type SubmitOutcome =
  'judge-not-found' | 'slot-not-found' | 'stored' | 'recused' | 'closed' | 'checked' | 'rules-changed' | 'saved';

/** A judge's score post: who, where, the key, and the validated sheet (null to check the target only). */
export interface ScoreSubmission {
  readonly judgeId: string;
  readonly roadshowId: string;
  readonly slotId: string;
  readonly idempotencyKey: string;
  /** The competition state and the slot states in which a score may be saved. */
  readonly open: { readonly competitionState: CompetitionState; readonly slotStates: readonly SlotState[] };
  readonly sheet: {
    /** The rules version the sheet was checked against; a save under another version is refused. */
    readonly rulesVersion: number;
    readonly criteria: Readonly<Record<string, string>>;
    readonly gates: Readonly<Record<string, boolean>>;
    readonly total: string;
    readonly comment: string | null;
  } | null;
  readonly audit: { readonly actorType: ActorType; readonly actorId: string; readonly action: string };
  readonly locks: { readonly judge: string; readonly count: string; readonly live: string };
  readonly liveType: string;
}

export interface SubmitResult {
  readonly outcome: SubmitOutcome;
  readonly competitionState: CompetitionState | null;
  readonly rulesVersion: number | null;
  readonly slotState: SlotState | null;
  /** The slot's project. */
  readonly submissionId: string | null;
  /** The revision saved now, or the one stored earlier under the key, with the slot it belongs to. */
  readonly stored: StoredRevision | null;
  /** On a judge's first save of the slot: judges who have submitted, and judges not recused. */
  readonly progress: { readonly submittedCount: number; readonly judgeCount: number } | null;
}

/** A stored revision and the slot its score belongs to: what a retried request is answered with. */
export interface StoredRevision {
  readonly revision: ScoreRevision;
  readonly slotId: string;
  readonly submissionId: string;
}

interface SubmitRow {
  outcome: SubmitOutcome;
  competition_state: CompetitionState | null;
  rules_version: number | null;
  slot_state: SlotState | null;
  submission_id: string | null;
  revision_id: string | null;
  score_id: string | null;
  revision: number | null;
  criteria: Record<string, string> | null;
  gates: Record<string, boolean> | null;
  total: string | null;
  comment: string | null;
  created_at: Date | null;
  stored_slot_id: string | null;
  stored_submission_id: string | null;
  submitted_count: number | null;
  judge_count: number | null;
}

/** Run as a named prepared statement: Postgres plans it once per pooled connection. */
const SUBMIT = {
  name: 'score.submit',
  text: `SELECT * FROM score_submit($1, $2, $3, $4, $5, $6::text[], $7, $8::jsonb, $9::jsonb, $10, $11,
                                    $12, $13, $14, $15, $16, $17, $18)`,
};

function revisionOf(values: ScoreRevision): ScoreRevision {
  return Object.assign(new ScoreRevision(), values);
}

/** Scores and their revisions. A post is written by the score_submit database function, in a transaction of its own. */
@Injectable()
export class ScoreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A judge's score post in one round trip and one transaction (the score_submit function): the
   * judge's lock, the checks, and when everything allows it the score, its revision, the audit row
   * and, on the judge's first save of the slot, the live event with the count of judges who have
   * submitted. Committed when this returns.
   */
  async submit(submission: ScoreSubmission): Promise<SubmitResult> {
    const { sheet } = submission;
    const values = [
      submission.judgeId,
      submission.roadshowId,
      submission.slotId,
      submission.idempotencyKey,
      submission.open.competitionState,
      submission.open.slotStates,
      sheet?.rulesVersion ?? null,
      sheet ? JSON.stringify(sheet.criteria) : null,
      sheet ? JSON.stringify(sheet.gates) : null,
      sheet?.total ?? null,
      sheet?.comment ?? null,
      submission.audit.actorType,
      submission.audit.actorId,
      submission.audit.action,
      submission.locks.judge,
      submission.locks.count,
      submission.locks.live,
      submission.liveType,
    ];
    const runner = this.dataSource.createQueryRunner();
    let row: SubmitRow;
    try {
      const client = (await runner.connect()) as PoolClient;
      [row] = (await client.query<SubmitRow>({ ...SUBMIT, values })).rows;
    } catch (error) {
      throw new QueryFailedError(SUBMIT.text, values, error as Error);
    } finally {
      await runner.release();
    }
    const stored: StoredRevision | null =
      row.revision_id !== null && row.revision !== null
        ? {
            slotId: row.stored_slot_id ?? submission.slotId,
            submissionId: row.stored_submission_id ?? (row.submission_id as string),
            revision: revisionOf({
              id: row.revision_id,
              scoreId: row.score_id as string,
              judgeId: submission.judgeId,
              idempotencyKey: submission.idempotencyKey,
              revision: row.revision,
              criteria: row.criteria as Record<string, string>,
              gates: row.gates as Record<string, boolean>,
              total: row.total as string,
              comment: row.comment,
              createdAt: row.created_at as Date,
            }),
          }
        : null;
    return {
      outcome: row.outcome,
      competitionState: row.competition_state,
      rulesVersion: row.rules_version,
      slotState: row.slot_state,
      submissionId: row.submission_id,
      stored,
      progress:
        row.submitted_count !== null && row.judge_count !== null
          ? { submittedCount: row.submitted_count, judgeCount: row.judge_count }
          : null,
    };
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
