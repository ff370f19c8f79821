import { EntityManager } from 'typeorm';

/**
 * Valid votes per project of a round: every vote cast, less those the office voided. Projects
 * without a valid vote are absent. Flagged votes count until the office decides.
 *
 * Counted as all votes per project (an index-only scan of vote_round_project_idx) less the voided
 * ones per project (few, found through vote_review), rather than testing every vote for a void:
 * a city's million votes are tallied in one pass over an index.
 */
export async function tallyValidVotes(manager: EntityManager, roundId: string): Promise<Map<string, number>> {
  const rows = await manager.query<{ project_id: string; votes: string }[]>(
    `WITH cast_votes AS (
       SELECT project_id, count(*) AS votes FROM vote WHERE round_id = $1 GROUP BY project_id
     ), voided AS (
       SELECT v.project_id, count(*) AS votes
         FROM vote_review r JOIN vote v ON v.id = r.vote_id
        WHERE r.round_id = $1 AND r.decision = 'void'
        GROUP BY v.project_id
     )
     SELECT c.project_id, c.votes - coalesce(d.votes, 0) AS votes
       FROM cast_votes c LEFT JOIN voided d ON d.project_id = c.project_id
      WHERE c.votes > coalesce(d.votes, 0)`,
    [roundId],
  );
  return new Map(rows.map((row) => [row.project_id, Number(row.votes)]));
}
