import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RankingRun, RunResult } from '@app/persistence';
import { QueueName, redisOptionsFor } from '@app/queue';
import {
  createIsolatedDatabase,
  type IsolatedDatabase,
  seedScoredCompetition,
  type ScoredCompetition,
  until,
} from '@app/testing';
import { officeToken, requestRun } from './roadshow.factory';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

const PREFIX = `results-kill-${randomUUID().slice(0, 8)}`;
const PROJECTS = 1000;
const JUDGES = 15;
/** A short lock: the second worker takes over the dead one's job within about twice this. */
const LOCK_MS = 5000;

describe('a worker killed in the middle of a run (1,000 projects × 15 judges)', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let db: DataSource;
  let queue: Queue;
  let scored: ScoredCompetition;
  const workers: WorkerProcess[] = [];

  const startWorker = async () => {
    const worker = await startWorkerProcess({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: PREFIX,
      WORKER_LOCK_MS: String(LOCK_MS),
      WORKER_CONCURRENCY: '1',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'kill');
    app = await startTestApp({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    db = app.get(DataSource);
    queue = new Queue(QueueName.Ranking, {
      connection: redisOptionsFor(process.env.REDIS_URL as string, 'worker'),
      prefix: PREFIX,
    });
    scored = await seedScoredCompetition(db, { projects: PROJECTS, judges: JUDGES, recuseEvery: 50 });
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await queue?.close();
    await app?.close();
    await database?.drop();
  });

  it('retries the stalled job on another worker and ends with exactly one result set', async () => {
    const first = await startWorker();
    const runId = await requestRun(app, scored.competitionId, (await officeToken(app)).token);

    // Kill while the worker computes: the run is running and past loading its inputs.
    const during = await until(
      'the run to be under way',
      async () => {
        const run = await db.getRepository(RankingRun).findOneByOrFail({ id: runId });
        return run.status === 'running' && run.progress >= 20 ? run : undefined;
      },
      { withinMs: 60_000, everyMs: 5 },
    );
    await first.kill();
    const afterKill = await db.getRepository(RankingRun).findOneByOrFail({ id: runId });
    expect(during.progress).toBeLessThan(100);
    expect(afterKill.status).toBe('running');
    expect(await db.getRepository(RunResult).countBy({ runId })).toBe(0);

    await startWorker();
    const done = await until(
      'another worker to finish the run',
      async () => {
        const run = await db.getRepository(RankingRun).findOneByOrFail({ id: runId });
        return run.status === 'succeeded' ? run : undefined;
      },
      { withinMs: 90_000, everyMs: 100 },
    );
    expect(done.progress).toBe(100);
    expect(await db.getRepository(RunResult).countBy({ runId })).toBe(PROJECTS);
    expect(
      await db.getRepository(RankingRun).countBy({ competitionId: scored.competitionId, status: 'succeeded' }),
    ).toBe(1);
    expect(await db.getRepository(RankingRun).countBy({ competitionId: scored.competitionId })).toBe(1);
    // The job completes just after the commit it made.
    await until('the job to complete', async () =>
      (await queue.getJob(`run-${runId}`))?.finishedOn ? true : undefined,
    );
    expect(await (await queue.getJob(`run-${runId}`))?.isCompleted()).toBe(true);
  }, 240_000);
});
