import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '@app/config';
import { JOB_OPTIONS, JobName, QueueName, SystemProbeResult, redisOptionsFor } from '@app/queue';
import { WorkerModule } from '../worker.module';

describe('worker on real Redis', () => {
  // Its own queues: a worker on the run's prefix would show up in another file's health check.
  const config = loadConfig({ ...process.env, QUEUE_PREFIX: `system-${randomUUID().slice(0, 8)}` });
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    const connection = redisOptionsFor(config.redis.url, 'worker');
    queue = new Queue(QueueName.System, { connection, prefix: config.queue.prefix });
    events = new QueueEvents(QueueName.System, { connection, prefix: config.queue.prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
  });

  it('answers a probe job through Redis', async () => {
    const job = await queue.add(JobName.SystemProbe, { requestedBy: 'test' }, JOB_OPTIONS[JobName.SystemProbe]);
    const result = (await job.waitUntilFinished(events, 10_000)) as SystemProbeResult;
    expect(result).toEqual({ requestedBy: 'test', workerPid: process.pid });
  });

  it('fails an unknown job without retrying it, and keeps it for inspection', async () => {
    const job = await queue.add('system.unknown', {}, { attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/unknown job/);
    const failed = await queue.getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(1);
    expect(await failed?.isFailed()).toBe(true);
  });

  it('shows up as a connected worker', async () => {
    expect(await queue.getWorkersCount()).toBeGreaterThan(0);
  });
});
