import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { VOTE_FLAG_LABELS, VoteFlag } from '@app/domain';
import { seededRandom, tallyVoteExport } from '@app/scoring';
import { ApiClient } from './api-client';
import { inDatabase, pad, say } from './demo-support';

/** A project of the competition, as the demo knows it. */
export interface VoteProject {
  readonly id: string;
  readonly community: string;
}

export interface PublicVoteDemo {
  readonly api: ApiClient;
  readonly office: ApiClient;
  readonly competition: { readonly id: string; readonly title: string };
  readonly projects: readonly VoteProject[];
  /** The rules component the vote's points fill. */
  readonly componentKey: string;
  /** The API's log, where the development SMS provider writes each code it "sends". */
  readonly apiLog: string;
}

interface Ballot {
  readonly projects: readonly { id: string; title: string; community: string }[];
}

interface ReviewQueue {
  readonly pending: number;
  readonly groups: readonly {
    flags: VoteFlag[];
    count: number;
    votes: { id: string; projectId: string; deviceHash: string }[];
  }[];
}

interface Tally {
  readonly valid: number;
  readonly projects: readonly { projectId: string; title: string; community: string; votes: number }[];
}

/** Residents per community that gets printed codes, and residents who verify by phone instead. */
const CODE_RESIDENTS = 50;
const PHONE_RESIDENTS = 16;
/** Each burst: one phone, slips of one community's batch never handed out, typed in one after another. */
const BURST_VOTES = 24;
/** Requests in flight at once: a few residents tapping at the same moment. */
const PARALLEL = 8;

async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index], index);
    }
  });
  await Promise.all(lanes);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The code the development SMS provider wrote to the API's log for this number (masked there as 139****0001). */
export async function smsCodeFromLog(apiLog: string, phone: string): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`.replace(/\*/g, '\\*');
  const pattern = new RegExp(`${masked}: .*?验证码为 (\\d{6})`, 'g');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const text = existsSync(apiLog) ? readFileSync(apiLog, 'utf8') : '';
    const found = [...text.matchAll(pattern)].at(-1);
    if (found) return found[1];
    await sleep(100);
  }
  throw new Error(`no SMS code for ${phone} in ${apiLog}`);
}

/**
 * The competition's public vote as a city would run it: the office opens a round and prints codes
 * for a few communities, a few hundred residents verify (printed codes, some by phone) and vote,
 * two bursts from one phone each are flagged, the office voids every vote of those phones through
 * the review queue and clears the rest, the round closes, the tally is printed, and the office
 * records it as the component's points and locks them for the ranking run.
 */
export async function runPublicVote(demo: PublicVoteDemo): Promise<void> {
  const { api, office, competition } = demo;
  const random = seededRandom(20260508);
  const communities = [...new Set(demo.projects.map((project) => project.community))];
  const round = await office.post<{ id: string }>(`/competitions/${competition.id}/vote-rounds`, {
    title: `${competition.title} 网络投票`,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    votesPerDay: null,
    votesTotal: 3,
    perProject: 1,
    perCategory: null,
    communities,
    methods: ['code', 'phone'],
    resultsVisibility: 'live',
    componentKey: demo.componentKey,
  });
  const ballot = await api.get<Ballot>(`/vote-rounds/${round.id}/ballot`);
  const candidates = ballot.projects.map((project) => project.id);
  say('');
  say(`== 网络投票 / public vote: ${api.baseUrl}/vote/#r=${round.id}`);

  const printed = communities.slice(0, 4);
  const slips: { community: string; code: string }[] = [];
  for (const community of printed) {
    const issued = await office.post<{ codes: string[] }>(`/vote-rounds/${round.id}/code-batches`, {
      community,
      count: CODE_RESIDENTS,
    });
    slips.push(...issued.codes.map((code) => ({ community, code })));
  }
  say(`投票码 / voter codes: ${CODE_RESIDENTS} for each of ${printed.join('、')}`);

  // Two communities' stacks of slips are raided before they are handed out: 24 codes each, typed
  // on one phone. The rest go to residents, each on their own phone.
  const raided = new Set([printed[1], printed[3]]);
  const stolen = [...raided].map((community) =>
    slips.filter((slip) => slip.community === community).slice(-BURST_VOTES),
  );
  const stolenCodes = new Set(stolen.flat().map((slip) => slip.code));
  const honestSlips = slips.filter((slip) => !stolenCodes.has(slip.code));

  // Some projects draw more residents than others; each resident ranks the projects their own way.
  const appeal = new Map(candidates.map((id) => [id, 0.3 + random()]));
  const preferences = (): string[] =>
    candidates
      .map((id) => ({ id, pull: (appeal.get(id) ?? 0) * random() }))
      .sort((a, b) => b.pull - a.pull)
      .map(({ id }) => id);
  const residents: { client: ApiClient; device: string; wants: number; choices: string[] }[] = [];
  await inParallel(honestSlips, async (slip, index) => {
    const session = await api.post<{ token: string }>('/voter-sessions', {
      roundId: round.id,
      method: 'code',
      code: slip.code,
    });
    residents.push({
      client: api.as(session.token),
      device: `resident-code-${index}`,
      wants: 1 + Math.floor(random() * 3),
      choices: preferences(),
    });
  });
  for (let i = 0; i < PHONE_RESIDENTS; i += 1) {
    const phone = `1390000${String(i + 1).padStart(4, '0')}`;
    await api.post('/voter-sessions/sms', { roundId: round.id, phone });
    const smsCode = await smsCodeFromLog(demo.apiLog, phone);
    const session = await api.post<{ token: string }>('/voter-sessions', {
      roundId: round.id,
      method: 'phone',
      phone,
      smsCode,
      community: communities[i % communities.length],
    });
    residents.push({
      client: api.as(session.token),
      device: `resident-phone-${i}`,
      wants: 1 + Math.floor(random() * 3),
      choices: preferences(),
    });
  }
  say(
    `居民 / residents verified: ${honestSlips.length} by printed code, ${PHONE_RESIDENTS} by phone (SMS codes from the development provider's log)`,
  );

  // Residents vote in passes with a pause between, as people read and tap: votes under a second
  // apart from one voter would be flagged as unnatural velocity.
  let cast = 0;
  for (let pass = 0; pass < 3; pass += 1) {
    await inParallel(
      residents.filter((resident) => resident.wants > pass),
      async (resident) => {
        await resident.client.post(`/voter/rounds/${round.id}/votes`, {
          projectId: resident.choices[pass],
          deviceId: resident.device,
        });
        cast += 1;
      },
    );
    await sleep(1100);
  }

  const target = candidates[candidates.length - 1];
  for (const [n, burst] of stolen.entries()) {
    const device = `burst-phone-${n}`;
    for (const slip of burst) {
      const session = await api.post<{ token: string }>('/voter-sessions', {
        roundId: round.id,
        method: 'code',
        code: slip.code,
      });
      await api.as(session.token).post(`/voter/rounds/${round.id}/votes`, { projectId: target, deviceId: device });
    }
  }
  say(`投票 / votes: ${cast} by residents, ${stolen.flat().length} in two bursts from two phones`);

  const voided = await reviewFlaggedVotes(office, round.id);

  await inDatabase((db) => db.query(`UPDATE vote_round SET closes_at = now() WHERE id = $1`, [round.id]));
  say('演示：投票期提前结束 / demo: the week-long voting window is ended now');
  await printTally(api, office, round.id, voided);
  const points = await office.post<{ projects: { votes: number; points: string }[] }>(
    `/vote-rounds/${round.id}/component-points`,
  );
  await office.post(`/competitions/${competition.id}/components/${demo.componentKey}/lock`);
  const top = Math.max(...points.projects.map((row) => row.votes));
  say(
    `计入评分 / recorded as points and locked: the most-voted project (${top} votes) gets the component's 100, the others in proportion`,
  );
}

