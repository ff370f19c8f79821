import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionRules, CompetitionState, SlotState } from '@app/domain';
import { Score, ScoreRevision } from '@app/persistence';

/** The slot a judge is scoring, with the competition facts the score is checked against. */
export interface ScoringTarget {
  readonly slotId: string;
  readonly roadshowId: string;
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

/** Scores and their revisions. Every write here runs inside the caller's transaction. */
@Injectable()
export class ScoreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serializes one judge's score writes until the transaction ends, so checking an idempotency
   * key and writing its revision cannot race with the same judge's retry on another connection.
   * Different judges never wait for each other.
   */
  async lockJudge(manager: EntityManager, judgeId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`score-judge:${judgeId}`]);
  }

  /**
   * Serializes the "N of M judges submitted" count of one slot, so counts sent to the big screen
   * only ever grow and the last one is right. Only a judge's first submission takes it.
   */
  async lockSlotCount(manager: EntityManager, slotId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`score-count:${slotId}`]);
  }

  async revisionByKey(manager: EntityManager, judgeId: string, idempotencyKey: string): Promise<StoredRevision | null> {
    const revision = await manager.getRepository(ScoreRevision).findOneBy({ judgeId, idempotencyKey });
    if (!revision) return null;
    const score = await manager.getRepository(Score).findOneByOrFail({ id: revision.scoreId });
    return { revision, slotId: score.slotId, submissionId: score.submissionId };
  }

  /**
   * The slot (share-locked: a lock of the slot waits for this transaction, and this one waits for
   * a lock in progress) with the competition's state and rules; null when not in this roadshow.
   */
  async scoringTarget(manager: EntityManager, roadshowId: string, slotId: string): Promise<ScoringTarget | null> {
    const rows = await manager.query<
      {
        id: string;
        roadshow_id: string;
        submission_id: string;
        state: SlotState;
        competition_state: CompetitionState;
        rules: CompetitionRules;
      }[]
    >(
      `SELECT s.id, s.roadshow_id, s.submission_id, s.state, c.state AS competition_state, c.rules
         FROM roadshow_slot s
         JOIN roadshow r ON r.id = s.roadshow_id
         JOIN competition c ON c.id = r.competition_id
        WHERE s.id = $1 AND s.roadshow_id = $2
          FOR SHARE OF s`,
      [slotId, roadshowId],
    );
    const row = rows[0];
    return row
      ? {
          slotId: row.id,
          roadshowId: row.roadshow_id,
          submissionId: row.submission_id,
          state: row.state,
          competitionState: row.competition_state,
          rules: row.rules,
        }
      : null;
  }

  score(manager: EntityManager, slotId: string, judgeId: string) {
    return manager.getRepository(Score).findOneBy({ slotId, judgeId });
  }

  saveScore(manager: EntityManager, score: Score): Promise<Score> {
    return manager.getRepository(Score).save(score);
  }

  newScore(manager: EntityManager, values: Partial<Score>): Score {
    return manager.getRepository(Score).create(values);
  }

  insertRevision(manager: EntityManager, revision: Omit<ScoreRevision, 'id' | 'createdAt'>): Promise<ScoreRevision> {
    const repository = manager.getRepository(ScoreRevision);
    return repository.save(repository.create(revision));
  }

  async submittedCount(manager: EntityManager, slotId: string): Promise<number> {
    return manager.getRepository(Score).countBy({ slotId });
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
