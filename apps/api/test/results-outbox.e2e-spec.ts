import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxMessage, RankingRun, RunResult } from '@app/persistence';
import { QueueName, redisOptionsFor } from '@app/queue';
import { createIsolatedDatabase, type IsolatedDatabase, seedScoredCompetition, until } from '@app/testing';
import { SpawnedProcess, freePort, startRedisOnPort } from './live-processes';
import { officeToken, requestRun } from './roadshow.factory';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

const PREFIX = `results-outbox-${randomUUID().slice(0, 8)}`;

describe('the outbox: a run requested while Redis is down is queued when it comes back', () => {
  let database: IsolatedDatabase;
  let redisUrl: string;
  let redis: SpawnedProcess | undefined;
  let port: number;
  let app: NestFastifyApplication;
  let worker: WorkerProcess | undefined;
  let db: DataSource;

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'outbox');
    port = await freePort();
    redisUrl = `redis://127.0.0.1:${port}`;
    // The API starts while its Redis is not there at all.
    app = await startTestApp({ DATABASE_URL: database.url, REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('records the run and its failed dispatch attempts, then runs it once Redis is back', async () => {
    const scored = await seedScoredCompetition(db, { projects: 8, judges: 5 });
    const runId = await requestRun(app, scored.competitionId, (await officeToken(app)).token);
    const pending = await until('failed dispatch attempts', async () => {
      const row = await db.getRepository(OutboxMessage).findOneByOrFail({ jobId: `run-${runId}` });
      return row.attempts >= 2 ? row : undefined;
    });
    expect(pending.dispatchedAt).toBeNull();
    expect(pending.lastError).toContain('redis');
    expect(await db.getRepository(RankingRun).findOneByOrFail({ id: runId })).toMatchObject({ status: 'queued' });

    redis = await startRedisOnPort(port);
    worker = await startWorkerProcess({ DATABASE_URL: database.url, REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX });

    const run = await until(
      'the run to succeed',
      async () => {
        const found = await db.getRepository(RankingRun).findOneByOrFail({ id: runId });
        return found.status === 'succeeded' ? found : undefined;
      },
      { withinMs: 60_000 },
    );
    expect(run.totalFen).toBeGreaterThan(0);
    expect(await db.getRepository(RunResult).countBy({ runId })).toBe(8);
    const dispatched = await db.getRepository(OutboxMessage).findOneByOrFail({ jobId: `run-${runId}` });
    expect(dispatched.dispatchedAt).toBeInstanceOf(Date);
    expect(dispatched.attempts).toBeGreaterThan(pending.attempts);

    // Dispatching the same row again is a no-op in BullMQ: the job id is the run's.
    const queue = new Queue(QueueName.Ranking, { connection: redisOptionsFor(redisUrl, 'worker'), prefix: PREFIX });
    try {
      await queue.add(dispatched.jobName, dispatched.payload, { jobId: dispatched.jobId });
      expect(await queue.getJobCounts('completed', 'waiting', 'active', 'delayed')).toMatchObject({
        completed: 1,
        waiting: 0,
        active: 0,
        delayed: 0,
      });
    } finally {
      await queue.close();
    }
  }, 90_000);
});
