import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { QueueName, redisOptionsFor } from '@app/queue';
import { until } from '@app/testing';
import { ProcessExit, stopper } from './live-processes';

const ROOT = resolve(__dirname, '../../..');

export interface WorkerEnvironment {
  readonly DATABASE_URL: string;
  readonly QUEUE_PREFIX: string;
  readonly REDIS_URL?: string;
  readonly WORKER_LOCK_MS?: string;
  readonly WORKER_CONCURRENCY?: string;
}

export interface WorkerProcess {
  readonly pid: number;
  /** SIGTERM (the worker finishes its current job), and SIGKILL if it has not exited after the grace period. */
  stop(graceMs?: number): Promise<ProcessExit>;
  /** SIGKILL, as when the machine dies mid-job: the job stays locked until its lock lapses. */
  kill(): Promise<ProcessExit>;
}

/**
 * The worker exactly as production starts it (apps/worker/src/main.ts), as a process of its own on
 * the test file's database and queue prefix: the API's tests reach it only through the queue, as
 * the API does. Resolves once it consumes every queue. Start-up takes seconds: one per file.
 */
export async function startWorkerProcess(env: WorkerEnvironment): Promise<WorkerProcess> {
  const connection = redisOptionsFor(env.REDIS_URL ?? (process.env.REDIS_URL as string), 'worker');
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix: env.QUEUE_PREFIX }));
  const workerCounts = () => Promise.all(queues.map((queue) => queue.getWorkersCount()));
  const before = await workerCounts();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    // Jest's VM-modules flag is for the test runner, not for the process under test.
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = stopper(child);
  try {
    await until(
      'the worker to consume every queue',
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}: ${stderr}`);
        const now = await workerCounts();
        return now.every((count, i) => count > before[i]) ? true : undefined;
      },
      { withinMs: 60_000, everyMs: 200 },
    );
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
  return {
    pid: child.pid as number,
    stop,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        return { code: child.exitCode, signal: child.signalCode };
      const exited = new Promise<ProcessExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
      child.kill('SIGKILL');
      return exited;
    },
  };
}
