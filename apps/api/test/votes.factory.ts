import { createHash } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { COMPETITION_PRESETS, CompetitionRules, ScreeningStatus } from '@app/domain';
import { Submission } from '@app/persistence';
import { voteRecordText } from '@app/scoring';
import { RoadshowFixture, bearer, roadshowCompetition } from './roadshow.factory';

export interface VoteFixture extends RoadshowFixture {
  /** The competition's project that failed screening: never on the ballot, never voted for. */
  readonly screenedOutId: string;
}

/** A competition whose `count` projects passed screening (one community each) and one that did not. */
export async function voteCompetition(
  app: NestFastifyApplication,
  count: number,
  rules: CompetitionRules = COMPETITION_PRESETS['party-building'],
): Promise<VoteFixture> {
  const fixture = await roadshowCompetition(app, count, rules);
  const rejected = await app.get(DataSource).getRepository(Submission).findOneByOrFail({
    competitionId: fixture.competition.id,
    screening: ScreeningStatus.Rejected,
  });
  return { ...fixture, screenedOutId: rejected.id };
}

const MINUTE = 60_000;

/** A round open from a minute ago for a day, both methods, counts hidden: what a test changes, it names. */
export function roundBody(fixture: RoadshowFixture, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '2026年 党建项目网络投票',
    opensAt: new Date(Date.now() - MINUTE).toISOString(),
    closesAt: new Date(Date.now() + 24 * 60 * MINUTE).toISOString(),
    votesPerDay: null,
    votesTotal: 10,
    perProject: 1,
    perCategory: null,
    communities: [...new Set(fixture.organizations.map((organization) => organization.community))],
    methods: ['code', 'phone'],
    resultsVisibility: 'hidden',
    componentKey: null,
    ...overrides,
  };
}

export async function createVoteRound(
  app: NestFastifyApplication,
  fixture: RoadshowFixture,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await request(app.getHttpServer())
    .post(`/competitions/${fixture.competition.id}/vote-rounds`)
    .set(bearer(fixture.officeToken))
    .send(roundBody(fixture, overrides))
    .expect(201);
  return (response.body as { id: string }).id;
}

export async function issueVoterCodes(
  app: NestFastifyApplication,
  officeToken: string,
  roundId: string,
  community: string,
  count: number,
): Promise<string[]> {
  const response = await request(app.getHttpServer())
    .post(`/vote-rounds/${roundId}/code-batches`)
    .set(bearer(officeToken))
    .send({ community, count })
    .expect(201);
  return (response.body as { codes: string[] }).codes;
}

/** A voter signed in with a printed code: the bearer header their phone sends. */
export async function voterWithCode(app: NestFastifyApplication, roundId: string, code: string): Promise<string> {
  const response = await request(app.getHttpServer())
    .post('/voter-sessions')
    .send({ roundId, method: 'code', code })
    .expect(201);
  return `Bearer ${(response.body as { token: string }).token}`;
}

/**
 * One vote by each of the round's code voters (in the order they were issued, `count` of them) for
 * `projectId`, written as the vote path writes them (ordinals, record hash) but in one statement:
 * a city's worth of votes without a city of phones. `flags` marks them for the review queue.
 */
export async function castByCodeVoters(
  db: DataSource,
  roundId: string,
  projectId: string,
  count: number,
  flags: readonly string[] = [],
): Promise<void> {
  const [project] = await db.query<{ category: string }[]>(`SELECT category FROM submission WHERE id = $1`, [
    projectId,
  ]);
  const voters = await db.query<{ id: string }[]>(
    `SELECT id FROM voter WHERE round_id = $1 AND method = 'code' ORDER BY id LIMIT $2`,
    [roundId, count],
  );
  const castAt = new Date();
  const castDay = castAt.toISOString().slice(0, 10);
  const votes = voters.map((voter, index) => {
    const record = {
      roundId,
      voterId: voter.id,
      projectId,
      ordinal: 1,
      method: 'code',
      castAt: new Date(castAt.getTime() + index).toISOString(),
      addressHash: `address-${index % 7}`,
      deviceHash: `device-${index}`,
      flags,
    };
    return { ...record, recordHash: createHash('sha256').update(voteRecordText(record), 'utf8').digest('hex') };
  });
  await db.query(
    `INSERT INTO vote (round_id, voter_id, project_id, category, ordinal, total_ordinal, day_ordinal,
                       category_ordinal, method, cast_at, cast_day, address_hash, device_hash, flags, record_hash)
     SELECT $1, v.voter_id, $2, $3, 1, 1, 1, 1, 'code', v.cast_at, $4, v.address_hash, v.device_hash, $5::jsonb,
            v.record_hash
       FROM unnest($6::uuid[], $7::timestamptz[], $8::text[], $9::text[], $10::text[])
            AS v (voter_id, cast_at, address_hash, device_hash, record_hash)`,
    [
      roundId,
      projectId,
      project.category,
      castDay,
      JSON.stringify(flags),
      votes.map((vote) => vote.voterId),
      votes.map((vote) => vote.castAt),
      votes.map((vote) => vote.addressHash),
      votes.map((vote) => vote.deviceHash),
      votes.map((vote) => vote.recordHash),
    ],
  );
}
