import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { loadConfig } from '@app/config';
import { CompetitionRules, DEFAULT_TENANT_ID, JudgeGroup, LiveEventType } from '@app/domain';
import { seededRandom } from '@app/scoring';
import {
  DemoData,
  competitionOf,
  readDemoData,
  registrationOf,
  submissionOf,
} from '../../../scripts/demo/competition-data';
import { createOffice } from '../../../scripts/demo/demo-support';
import { simulateMarks } from '../../../scripts/demo/score-simulation';
import { SpawnedProcess, startApiProcess, startServerProcess } from '../test/live-processes';
import { SseClient } from '../test/live-sse-client';
import { readScoreSheet } from '../src/roadshows/score-sheet';
import type { BarePost } from './bare-score-server';
import { CpuSample, Caller, ms, peakRssMb, percentile, postgresServer, refusal, sampleCpu } from './bench-support';

/**
 * bench:roadshow — a roadshow on one machine, as the hall sees it. Two API processes share the
 * database and Redis; big screens follow the roadshow's live events on both. For each of the 15
 * slots the office starts the pitch and opens scoring, 30 judges (each with their own session and
 * keep-alive connection, half on each process) post a valid sheet at the same instant, and the
 * office locks the slot. Then the same 450 posts, in the same bursts of 30, go to a bare Fastify
 * process running the same transaction (bare-score-server.ts): the ceiling.
 *
 * Printed: post latency, lock → screen latency (from sending the lock until each screen has
 * `slot.locked`), the throughput ratio API ÷ bare, each beside its target; the CPU each post cost
 * the servers, Postgres and this process (they share the machine's cores); peak RSS.
 */
const PROJECTS = 15;
const JUDGES = 30;
const SCREENS_PER_PROCESS = 3;
const SCREEN_TIMEOUT_MS = 10_000;
/**
 * A pitch lasts 5–8 minutes. What it does to the next burst is that the connection pools go idle
 * (pg-pool closes a connection idle for 10 s) while the screens' catch-up reads keep one or two
 * open; 12 s leaves the servers as a real pitch does without taking two hours.
 */
const PITCH_MS = 12_000;
const TARGETS = { postP99Ms: 50, lockToScreenP99Ms: 250, ratio: 0.5 } as const;

interface Judge {
  readonly id: string;
  readonly token: string;
}

interface Roadshow {
  readonly id: string;
  /** In the drawn order. */
  readonly slotIds: readonly string[];
  readonly judges: readonly Judge[];
  readonly rules: CompetitionRules;
  /** The quality the demo data gives each slot's project, for realistic marks. */
  readonly quality: readonly number[];
}

type Sheet = ReturnType<typeof simulateMarks>;

/**
 * A competition in its roadshow, built through the public API as its users build it: the demo's
 * communities register and submit, the office screens them in, adds the judges, draws the order;
 * every judge signs in with their code.
 */
async function prepareRoadshow(
  api: Caller,
  office: Caller,
  data: DemoData,
  label: { readonly title: string; readonly login: string },
): Promise<Roadshow> {
  const projects = data.projects.filter((project) => !project.screenOut).slice(0, PROJECTS);
  if (projects.length < PROJECTS) throw new Error(`the demo data has fewer than ${PROJECTS} screened-in projects`);
  const competition = await office.call<{ id: string; rules: CompetitionRules }>(
    'POST',
    '/competitions',
    competitionOf(data, `${data.competition.title}（${label.title}）`),
  );
  const transition = (to: string): Promise<unknown> =>
    office.call('POST', `/competitions/${competition.id}/transitions`, { to });
  await transition('open');
  const quality = new Map<string, number>();
  for (const [index, project] of projects.entries()) {
    const login = `bench-${label.login}-${index + 1}-${randomUUID().slice(0, 8)}`;
    const password = randomBytes(12).toString('base64url');
    await api.call('POST', '/organizations', registrationOf(project, index, { login, password }));
    const session = await api.call<{ token: string }>('POST', '/auth/sessions', { login, password });
    const applicant = api.signedIn(session.token);
    const draft = await applicant.call<{ id: string }>(
      'POST',
      `/competitions/${competition.id}/submissions`,
      submissionOf(project),
    );
    await applicant.call('POST', `/submissions/${draft.id}/submit`);
    applicant.close();
    quality.set(draft.id, project.quality);
  }
  await transition('closed');
  await transition('screening');
  for (const submissionId of quality.keys()) {
    await office.call('POST', `/submissions/${submissionId}/screening`, { decision: 'passed', reason: '材料齐全' });
  }
  await transition('roadshow');
  const roadshow = await office.call<{ id: string }>('POST', `/competitions/${competition.id}/roadshow`, {
    venue: '西南街道党群服务中心一楼报告厅',
  });
  const groups = Object.values(JudgeGroup);
  const judges: Judge[] = [];
  for (let i = 0; i < JUDGES; i += 1) {
    const added = await office.call<{ code: string; judge: { id: string } }>(
      'POST',
      `/roadshows/${roadshow.id}/judges`,
      {
        name: `评委${String(i + 1).padStart(2, '0')}`,
        group: groups[i % groups.length],
      },
    );
    const session = await api.call<{ token: string }>('POST', '/judge-sessions', {
      code: added.code,
      roadshowId: roadshow.id,
    });
    judges.push({ id: added.judge.id, token: session.token });
  }
  const draw = await office.call<{ slots: { slotId: string; submissionId: string }[] }>(
    'POST',
    `/roadshows/${roadshow.id}/draw`,
    { seed: data.orderSeed },
  );
  return {
    id: roadshow.id,
    slotIds: draw.slots.map((slot) => slot.slotId),
    judges,
    rules: competition.rules,
    quality: draw.slots.map((slot) => quality.get(slot.submissionId) ?? 0.7),
  };
}