/**
 * What an office does with the queue: a phone that voted in a burst is voided in every vote it
 * cast, not only the ones past the threshold; everything else flagged here comes from the demo's
 * residents all voting from one machine (one address, codes used within seconds) and is cleared.
 * Returns the voided votes per project.
 */
async function reviewFlaggedVotes(office: ApiClient, roundId: string): Promise<Map<string, number>> {
  const queue = await office.get<ReviewQueue>(`/vote-rounds/${roundId}/review-queue`);
  const votes = queue.groups.flatMap((group) => group.votes.map((vote) => ({ ...vote, flags: group.flags })));
  const burstDevices = new Set(
    votes.filter((vote) => vote.flags.includes(VoteFlag.DeviceBurst)).map((vote) => vote.deviceHash),
  );
  say('');
  say(`审核 / review queue: ${queue.pending} flagged`);
  for (const group of queue.groups) {
    say(`  ${pad(String(group.count), 5)}${group.flags.map((flag) => VOTE_FLAG_LABELS[flag].zh).join('；')}`);
  }
  const voided = votes.filter((vote) => burstDevices.has(vote.deviceHash));
  const cleared = votes.filter((vote) => !burstDevices.has(vote.deviceHash));
  const review = async (decision: 'void' | 'clear', reason: string, ids: readonly string[]) => {
    if (ids.length > 0) await office.post(`/vote-rounds/${roundId}/reviews`, { decision, reason, voteIds: ids });
  };
  await review(
    'void',
    '同一部手机一分钟内用多张投票码连续投票，系刷票 / one phone voting with many codes within a minute',
    voided.map((vote) => vote.id),
  );
  await review(
    'clear',
    '演示中居民都从同一台机器投票，各用自己的设备，核实无误 / the demo’s residents share one machine, each on their own device',
    cleared.map((vote) => vote.id),
  );
  say(
    `作废 / voided ${voided.length} (every vote of ${burstDevices.size} burst phones); 核实 / cleared ${cleared.length}`,
  );
  const perProject = new Map<string, number>();
  for (const vote of voided) perProject.set(vote.projectId, (perProject.get(vote.projectId) ?? 0) + 1);
  return perProject;
}

/** The public tally after the close, beside the voided votes, and the same tally recomputed from the export. */
async function printTally(
  api: ApiClient,
  office: ApiClient,
  roundId: string,
  voided: ReadonlyMap<string, number>,
): Promise<void> {
  const tally = await api.get<Tally>(`/vote-rounds/${roundId}/tally`);
  const csv = (await office.download(`/vote-rounds/${roundId}/votes.csv`)).toString('utf8');
  const recomputed = tallyVoteExport(csv, (text) => createHash('sha256').update(text, 'utf8').digest('hex'));
  say('');
  say('计票 / tally (voided votes never count; the export keeps them with the reason)');
  say(`${pad('社区', 10)}${pad('项目', 44)}${pad('有效', 6)}作废 / voided`);
  for (const row of tally.projects) {
    say(`${pad(row.community, 10)}${pad(row.title, 44)}${pad(String(row.votes), 6)}${voided.get(row.projectId) ?? 0}`);
  }
  const agrees = recomputed.valid === tally.valid && recomputed.altered.length === 0;
  say(
    `合计 / in all: ${tally.valid} valid, ${recomputed.voided} voided; recomputed from the CSV export: ` +
      `${recomputed.valid} valid, ${recomputed.altered.length} altered rows${agrees ? ' (agrees)' : ' (DOES NOT AGREE)'}`,
  );
  if (!agrees) throw new Error('the tally recomputed from the vote export differs from the API’s');
}
