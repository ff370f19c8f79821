import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { COMPETITION_PRESETS, CompetitionRules, ScreeningStatus } from '@app/domain';
import { Submission } from '@app/persistence';
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
