import { randomBytes, randomInt } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { COMPETITION_PRESETS, DEFAULT_TENANT_ID, OrganizationKind, Role, ScreeningStatus } from '@app/domain';
import { closingDataSource, dataSourceOptions } from '@app/persistence';
import { beijingDate } from '@app/grants';
import { TokenService } from '../src/auth/token.service';
import { createCompetition, createOrganization, createSubmission, createUser } from '../test/factories';
import { SpawnedProcess, startApiProcess, startServerProcess } from '../test/live-processes';
import { SANSHUI_PROJECTS } from '../test/roadshow.factory';
import type { BareVote } from './bare-vote-server';
import {
  Answer,
  Caller,
  CpuSample,
  ms,
  peakRssMb,
  percentile,
  postgresServer,
  refusal,
  sampleCpu,
} from './bench-support';

/**
 * bench:votes — a city's public vote on one machine. Residents verified with printed codes cast
 * their votes through the API (voter token, the read of their votes, limits, unique positions,
 * Redis anti-fraud counts, the hash-identified vote row) from 64 connections at once, each
 * connection one resident after another, each resident three votes and now and then a double
 * vote the API refuses. The API sits behind a trusted proxy that names each resident's address,
 * as production does, so the per-address limits count residents and not the load generator.
 * Then the same number of vote rows go to a bare Fastify handler running the same insert
 * (bare-vote-server.ts): the ceiling. Last, a round of 1,000,000 votes, 1% of them voided, is
 * tallied through the public tally route.
 *
 * Printed beside their targets: accepted votes/s, p50/p99 of every vote request, the ratio API ÷
 * bare, the tally's time; also verification (sign-in) rate, peak RSS and the load average.
 */
const CONNECTIONS = 64;
/**
 * Database connections of the API process and of the ceiling alike. A vote waits for its commit to
 * reach the disk; with 64 votes in flight, ten connections (the default) leave most of them queued
 * for a connection rather than for the disk, and Postgres commits more votes per flush when more
 * arrive together.
 */
const POOL_SIZE = '32';
const VOTERS = 8_000;
const VOTES_PER_VOTER = 3;
/** One resident in this many tries a double vote: the dedupe path is measured with the rest. */
const DOUBLE_VOTE_EVERY = 20;
const TALLY_VOTES = 1_000_000;
const TALLY_RUNS = 5;
const TARGETS = { votesPerSecond: 2000, p99Ms: 100, ratio: 0.5, tallyMs: 1000 } as const;
const USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

interface Resident {
  readonly token: string;
  readonly address: string;
  readonly deviceId: string;
}

/** A mobile subscriber's address: residents spread over many /24 blocks, as a carrier's users are. */
function residentAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/** Runs `work` for each item on `CONNECTIONS` callers at once, each taking the next item when free. */
async function onConnections<T>(
  baseUrl: string,
  items: readonly T[],
  work: (caller: Caller, item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const caller = new Caller(baseUrl);
      try {
        while (next < items.length) {
          const item = items[next];
          next += 1;
          await work(caller, item);
        }
      } finally {
        caller.close();
      }
    }),
  );
  return performance.now() - started;
}

interface Phase {
  readonly latencies: number[];
  accepted: number;
  refused: number;
  elapsedMs: number;
  /** CPU the phase cost the server, Postgres and the load generator, in ms. */
  cpu: CpuSample;
}

const emptyPhase = (): Phase => ({
  latencies: [],
  accepted: 0,
  refused: 0,
  elapsedMs: 0,
  cpu: { servers: 0, postgres: 0, load: 0 },
});

/** Runs a phase and charges it the CPU its server, Postgres and this process used meanwhile. */
async function measured(phase: Phase, cpu: () => CpuSample, run: () => Promise<number>): Promise<Phase> {
  const before = cpu();
  phase.elapsedMs = await run();
  const after = cpu();
  phase.cpu = {
    servers: after.servers - before.servers,
    postgres: after.postgres - before.postgres,
    load: after.load - before.load,
  };
  return phase;
}
const perSecond = (phase: Phase): number => (phase.accepted * 1000) / phase.elapsedMs;

/**
 * A competition of ten screened-in projects, written to the database as the factories of the tests
 * do, whose rules weigh the public vote as 东莞's do.
 */
