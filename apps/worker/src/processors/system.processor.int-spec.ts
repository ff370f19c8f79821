import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '@app/config';
import { JOB_OPTIONS, JobName, QueueName, SystemProbeResult, redisOptionsFor } from '@app/queue';
import { WorkerModule } from '../worker.module';

/** A port nothing listens on right now, for the worker's metrics. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('worker on real Redis', () => {
  const metricsToken = randomBytes(24).toString('base64url');
  let config: ReturnType<typeof loadConfig>;
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    // Its own queues: a worker on the run's prefix would show up in another file's health check.
    config = loadConfig({
      ...process.env,
      QUEUE_PREFIX: `system-${randomUUID().slice(0, 8)}`,
      METRICS_TOKEN: metricsToken,
      WORKER_METRICS_PORT: String(await freePort()),
    });
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

  it('serves how long its jobs took and how they ended, to the metrics token only', async () => {
    const probe = await queue.add(JobName.SystemProbe, { requestedBy: 'metrics' }, JOB_OPTIONS[JobName.SystemProbe]);
    await probe.waitUntilFinished(events, 10_000);
    const unknown = await queue.add('system.unknown', {}, { attempts: 1 });
    await expect(unknown.waitUntilFinished(events, 10_000)).rejects.toThrow(/unknown job/);
    const url = `http://127.0.0.1:${config.metrics.worker?.port}/metrics`;

    expect((await fetch(url)).status).toBe(401);
    const response = await fetch(url, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /gongyi_job_duration_seconds_count\{queue="system",name="system.probe",outcome="completed"\} [1-9]/,
    );
    expect(text).toMatch(/gongyi_job_attempts_total\{queue="system",name="system.unknown",outcome="failed"\} [1-9]/);
  });

  it('counts its completed and failed jobs in Redis, where the API exports them from', async () => {
    const probe = await queue.add(JobName.SystemProbe, { requestedBy: 'counts' }, JOB_OPTIONS[JobName.SystemProbe]);
    await probe.waitUntilFinished(events, 10_000);
    const exported = await queue.exportPrometheusMetrics();
    const completed = /bullmq_job_completed_total\{queue="system"\} (\d+)/.exec(exported);
    expect(Number(completed?.[1])).toBeGreaterThanOrEqual(1);
  });
});