/** Each judge's sheet for each slot, from the demo's seeded simulation: [slot][judge]. */
function simulateSheets(roadshow: Roadshow, seed: number): Sheet[][] {
  const random = seededRandom(seed);
  const leniency = roadshow.judges.map(() => (random() - 0.5) * 0.08);
  return roadshow.quality.map((quality) =>
    leniency.map((judgeLeniency) => simulateMarks(random, roadshow.rules.rubric, quality, judgeLeniency)),
  );
}

interface CpuUse {
  servers: number;
  postgres: number;
  load: number;
}

function addCpu(into: CpuUse, before: CpuSample, after: CpuSample): void {
  into.servers += after.servers - before.servers;
  into.postgres += after.postgres - before.postgres;
  into.load += after.load - before.load;
}

interface BurstRun {
  readonly latencies: number[];
  /** Per burst, from its first request sent to its last answer received. */
  readonly makespans: number[];
  readonly cpu: CpuUse;
}

function emptyRun(): BurstRun {
  return { latencies: [], makespans: [], cpu: { servers: 0, postgres: 0, load: 0 } };
}

/** Sends every post of a burst at once and waits for all the answers; any refusal ends the benchmark. */
async function burst(
  run: BurstRun,
  cpu: () => CpuSample,
  posts: readonly { caller: Caller; path: string; body: unknown; headers: Record<string, string> }[],
): Promise<void> {
  const before = cpu();
  const started = performance.now();
  const answers = await Promise.all(
    posts.map((post) => post.caller.exchange('PUT', post.path, post.body, post.headers)),
  );
  run.makespans.push(performance.now() - started);
  addCpu(run.cpu, before, cpu());
  answers.forEach((answer, i) => {
    if (answer.status !== 200) throw refusal(`PUT ${posts[i].path}`, answer);
    run.latencies.push(answer.ms);
  });
}

function lockedAt(screen: SseClient, slotId: string): number | undefined {
  return screen.events.find(
    (event) =>
      event.type === (LiveEventType.SlotLocked as string) &&
      (JSON.parse(event.data) as { slotId?: string }).slotId === slotId,
  )?.receivedAt;
}

interface RoadshowRun extends BurstRun {
  readonly lockToScreen: number[];
  readonly lockAnswers: number[];
}

/** The hall: the office on either process, the judges' tablets, the big screens. */
interface Hall {
  readonly roadshow: Roadshow;
  readonly offices: readonly Caller[];
  readonly judges: readonly Caller[];
  readonly screens: readonly SseClient[];
  readonly cpu: () => CpuSample;
}