async function prepareCompetition(
  dataSource: DataSource,
): Promise<{ officeId: string; competitionId: string; projectIds: string[] }> {
  const office = await createUser(dataSource, Role.Office);
  const competition = await createCompetition(dataSource, office.id, {
    title: '2026年 "红色核动力" 党建项目创投大赛（投票压测）',
    rules: { ...COMPETITION_PRESETS['party-building'], components: COMPETITION_PRESETS.dongguan.components },
  });
  const projectIds: string[] = [];
  for (const [community, category, title] of SANSHUI_PROJECTS) {
    const organization = await createOrganization(dataSource, {
      kind: OrganizationKind.Community,
      name: `${community}社区居民委员会`,
      community,
    });
    const applicant = await createUser(dataSource, Role.Applicant, organization.id);
    const submission = await createSubmission(dataSource, competition.id, organization.id, applicant.id, {
      title,
      category,
      screening: ScreeningStatus.Passed,
    });
    projectIds.push(submission.id);
  }
  return { officeId: office.id, competitionId: competition.id, projectIds };
}

/** A round of one project a resident, three in all; the measured one counts as the rules' vote component. */
async function createRound(
  office: Caller,
  competitionId: string,
  title: string,
  options: { readonly live: boolean; readonly component: boolean },
): Promise<string> {
  const now = Date.now();
  const round = await office.call<{ id: string }>('POST', `/competitions/${competitionId}/vote-rounds`, {
    title,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 24 * 3600_000).toISOString(),
    votesPerDay: null,
    votesTotal: VOTES_PER_VOTER,
    perProject: 1,
    perCategory: null,
    communities: SANSHUI_PROJECTS.map(([community]) => community),
    methods: ['code'],
    resultsVisibility: options.live ? 'live' : 'hidden',
    componentKey: options.component ? 'vote' : null,
  });
  return round.id;
}

async function issueCodes(office: Caller, roundId: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let issued = 0; issued < count; issued += 5000) {
    const community = SANSHUI_PROJECTS[(issued / 5000) % SANSHUI_PROJECTS.length][0];
    const batch = await office.call<{ codes: string[] }>('POST', `/vote-rounds/${roundId}/code-batches`, {
      community,
      count: Math.min(5000, count - issued),
    });
    codes.push(...batch.codes);
  }
  return codes;
}

/** Every resident's three projects, and now and then a fourth try at one of them (a double vote). */
function ballotsOf(projectIds: readonly string[]): string[] {
  const chosen = [...projectIds].sort(() => randomInt(3) - 1).slice(0, VOTES_PER_VOTER);
  return randomInt(DOUBLE_VOTE_EVERY) === 0 ? [...chosen, chosen[0]] : chosen;
}

async function voteThroughApi(
  baseUrl: string,
  cpu: () => CpuSample,
  roundId: string,
  residents: readonly Resident[],
  projectIds: readonly string[],
): Promise<Phase> {
  const phase = emptyPhase();
  return measured(phase, cpu, () =>
    onConnections(baseUrl, residents, async (caller, resident) => {
      for (const projectId of ballotsOf(projectIds)) {
        const answer: Answer = await caller.exchange(
          'POST',
          `/voter/rounds/${roundId}/votes`,
          { projectId, deviceId: resident.deviceId },
          { authorization: `Bearer ${resident.token}`, 'x-forwarded-for': resident.address, 'user-agent': USER_AGENT },
        );
        phase.latencies.push(answer.ms);
        if (answer.status === 201) phase.accepted += 1;
        else if (answer.status === 409) phase.refused += 1;
        else throw refusal('POST vote', answer);
      }
    }),
  );
}

