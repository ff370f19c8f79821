import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { Client } from 'pg';

/** What the benchmarks share: one keep-alive HTTP caller, percentiles, and what /proc says of a process. */

/** A request without an answer this long ends the benchmark: a hang is a failure, not a figure. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The kernel's clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** From sending the request until its response's last byte. */
  readonly ms: number;
}

/** One HTTP/1.1 exchange on the given agent's connection, with a bounded wait. */
export function send(
  agent: Agent,
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(new URL(path, baseUrl), {
      agent,
      method,
      headers: {
        accept: 'application/json',
        ...headers,
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      },
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    req.once('error', fail);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', fail);
      res.once('end', () => {
        const ms = performance.now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        done({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined, ms });
      });
    });
    req.end(payload);
  });
}

export function refusal(what: string, answer: Answer): Error {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  return new Error(`${what}: HTTP ${answer.status} ${String(body.message_zh)} / ${String(body.message_en)}`);
}

/** A caller of the API on its own keep-alive connection, signed in or not. */
export class Caller {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  signedIn(token: string): Caller {
    return new Caller(this.baseUrl, token);
  }

  exchange(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return send(this.agent, this.baseUrl, method, path, body, {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...headers,
    });
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.exchange(method, path, body);
    if (answer.status >= 300) throw refusal(`${method} ${path}`, answer);
    return answer.body as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Fields of /proc/<pid>/stat after the command name; undefined once the process is gone. */
export function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Peak resident set of a running process, in MB. */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Nearest rank: the smallest value with at least q of the samples at or below it. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

export async function postgresServer(url: string): Promise<{ postmaster: number; settings: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; fsync: string; sync: string }>(
      "SELECT pg_backend_pid() AS pid, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync",
    );
    const fields = statFields(rows[0].pid);
    if (!fields) throw new Error('cannot read the Postgres backend in /proc');
    return { postmaster: Number(fields[1]), settings: `fsync=${rows[0].fsync} synchronous_commit=${rows[0].sync}` };
  } finally {
    await client.end();
  }
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** CPU used so far, in milliseconds: the servers measured, their Postgres, and this process. */
export interface CpuSample {
  readonly servers: number;
  readonly postgres: number;
  readonly load: number;
}

/** User + system CPU of a process and its reaped children, in milliseconds. */
function cpuMsOf(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return ([11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * 1000) / CLOCK_TICKS;
}

/**
 * The benchmark's Postgres server: its postmaster and every process it started (backends and the
 * background writers), and no other cluster of the machine.
 */
function postgresCpuMs(postmaster: number): number {
  let total = cpuMsOf(postmaster);
  let children: string[];
  try {
    children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/);
  } catch {
    return total;
  }
  for (const child of children) if (child) total += cpuMsOf(Number(child));
  return total;
}

export function sampleCpu(servers: readonly number[], postmaster: number): CpuSample {
  const load = process.cpuUsage();
  return {
    servers: servers.reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    postgres: postgresCpuMs(postmaster),
    load: (load.user + load.system) / 1000,
  };
}
