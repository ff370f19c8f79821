import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { AppConfig, environmentWith, loadConfig } from '@app/config';
import {
  COMPETITION_PRESETS,
  CompetitionState,
  OrganizationKind,
  Role,
  ScreeningStatus,
  SubmissionState,
} from '@app/domain';
import { AppUser, Competition, Organization, Submission, createDataSource } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';

/**
 * bench:api — judges' score submissions at 64 concurrent keep-alive connections against one API
 * process, then the same load against a bare Fastify server doing only the Postgres upsert (the
 * ceiling). Both servers run in their own process; the load comes from this one. Server, Postgres
 * and load generator share the machine's cores, so the CPU each request cost each of them is
 * printed too: it says where a gap in throughput comes from.
 */
const CONNECTIONS = 64;
const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;
const ROOT = resolve(__dirname, '../../..');
const children = new Set<ChildProcess>();

interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU milliseconds per request while measuring: the server, all Postgres processes, this load generator. */
  readonly serverCpuMs: number;
  readonly postgresCpuMs: number;
  readonly loadCpuMs: number;
}

/** The kernel's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          done({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : undefined });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    req.on('error', fail);
    req.end(payload);
  });
}

async function startProcess(script: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: environmentWith({ API_PORT: String(port), LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const agent = new Agent();
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      await call(agent, port, 'GET', '/health', undefined);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`${script} did not start`);
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** User + system CPU of a process, its finished children included, in milliseconds. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** All Postgres server processes of the machine: the benchmark's database is the only one busy. */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry));
    } catch {
      continue;
    }
  }
  return total;
}

async function load(
  serverPid: number,
  port: number,
  next: (worker: number) => { path: string; body: unknown; headers: Record<string, string> },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let stopped = false;
  const worker = async (index: number): Promise<void> => {
    while (!stopped) {
      const { path, body, headers } = next(index);
      const started = performance.now();
      const status = await call(agent, port, 'PUT', path, body, headers).then(
        (r) => r.status,
        () => 0,
      );
      if (measuring && !stopped) {
        if (status === 0 || status >= 400) errors += 1;
        latencies.push(performance.now() - started);
      }
    }
  };
  const workers = Array.from({ length: CONNECTIONS }, (_, i) => worker(i));
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const started = performance.now();
  const cpuBefore = { server: cpuMsOf(serverPid), postgres: postgresCpuMs(), load: process.cpuUsage() };
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  stopped = true;
  const elapsed = performance.now() - started;
  const cpuAfter = { server: cpuMsOf(serverPid), postgres: postgresCpuMs(), load: process.cpuUsage(cpuBefore.load) };
  await Promise.all(workers);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requests: latencies.length,
    errors,
    perSecond: (latencies.length / elapsed) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    serverCpuMs: (cpuAfter.server - cpuBefore.server) / latencies.length,
    postgresCpuMs: (cpuAfter.postgres - cpuBefore.postgres) / latencies.length,
    loadCpuMs: (cpuAfter.load.user + cpuAfter.load.system) / 1000 / latencies.length,
  };
}