async function voteThroughBare(baseUrl: string, cpu: () => CpuSample, rows: readonly BareVote[]): Promise<Phase> {
  const phase = emptyPhase();
  return measured(phase, cpu, () =>
    onConnections(baseUrl, rows, async (caller, row) => {
      const answer = await caller.exchange('POST', '/bare/votes', row);
      phase.latencies.push(answer.ms);
      if (answer.status !== 201) throw refusal('POST /bare/votes', answer);
      phase.accepted += 1;
    }),
  );
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** The rows the API wrote, one per accepted vote, for voters of the ceiling's own round. */
async function bareRows(
  client: Client,
  roundId: string,
  projectIds: readonly string[],
  count: number,
): Promise<BareVote[]> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM voter WHERE round_id = $1`, [roundId]);
  const castDay = beijingDate(new Date());
  const out: BareVote[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const voterId = rows[Math.floor(i / VOTES_PER_VOTER)].id;
    const position = (i % VOTES_PER_VOTER) + 1;
    out.push({
      roundId,
      voterId,
      projectId: projectIds[(i + Math.floor(i / VOTES_PER_VOTER)) % projectIds.length],
      category: 'convenience',
      ordinal: 1,
      totalOrdinal: position,
      dayOrdinal: position,
      categoryOrdinal: position,
      method: 'code' as BareVote['method'],
      castAt: new Date().toISOString(),
      castDay,
      addressHash: hex(12),
      deviceHash: hex(12),
      flags: [],
      recordHash: hex(32),
    });
  }
  return out;
}

/**
 * A round of `TALLY_VOTES` votes written by SQL (four per voter, 1% voided), then vacuumed and
 * analysed as autovacuum leaves a table that has stopped growing.
 */
async function millionVotes(client: Client, roundId: string, projectIds: readonly string[]): Promise<number> {
  const voters = TALLY_VOTES / 4;
  await client.query(
    `INSERT INTO voter (round_id, method, community, batch_id, digest, digest_key_id, first_verified_at)
     SELECT $1, 'code', '五顶岗', (SELECT id FROM vote_code_batch WHERE round_id = $1 LIMIT 1), md5(i::text), 'bench-sql', now()
       FROM generate_series(1, $2) AS i`,
    [roundId, voters],
  );
  await client.query(
    `INSERT INTO vote (round_id, voter_id, project_id, category, ordinal, total_ordinal, day_ordinal, category_ordinal,
                       method, cast_at, cast_day, address_hash, device_hash, flags, record_hash)
     SELECT $1, v.id, ($2::uuid[])[1 + (k + v.n) % cardinality($2::uuid[])], 'convenience', 1, k + 1, k + 1, k + 1,
            'code', now(), current_date, md5(v.n::text), md5((v.n * 7)::text), '[]', md5((v.n * 4 + k)::text)
       FROM (SELECT id, row_number() OVER () AS n FROM voter WHERE round_id = $1 AND digest_key_id = 'bench-sql') v,
            generate_series(0, 3) AS k`,
    [roundId, projectIds],
  );
  const voided = await client.query(
    `INSERT INTO vote_review (vote_id, round_id, decision, reason, decided_by)
     SELECT id, $1, 'void', '压测：作废 1% / bench: 1% voided', gen_random_uuid() FROM vote WHERE round_id = $1 AND id % 100 = 0`,
    [roundId],
  );
  await client.query('VACUUM ANALYZE vote');
  await client.query('VACUUM ANALYZE vote_review');
  return voided.rowCount ?? 0;
}

function cpuLine(name: string, phase: Phase): string {
  const per = (total: number): string => (total / phase.latencies.length).toFixed(2);
  return (
    `  ${name.padEnd(16)} server ${per(phase.cpu.servers)} + Postgres ${per(phase.cpu.postgres)} + ` +
    `load generator ${per(phase.cpu.load)} ms`
  );
}

function latencyLine(name: string, phase: Phase): string {
  return (
    `  ${name.padEnd(16)} ${perSecond(phase).toFixed(0).padStart(6)} votes/s  p50 ${ms(percentile(phase.latencies, 0.5))}  ` +
    `p99 ${ms(percentile(phase.latencies, 0.99))}  (${phase.accepted} accepted, ${phase.refused} refused, ` +
    `${(phase.elapsedMs / 1000).toFixed(1)} s)`
  );
}

const verdict = (met: boolean): string => (met ? 'met' : 'not met');

async function main(): Promise<void> {
  const config = loadConfig();
  const loadAtStart = loadavg()[0];
  // The benchmark seeds and counts as the tables' owner; the API processes it starts act as the application.
  const ownerUrl = config.database.ownerUrl ?? config.database.url;
  const { postmaster, settings } = await postgresServer(ownerUrl);
  const note = (text: string): void => void process.stderr.write(`${text}\n`);
  const dataSource = await closingDataSource(dataSourceOptions({ ...config.database, url: ownerUrl })).initialize();
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const started: SpawnedProcess[] = [];
  try {
    const { officeId, competitionId, projectIds } = await prepareCompetition(dataSource);
    // Behind a proxy on this machine, as production runs: X-Forwarded-For names the resident.
    const apiProcess = await startApiProcess({ TRUST_PROXY: 'loopback', DATABASE_POOL_SIZE: POOL_SIZE });
    started.push(apiProcess);
    const officeToken = new TokenService(config).issue({
      kind: 'user',
      userId: officeId,
      role: Role.Office,
      tenantId: DEFAULT_TENANT_ID,
    }).token;
    const office = new Caller(apiProcess.url, officeToken);

    const roundId = await createRound(office, competitionId, '2026年 党建项目网络投票（压测）', {
      live: false,
      component: true,
    });
    note(`API process ${apiProcess.pid} at ${apiProcess.url}; issuing ${VOTERS} voter codes`);
    const codes = await issueCodes(office, roundId, VOTERS);
    note(`verifying ${VOTERS} residents through POST /voter-sessions on ${CONNECTIONS} connections`);
    const residents: Resident[] = [];
    const signIns = emptyPhase();
    signIns.elapsedMs = await onConnections(apiProcess.url, codes, async (caller, code) => {
      const address = residentAddress();
      const answer = await caller.exchange(
        'POST',
        '/voter-sessions',
        { roundId, method: 'code', code },
        { 'x-forwarded-for': address, 'user-agent': USER_AGENT },
      );
      if (answer.status !== 201) throw refusal('POST /voter-sessions', answer);
      signIns.latencies.push(answer.ms);
      signIns.accepted += 1;
      residents.push({ token: (answer.body as { token: string }).token, address, deviceId: hex(12) });
    });

    note(`voting: ${VOTERS} residents × ${VOTES_PER_VOTER} votes, 1 in ${DOUBLE_VOTE_EVERY} also tries a double vote`);
    const api = await voteThroughApi(
      apiProcess.url,
      () => sampleCpu([apiProcess.pid], postmaster),
      roundId,
      residents,
      projectIds,
    );
    const apiRss = peakRssMb(apiProcess.pid);
    note(`${latencyLine('API', api)}\n${cpuLine('API', api)}`);

    const bareRound = await createRound(office, competitionId, '压测 · 对照', { live: false, component: false });
    await issueCodes(office, bareRound, Math.ceil(api.accepted / VOTES_PER_VOTER));
    const rows = await bareRows(client, bareRound, projectIds, api.accepted);
    const bareProcess = await startServerProcess('apps/api/bench/bare-vote-server.ts', {
      DATABASE_POOL_SIZE: POOL_SIZE,
    });
    started.push(bareProcess);
    note(`the ceiling: ${rows.length} vote rows through the bare handler`);
    const bare = await voteThroughBare(bareProcess.url, () => sampleCpu([bareProcess.pid], postmaster), rows);
    const bareRss = peakRssMb(bareProcess.pid);
    note(`${latencyLine('bare (ceiling)', bare)}\n${cpuLine('bare', bare)}`);

    note(`the tally: writing ${TALLY_VOTES.toLocaleString('en')} votes by SQL`);
    const tallyRound = await createRound(office, competitionId, '压测 · 百万票计票', { live: true, component: false });
    await issueCodes(office, tallyRound, 1);
    const voided = await millionVotes(client, tallyRound, projectIds);
    const tallyTimes: number[] = [];
    let counted = 0;
    for (let run = 0; run < TALLY_RUNS; run += 1) {
      const answer = await office.exchange('GET', `/vote-rounds/${tallyRound}/tally`);
      if (answer.status !== 200) throw refusal('GET tally', answer);
      tallyTimes.push(answer.ms);
      counted = (answer.body as { valid: number }).valid;
    }
    if (counted !== TALLY_VOTES - voided)
      throw new Error(`the tally counted ${counted}, expected ${TALLY_VOTES - voided}`);
    office.close();

    const ratio = perSecond(api) / perSecond(bare);
    const p99 = percentile(api.latencies, 0.99);
    const tallyMedian = percentile(tallyTimes, 0.5);
    process.stdout.write(
      [
        `bench:votes — ${VOTERS} residents × ${VOTES_PER_VOTER} votes on ${CONNECTIONS} connections, one API process with ${POOL_SIZE} database connections; ` +
          `Node ${process.version}, ${availableParallelism()} cores shared by everything; Postgres ${settings}`,
        `load average (1 min) of the machine: ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
        `verification (POST /voter-sessions with a printed code): ${perSecond(signIns).toFixed(0)}/s, ` +
          `p50 ${ms(percentile(signIns.latencies, 0.5))}, p99 ${ms(percentile(signIns.latencies, 0.99))}`,
        'votes (every request, double votes refused included):',
        latencyLine('API', api),
        latencyLine('bare (ceiling)', bare),
        `accepted votes/s through the API: ${perSecond(api).toFixed(0)}: target ≥ ${TARGETS.votesPerSecond} ` +
          `${verdict(perSecond(api) >= TARGETS.votesPerSecond)}`,
        `vote latency through the API: p99 ${ms(p99)}: target ≤ ${TARGETS.p99Ms} ms ${verdict(p99 <= TARGETS.p99Ms)}`,
        `ratio API ÷ bare: ${ratio.toFixed(2)}: target ≥ ${TARGETS.ratio} ${verdict(ratio >= TARGETS.ratio)}`,
        'CPU per request (the machine’s cores are shared by all three):',
        cpuLine('API', api),
        cpuLine('bare', bare),
        `peak RSS: API ${apiRss.toFixed(0)} MB, bare ${bareRss.toFixed(0)} MB`,
        `tally of ${TALLY_VOTES.toLocaleString('en')} votes (${voided} voided) through GET /vote-rounds/:id/tally: ` +
          `first ${ms(tallyTimes[0])}, median of ${TALLY_RUNS} ${ms(tallyMedian)}: target ≤ ${TARGETS.tallyMs} ms ` +
          `${verdict(tallyMedian <= TARGETS.tallyMs)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    await client.end();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
