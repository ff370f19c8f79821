import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { closeRedis } from '@app/queue';

const ROOT = resolve(__dirname, '../../..');

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnedProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, and SIGKILL if it has not exited after the grace period; how it ended. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export function stopper(child: ChildProcess): (graceMs?: number) => Promise<ProcessExit> {
  return async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
    const exited = new Promise<ProcessExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };
}

/**
 * A second API process exactly as production starts it (main.ts), on its own port and the test
 * run's database and Redis, so a test can prove that events cross process boundaries.
 */
export function startApiProcess(env: Record<string, string | undefined> = {}): Promise<SpawnedProcess> {
  return startServerProcess('apps/api/src/main.ts', env);
}

/**
 * A Node server script of this repository in its own process, on a free loopback port passed as
 * API_PORT; resolves once its GET /health answers 200.
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string | undefined> = {},
): Promise<SpawnedProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, API_PORT: String(port), API_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return { url, pid: child.pid as number, stop: stopper(child) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await stopper(child)();
  throw new Error(`${script} did not become healthy within 60 s: ${stderr}`);
}

/**
 * A Redis server of the test's own, on a free port, so a test can stop it to see how the API behaves
 * when Redis goes away without disturbing the shared one. Ended by its own pid only.
 */
export async function startOwnRedis(): Promise<SpawnedProcess> {
  return startRedisOnPort(await freePort());
}

/** redis-server on a given port: a restart must reuse the old one. */
export async function startRedisOnPort(port: number): Promise<SpawnedProcess> {
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        if (client.status === 'wait') await client.connect();
        if ((await client.ping()) === 'PONG') return { url, pid: child.pid as number, stop: stopper(child) };
      } catch {
        await new Promise((done) => setTimeout(done, 50));
      }
    }
  } finally {
    await closeRedis(client);
  }
  await stopper(child)();
  throw new Error(`redis-server did not start on port ${port}`);
}