/** The ceiling's own roadshow (fresh slots, so every post of a burst is a first save, as in the hall). */
interface Ceiling {
  readonly roadshow: Roadshow;
  readonly judges: readonly Caller[];
  readonly cpu: () => CpuSample;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * The day, slot by slot: the office starts the pitch; during the pitch the ceiling takes the same
 * 30 sheets on its own roadshow; the office opens scoring, the 30 judges post at once, the office
 * locks, and every screen shows the lock. Each server's bursts are a pitch apart.
 */
async function runDay(
  sheets: readonly Sheet[][],
  hall: Hall,
  ceiling: Ceiling,
): Promise<{ api: RoadshowRun; bare: BurstRun }> {
  const api: RoadshowRun = { ...emptyRun(), lockToScreen: [], lockAnswers: [] };
  const bare = emptyRun();
  const { roadshow } = hall;
  for (const [k, slotId] of roadshow.slotIds.entries()) {
    // The office console may sit behind either process.
    const office = hall.offices[k % hall.offices.length];
    const stage = `/roadshows/${roadshow.id}/slots/${slotId}`;
    await office.call('POST', `${stage}/start`);
    const pitchEnds = performance.now() + PITCH_MS;
    await sleep(PITCH_MS / 2);
    await burst(
      bare,
      ceiling.cpu,
      ceiling.judges.map((caller, j) => {
        const post: BarePost = {
          roadshowId: ceiling.roadshow.id,
          judgeId: ceiling.roadshow.judges[j].id,
          slotId: ceiling.roadshow.slotIds[k],
          idempotencyKey: randomUUID(),
          ...readScoreSheet(ceiling.roadshow.rules, sheets[k][j]),
        };
        return { caller, path: '/bare/score', body: post, headers: {} };
      }),
    );
    await sleep(Math.max(0, pitchEnds - performance.now()));
    await office.call('POST', `${stage}/open-scoring`);
    await burst(
      api,
      hall.cpu,
      hall.judges.map((caller, j) => ({
        caller,
        path: `/judge/slots/${slotId}/score`,
        body: sheets[k][j],
        headers: { 'idempotency-key': randomUUID() },
      })),
    );
    const sent = performance.now();
    const lock = await office.exchange('POST', `${stage}/lock`, {});
    if (lock.status !== 200) throw refusal(`POST ${stage}/lock`, lock);
    api.lockAnswers.push(lock.ms);
    await Promise.all(
      hall.screens.map((screen) =>
        screen.until((s) => lockedAt(s, slotId) !== undefined, SCREEN_TIMEOUT_MS, `slot.locked of slot ${k + 1}`),
      ),
    );
    for (const screen of hall.screens) api.lockToScreen.push((lockedAt(screen, slotId) as number) - sent);
  }
  return { api, bare };
}

async function connectScreen(baseUrl: string, roadshowId: string): Promise<SseClient> {
  const screen = await SseClient.connect(baseUrl, `/roadshows/${roadshowId}/events`);
  if (screen.status !== 200) throw new Error(`big screen on ${baseUrl}: HTTP ${screen.status}`);
  // The greeting says the stream is placed at "now": every later event reaches this screen.
  await screen.until((s) => s.comments.length > 0, SCREEN_TIMEOUT_MS, 'the greeting');
  return screen;
}

const verdict = (met: boolean): string => (met ? 'met' : 'not met');

function cpuLine(name: string, run: BurstRun): string {
  const per = (total: number): string => (total / run.latencies.length).toFixed(2);
  return `  ${name.padEnd(22)} server ${per(run.cpu.servers)} + Postgres ${per(run.cpu.postgres)} + load generator ${per(run.cpu.load)} ms`;
}

/** Posts per second while a burst is in flight: what the server gets through when all judges save at once. */
function throughput(run: BurstRun): number {
  return (run.latencies.length * 1000) / run.makespans.reduce((sum, value) => sum + value, 0);
}

function report(
  api: RoadshowRun,
  bare: BurstRun,
  rss: { api: number[]; bare: number },
  settings: string,
  screens: number,
  loadAtStart: number,
): string {
  const postP99 = percentile(api.latencies, 0.99);
  const screenP99 = percentile(api.lockToScreen, 0.99);
  const ratio = throughput(api) / throughput(bare);
  const burstLine = (name: string, run: BurstRun): string =>
    `  ${name.padEnd(22)} p50 ${ms(percentile(run.latencies, 0.5))}  p99 ${ms(percentile(run.latencies, 0.99))}  ` +
    `last answer of a burst p50 ${ms(percentile(run.makespans, 0.5))}, max ${ms(Math.max(...run.makespans))}  ` +
    `${throughput(run).toFixed(0)} posts/s`;
  return [
    `bench:roadshow — ${PROJECTS} slots × ${JUDGES} judges at once, 2 API processes, ${screens} big screens, ` +
      `a ${PITCH_MS / 1000} s pitch before each burst; Node ${process.version}, ${availableParallelism()} cores ` +
      `shared by everything; Postgres ${settings}`,
    `load average (1 min) of the machine: ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    `score posts (${api.latencies.length} per server, bursts of ${JUDGES}):`,
    burstLine('API', api),
    burstLine('bare (ceiling)', bare),
    `post latency through the API: p50 ${ms(percentile(api.latencies, 0.5))}  p99 ${ms(postP99)}: ` +
      `target p99 ≤ ${TARGETS.postP99Ms} ms ${verdict(postP99 <= TARGETS.postP99Ms)}`,
    `lock → screen (${api.lockToScreen.length} = ${PROJECTS} slots × ${screens} screens): ` +
      `p50 ${ms(percentile(api.lockToScreen, 0.5))}  p99 ${ms(screenP99)}: ` +
      `target p99 ≤ ${TARGETS.lockToScreenP99Ms} ms ${verdict(screenP99 <= TARGETS.lockToScreenP99Ms)}` +
      ` (the lock itself answered in p50 ${ms(percentile(api.lockAnswers, 0.5))})`,
    `ratio API ÷ bare, throughput within bursts: ${ratio.toFixed(2)}: target ≥ ${TARGETS.ratio} ${verdict(ratio >= TARGETS.ratio)}`,
    'CPU per post during the bursts:',
    cpuLine('API (both processes)', api),
    cpuLine('bare', bare),
    `peak RSS: API ${rss.api.map((value) => `${value.toFixed(0)} MB`).join(' and ')}, bare ${rss.bare.toFixed(0)} MB`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const data = readDemoData();
  const loadAtStart = loadavg()[0];
  const { postmaster, settings } = await postgresServer(config.database.url);
  const started: SpawnedProcess[] = [];
  const callers: Caller[] = [];
  const screens: SseClient[] = [];
  const note = (text: string): void => void process.stderr.write(`${text}\n`);
  try {
    const processes = await Promise.all([startApiProcess(), startApiProcess()]);
    started.push(...processes);
    note(`API processes ${processes.map((p) => `${p.pid} at ${p.url}`).join(', ')}; preparing two roadshows`);
    const account = createOffice(`bench-office-${randomUUID().slice(0, 8)}`, '西南街道党建办', DEFAULT_TENANT_ID);
    const anonymous = new Caller(processes[0].url);
    callers.push(anonymous);
    const session = await anonymous.call<{ token: string }>('POST', '/auth/sessions', account);
    const offices = processes.map((p) => new Caller(p.url, session.token));
    callers.push(...offices);
    const measured = await prepareRoadshow(anonymous, offices[0], data, { title: '压测', login: 'api' });
    const ceiling = await prepareRoadshow(anonymous, offices[0], data, { title: '压测 · 对照', login: 'bare' });
    const sheets = simulateSheets(measured, data.scoreSeed);

    for (const p of processes) {
      for (let i = 0; i < SCREENS_PER_PROCESS; i += 1) screens.push(await connectScreen(p.url, measured.id));
    }
    const judges = measured.judges.map((judge, j) => new Caller(processes[j % 2].url, judge.token));
    callers.push(...judges);
    // A tablet loads its slot list when the judge signs in: the keep-alive connection is open before the first post.
    await Promise.all(judges.map((judge) => judge.call('GET', '/judge/slots')));

    const bareProcess = await startServerProcess('apps/api/bench/bare-score-server.ts');
    started.push(bareProcess);
    const bareJudges = ceiling.judges.map(() => new Caller(bareProcess.url));
    callers.push(...bareJudges);
    await Promise.all(bareJudges.map((judge) => judge.call('GET', '/health')));

    note(`the roadshow: ${PROJECTS} slots of ${JUDGES} posts at once, each after a pitch of ${PITCH_MS / 1000} s`);
    const apiPids = processes.map((p) => p.pid);
    const { api, bare } = await runDay(
      sheets,
      { roadshow: measured, offices, judges, screens, cpu: () => sampleCpu(apiPids, postmaster) },
      { roadshow: ceiling, judges: bareJudges, cpu: () => sampleCpu([bareProcess.pid], postmaster) },
    );
    const rss = { api: apiPids.map(peakRssMb), bare: peakRssMb(bareProcess.pid) };
    process.stdout.write(report(api, bare, rss, settings, screens.length, loadAtStart));
  } finally {
    for (const screen of screens) screen.close();
    for (const caller of callers) caller.close();
    await Promise.all(started.map((p) => p.stop()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
