import { EntityManager } from 'typeorm';

/**
 * Valid votes per project of a round: every vote cast, less those the office voided. Projects
 * without a valid vote are absent. Flagged votes count until the office decides.
 */
export async function tallyValidVotes(manager: EntityManager, roundId: string): Promise<Map<string, number>> {
  const rows = await manager.query<{ project_id: string; votes: string }[]>(
    `SELECT v.project_id, count(*) AS votes
       FROM vote v
      WHERE v.round_id = $1
        AND NOT EXISTS (SELECT 1 FROM vote_review r WHERE r.vote_id = v.id AND r.decision = 'void')
      GROUP BY v.project_id`,
    [roundId],
  );
  return new Map(rows.map((row) => [row.project_id, Number(row.votes)]));
}
