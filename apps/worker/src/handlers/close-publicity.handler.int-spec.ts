import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ApplicationModule } from '@app/application';
import { ConfigModule, loadConfig } from '@app/config';
import { CompetitionState, Role } from '@app/domain';
import { AppUser, AuditEvent, Competition, Objection, OutboxMessage, Publication, RankingRun } from '@app/persistence';
import { IsolatedDatabase, createIsolatedDatabase, seedScoredCompetition } from '@app/testing';
import { ClosePublicityHandler } from './close-publicity.handler';

const DAY = 24 * 3600 * 1000;

interface Published {
  readonly competitionId: string;
  readonly runId: string;
}

describe('ClosePublicityHandler, the worker’s every-minute tick, on real Postgres', () => {
  let database: IsolatedDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let tick: ClosePublicityHandler;

  const stateOf = async (id: string) => (await db.getRepository(Competition).findOneByOrFail({ id })).state;
  const agreementJobs = (published: Published) =>
    db.getRepository(OutboxMessage).countBy({ jobId: `agreements-${published.runId}-1` });

  /**
   * A competition under public notice (公示) with its succeeded run, the notice ending `endsInMs`
   * from now (negative: already over), and an open objection when asked for.
   */
  async function published(endsInMs: number, objection = false): Promise<Published> {
    const scored = await seedScoredCompetition(db, { projects: 3, judges: 3, state: CompetitionState.Publicity });
    const run = await db.getRepository(RankingRun).save({
      competitionId: scored.competitionId,
      status: 'succeeded',
      trigger: 'office',
      requestedBy: scored.officeId,
      rulesVersion: 1,
      inputHash: 'c'.repeat(64),
      progress: 100,
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    const publication = await db.getRepository(Publication).save({
      competitionId: scored.competitionId,
      runId: run.id,
      startsAt: new Date(Date.now() + endsInMs - 7 * DAY),
      endsAt: new Date(Date.now() + endsInMs),
      publishedBy: scored.officeId,
      supersededAt: null,
    });
    if (objection) {
      const applicant = await db.getRepository(AppUser).save({
        role: Role.Applicant,
        login: `applicant-${publication.id}`,
        displayName: '申报人',
        passwordHash: 'seeded-user-without-password',
        organizationId: scored.organizationIds[0],
      });
      await db.getRepository(Objection).save({
        publicationId: publication.id,
        submissionId: scored.submissionIds[0],
        filedBy: applicant.id,
        reason: '请核对第 3 号评委的评分记录。',
        status: 'open',
      });
    }
    return { competitionId: scored.competitionId, runId: run.id };
  }

  beforeAll(async () => {
    // The tick awards whatever is due in its database: a database of its own keeps other files' notices out.
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'close_publicity');
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ ...process.env, DATABASE_URL: database.url })), ApplicationModule],
      providers: [ClosePublicityHandler],
    }).compile();
    context = await module.init();
    db = context.get(DataSource);
    tick = context.get(ClosePublicityHandler);
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('awards a competition whose notice has ended without an open objection, as the system, queuing its agreements', async () => {
    const ended = await published(-60_000);
    const { awarded } = await tick.handle();
    expect(awarded).toContain(ended.competitionId);
    expect(await stateOf(ended.competitionId)).toBe(CompetitionState.Awarded);
    const transitions = await db.getRepository(AuditEvent).find({
      where: { subjectType: 'competition', subjectId: ended.competitionId },
      order: { id: 'ASC' },
    });
    expect(transitions.at(-1)).toMatchObject({
      action: 'competition.transition',
      actorType: 'system',
      actorId: null,
      before: { state: 'publicity' },
      after: { state: 'awarded', agreementsJobId: `agreements-${ended.runId}-1` },
    });
    expect(await agreementJobs(ended)).toBe(1);
  });

  it('leaves a notice that is still running, and one with an open objection, under notice', async () => {
    const running = await published(DAY);
    const objected = await published(-60_000, true);
    const { awarded } = await tick.handle();
    expect(awarded).not.toContain(running.competitionId);
    expect(awarded).not.toContain(objected.competitionId);
    expect(await stateOf(running.competitionId)).toBe(CompetitionState.Publicity);
    expect(await stateOf(objected.competitionId)).toBe(CompetitionState.Publicity);
    expect(await agreementJobs(running)).toBe(0);
    expect(await agreementJobs(objected)).toBe(0);
  });

  it('awards once: a second tick, or two ticks at the same moment, change nothing twice', async () => {
    const first = await published(-60_000);
    const second = await published(-60_000);
    const racing = await Promise.all([tick.handle(), tick.handle()]);
    const again = await tick.handle();
    for (const competition of [first, second]) {
      expect(racing.flatMap((result) => result.awarded).filter((id) => id === competition.competitionId)).toHaveLength(
        1,
      );
      expect(again.awarded).not.toContain(competition.competitionId);
      expect(await stateOf(competition.competitionId)).toBe(CompetitionState.Awarded);
      expect(await agreementJobs(competition)).toBe(1);
      expect(
        await db.getRepository(AuditEvent).countBy({
          subjectId: competition.competitionId,
          action: 'competition.transition',
          actorType: 'system',
        }),
      ).toBe(1);
    }
  });
});