/** A competition in its roadshow with one slot open for scoring and 64 judges signed in, built through the API. */
async function prepare(
  config: AppConfig,
  port: number,
): Promise<{ slotId: string; submissionId: string; judges: { id: string; token: string }[] }> {
  const db = await createDataSource({ ...config.database, poolSize: 2 }).initialize();
  const suffix = randomUUID().slice(0, 8);
  const office = await db.getRepository(AppUser).save({
    role: Role.Office,
    login: `bench-office-${suffix}`,
    displayName: '压测办公室',
    passwordHash: 'scrypt$1$1$1$x$x',
    organizationId: null,
  });
  const competition = await db.getRepository(Competition).save({
    title: `压测 ${suffix}`,
    state: CompetitionState.Roadshow,
    poolFen: 30_000_000,
    rules: COMPETITION_PRESETS['party-building'],
    rulesVersion: 1,
    rulesFrozenAt: new Date(),
    grantor: { name: '西南街道', address: '广海大道西', representative: '陈志强' },
    submissionDeadline: new Date(),
    createdBy: office.id,
  });
  const organization = await db.getRepository(Organization).save({
    kind: OrganizationKind.Community,
    name: `压测社区 ${suffix}`,
    community: `压测 ${suffix}`,
    district: '三水区',
    contactName: '李敏',
    contactPhone: '0757-87712345',
    creditCode: null,
  });
  const submission = await db.getRepository(Submission).save({
    competitionId: competition.id,
    organizationId: organization.id,
    title: '发挥先锋作用·真情服务群众',
    category: 'convenience',
    summary: '压测',
    needAddressed: '压测',
    beneficiaries: { who: '老人', count: 100 },
    targets: [],
    requestedFen: 3_000_000,
    matchingFen: 1_000_000,
    budgetTotalFen: 4_000_000,
    budgetLines: [{ item: '活动', kind: '服务', amountFen: 4_000_000 }],
    milestones: [],
    state: SubmissionState.Submitted,
    submittedAt: new Date(),
    screening: ScreeningStatus.Passed,
    screeningReason: null,
    createdBy: office.id,
  });
  await db.destroy();

  const agent = new Agent({ keepAlive: true });
  const token = new TokenService(config).issue({ kind: 'user', userId: office.id, role: Role.Office }).token;
  const auth = { authorization: `Bearer ${token}` };
  const post = async (path: string, body: unknown = {}): Promise<Record<string, unknown>> => {
    const { status, json } = await call(agent, port, 'POST', path, body, auth);
    if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(json)}`);
    return json as Record<string, unknown>;
  };
  const roadshow = await post(`/competitions/${competition.id}/roadshow`, { venue: '西南街道党群服务中心' });
  const judges: { id: string; token: string }[] = [];
  for (let i = 0; i < CONNECTIONS; i += 1) {
    const added = await post(`/roadshows/${String(roadshow.id)}/judges`, { name: `评委${i + 1}`, group: 'expert' });
    const session = await post('/judge-sessions', { code: added.code, roadshowId: roadshow.id });
    judges.push({ id: String((added.judge as { id: string }).id), token: String(session.token) });
  }
  const draw = await post(`/roadshows/${String(roadshow.id)}/draw`, { seed: `bench-${suffix}` });
  const slotId = String((draw.slots as { slotId: string }[])[0].slotId);
  await post(`/roadshows/${String(roadshow.id)}/slots/${slotId}/start`);
  await post(`/roadshows/${String(roadshow.id)}/slots/${slotId}/open-scoring`);
  agent.destroy();
  return { slotId, submissionId: submission.id, judges };
}

function criteria(round: number): Record<string, string> {
  return {
    need: String(15 + (round % 10)),
    design: `${18 + (round % 7)}.5`,
    feasibility: String(12 + (round % 8)),
    participation: String(8 + (round % 7)),
    sustainability: String(9 + (round % 6)),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();

  const apiPort = await freePort();
  const api = await startProcess('apps/api/src/main.ts', apiPort);
  process.stderr.write('API up; preparing a roadshow with 64 signed-in judges\n');
  const { slotId, submissionId, judges } = await prepare(config, apiPort);
  process.stderr.write('loading the API\n');
  const rounds = new Array<number>(CONNECTIONS).fill(0);
  const ours = await load(api.pid as number, apiPort, (w) => {
    rounds[w] += 1;
    return {
      path: `/judge/slots/${slotId}/score`,
      body: { criteria: criteria(rounds[w]), gates: { 'party-leadership': true } },
      headers: { authorization: `Bearer ${judges[w].token}`, 'idempotency-key': randomUUID() },
    };
  });
  const apiRss = rssOf(api.pid as number);
  api.kill('SIGTERM');

  process.stderr.write('loading the bare server\n');
  const barePort = await freePort();
  const bare = await startProcess('apps/api/bench/bare-upsert-server.ts', barePort);
  const ceiling = await load(bare.pid as number, barePort, (w) => {
    rounds[w] += 1;
    return {
      path: `/bare/${slotId}/${judges[w].id}`,
      body: { criteria: criteria(rounds[w]), submissionId },
      headers: {},
    };
  });
  const bareRss = rssOf(bare.pid as number);
  bare.kill('SIGTERM');

  const line = (name: string, r: LoadResult, rss: number): string =>
    `${name.padEnd(44)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(5)} ms  errors ${r.errors}  rss ${rss.toFixed(0)} MB`;
  const cpu = (name: string, r: LoadResult): string =>
    `${name.padEnd(44)} server ${r.serverCpuMs.toFixed(2)} ms + Postgres ${r.postgresCpuMs.toFixed(2)} ms + load generator ${r.loadCpuMs.toFixed(2)} ms`;
  // The three share the machine's cores: were the API's own layer as cheap as the bare handler,
  // its throughput would still be bounded by the Postgres work of its transaction.
  const cpuTotal = (r: LoadResult): number => r.serverCpuMs + r.postgresCpuMs + r.loadCpuMs;
  const postgresBound = cpuTotal(ceiling) / (ceiling.serverCpuMs + ours.postgresCpuMs + ceiling.loadCpuMs);
  process.stdout.write(
    [
      `bench:api — PUT /judge/slots/:id/score, ${CONNECTIONS} keep-alive connections, ${MEASURE_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, Node ${process.version}`,
      line('API (validation, auth, transaction, audit)', ours, apiRss),
      line('bare Fastify + the same upsert (ceiling)', ceiling, bareRss),
      'CPU per request (this machine has ' + String(availableParallelism()) + ' cores for all three):',
      cpu('  API', ours),
      cpu('  bare', ceiling),
      `ratio bound by the API's Postgres work alone (bare handler cost, API's Postgres cost): ${postgresBound.toFixed(2)}`,
      `ratio ${(ours.perSecond / ceiling.perSecond).toFixed(2)} (target ≥ 0.6); API p99 ${ours.p99.toFixed(1)} ms (target ≤ 25 ms)`,
      '',
    ].join('\n'),
  );
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
  });
