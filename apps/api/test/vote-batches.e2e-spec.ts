import request from 'supertest';
import { VoterMethod } from '@app/domain';
import { beijingDate } from '@app/grants';
import { Vote, Voter } from '@app/persistence';
import { VoteBatches } from '../src/votes/vote-batches';
import { serveApp } from './test-app';
import { createVoteRound, issueVoterCodes, voteCompetition, voterWithCode } from './votes.factory';

const DEVICE = 'phone-of-chen-jing-0002';

/**
 * Votes arriving together share one read and one insert (VoteBatches). Sent at once, as a crowd
 * sends them, every vote is still answered as if it had come alone.
 */
describe('votes cast together (网络投票高峰)', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  const cast = (roundId: string, voter: string, projectId: string) =>
    api().post(`/voter/rounds/${roundId}/votes`).set('authorization', voter).send({ projectId, deviceId: DEVICE });

  const votesIn = (roundId: string) => served.db.getRepository(Vote).countBy({ roundId });

  async function voters(roundId: string, officeToken: string, count: number): Promise<string[]> {
    const codes = await issueVoterCodes(served.app, officeToken, roundId, '五顶岗', count);
    return Promise.all(codes.map((code) => voterWithCode(served.app, roundId, code)));
  }

  it('counts exactly one of each voter’s double votes when many voters double-vote at once', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    const crowd = await voters(roundId, fixture.officeToken, 6);
    const responses = await Promise.all(
      crowd.flatMap((voter) => [1, 2, 3].map(() => cast(roundId, voter, fixture.submissions[0].id))),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(6);
    for (const refused of responses.filter((response) => response.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ reason: 'VOTE_PROJECT_LIMIT_REACHED' });
    }
    expect(await votesIn(roundId)).toBe(6);
    const perVoter = await served.db.query<{ votes: number }[]>(
      `SELECT count(*)::int AS votes FROM vote WHERE round_id = $1 GROUP BY voter_id`,
      [roundId],
    );
    expect(perVoter.map((row) => row.votes)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('answers each of votes sent at once as if it came alone: accepted and refused side by side', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 1 });
    const [first, second, spent, third] = await voters(roundId, fixture.officeToken, 4);
    await cast(roundId, spent, fixture.submissions[2].id).expect(201);
    const other = await voteCompetition(served.app, 1);

    const [accepted, screenedOut, overTotal, stranger, alsoAccepted] = await Promise.all([
      cast(roundId, first, fixture.submissions[0].id),
      cast(roundId, second, fixture.screenedOutId),
      cast(roundId, spent, fixture.submissions[1].id),
      cast(roundId, third, other.submissions[0].id),
      cast(roundId, second, fixture.submissions[1].id),
    ]);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ projectId: fixture.submissions[0].id, remaining: { total: 0 } });
    expect(screenedOut.status).toBe(409);
    expect(screenedOut.body).toMatchObject({ reason: 'VOTE_PROJECT_SCREENED_OUT', field: 'projectId' });
    expect(overTotal.status).toBe(409);
    expect(overTotal.body).toMatchObject({ reason: 'VOTE_TOTAL_LIMIT_REACHED' });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ reason: 'VOTE_PROJECT_NOT_FOUND' });
    expect(alsoAccepted.status).toBe(201);
    expect(await votesIn(roundId)).toBe(3);
  });

  it('keeps the other votes of a batch when the database refuses one of its rows', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    await voters(roundId, fixture.officeToken, 3);
    const [a, b, c] = await served.db.getRepository(Voter).findBy({ roundId });
    const castAt = new Date();
    const row = (voterId: string, projectId: string, n: number): Omit<Vote, 'id'> => ({
      roundId,
      voterId,
      projectId,
      category: fixture.submissions[0].category,
      ordinal: 1,
      totalOrdinal: 1,
      dayOrdinal: 1,
      categoryOrdinal: 1,
      method: VoterMethod.Code,
      castAt,
      castDay: beijingDate(castAt),
      addressHash: `a${n}`.padEnd(24, '0'),
      deviceHash: `d${n}`.padEnd(24, '0'),
      flags: [],
      recordHash: `r${n}`.padEnd(64, '0'),
    });
    const batches = served.app.get(VoteBatches);
    // A project that does not exist: its row breaks the insert's foreign key, the batch's statement fails.
    const missingProject = '00000000-0000-4000-8000-00000000dead';
    const results = await Promise.allSettled([
      batches.insertVote(row(a.id, fixture.submissions[0].id, 1)),
      batches.insertVote(row(b.id, missingProject, 2)),
      batches.insertVote(row(c.id, fixture.submissions[1].id, 3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await served.db.getRepository(Vote).findBy({ roundId });
    expect(stored.map((vote) => vote.voterId).sort()).toEqual([a.id, c.id].sort());
    expect(stored.map((vote) => vote.id).sort()).toEqual(
      results
        .flatMap((result) => (result.status === 'fulfilled' && result.value !== null ? [result.value] : []))
        .sort(),
    );
  });
});
