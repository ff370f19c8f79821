import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '@app/scoring';
import { ApiClient } from './api-client';
import { saveAuditExport } from './audit-chain';
import { DemoData, DemoProject, competitionOf, readDemoData, registrationOf, submissionOf } from './competition-data';
import { ROOT, createOffice, inDatabase, pad, say, signIn, yuan } from './demo-support';
import { OfficeTree, officeTree, showTenantIsolation } from './tenants';
import { DemoWebhookReceiver } from './webhook-receiver';
import { playDongguanCompetition } from './dongguan-competition';
import { followTheProjectYear } from './grants-year';
import { playNeedsStart } from './needs-start';
import { CriterionLimit, simulateMarks } from './score-simulation';

const receiver = new DemoWebhookReceiver();

/**
 * The main job, end to end, through the public API: the office creates the competition, sixteen
 * communities apply, one is screened out, seven judges score a roadshow, the worker ranks and
 * allocates, the office publishes, the agreements are rendered and downloaded, and the project year
 * follows (grants-year.ts); then a second competition ranks by components the way 东莞 did, with
 * directed donations and a public vote (dongguan-competition.ts, public-vote.ts).
 * Usage: run-competition.ts BASE_URL OUTPUT_DIR (scripts/demo.sh starts the servers first).
 */

interface Competition {
  readonly id: string;
  readonly state: string;
  readonly rules: {
    readonly rubric: readonly CriterionLimit[];
    readonly categories: readonly { key: string; labelZh: string }[];
  };
}

interface Slot {
  readonly id: string;
  readonly position: number;
  readonly submissionId: string;
  readonly title: string;
  readonly community: string;
  readonly announcedScore: string | null;
}

interface ResultRow {
  readonly rank: number;
  readonly community: string;
  readonly projectTitle: string;
  readonly score: string;
  readonly grantFen: number;
  readonly submissionId: string;
  readonly reason: { readonly code: string; readonly zh: string; readonly en: string };
}

interface DemoContext {
  readonly api: ApiClient;
  readonly office: ApiClient;
  readonly applicants: ReadonlyMap<string, ApiClient>;
  readonly competition: Competition;
  readonly roadshowId: string;
  readonly judgeCodes: readonly { name: string; code: string }[];
  readonly submissions: ReadonlyMap<string, { project: DemoProject; id: string }>;
}

async function transition(office: ApiClient, competitionId: string, to: string): Promise<void> {
  await office.post(`/competitions/${competitionId}/transitions`, { to });
}

/** Office, applicants and screening: up to the roadshow. */
async function prepareCompetition(
  api: ApiClient,
  data: DemoData,
  runId: string,
  tree: OfficeTree,
): Promise<DemoContext> {
  const officeAccount = createOffice(`xinan-office-${runId}`, '西南街道党建办', tree.streetId);
  const office = await signIn(api, officeAccount.login, officeAccount.password);
  say(`事件推送 / webhook receiver registered for the office: ${await receiver.register(office)}`);
  const competition = await office.post<Competition>('/competitions', competitionOf(data));
  await transition(office, competition.id, 'open');
  say(
    `办公室创建大赛 / office created "${data.competition.title}", pool ¥${data.competition.poolYuan.toLocaleString('en')}`,
  );

  const submissions = new Map<string, { project: DemoProject; id: string }>();
  const applicants = new Map<string, ApiClient>();
  for (const [index, project] of data.projects.entries()) {
    const login = `${runId}-applicant-${index + 1}`;
    const password = randomBytes(12).toString('base64url');
    await api.post('/organizations', registrationOf(project, index, { login, password }));
    const applicant = await signIn(api, login, password);
    const draft = await applicant.post<{ id: string }>(
      `/competitions/${competition.id}/submissions`,
      submissionOf(project),
    );
    await applicant.post(`/submissions/${draft.id}/submit`);
    submissions.set(project.community, { project, id: draft.id });
    applicants.set(project.community, applicant);
  }
  say(`申报 / ${submissions.size} communities submitted their projects`);

  await transition(office, competition.id, 'closed');
  await transition(office, competition.id, 'screening');
  for (const { project, id } of submissions.values()) {
    await office.post(`/submissions/${id}/screening`, {
      decision: project.screenOut ? 'rejected' : 'passed',
      reason: project.screenOut ?? '材料齐全，符合申报条件 / complete and eligible',
    });
    if (project.screenOut)
      say(`资格审查未通过 / screened out: ${project.community}「${project.title}」: ${project.screenOut}`);
  }
  await transition(office, competition.id, 'roadshow');

  const roadshow = await office.post<{ id: string }>(`/competitions/${competition.id}/roadshow`, {
    venue: '西南街道党群服务中心一楼报告厅',
  });
  const judgeCodes: { name: string; code: string }[] = [];
  for (const judge of data.judges) {
    const added = await office.post<{ code: string }>(`/roadshows/${roadshow.id}/judges`, {
      name: judge.name,
      group: judge.group,
      ...(judge.community ? { community: judge.community } : {}),
    });
    judgeCodes.push({ name: judge.name, code: added.code });
  }
  return { api, office, applicants, competition, roadshowId: roadshow.id, judgeCodes, submissions };
}

/** The roadshow: order drawn from the recorded seed, each pitch scored by the tablets, each slot locked. */
async function runRoadshow(context: DemoContext, data: DemoData): Promise<Slot[]> {
  const { api, office, competition, roadshowId } = context;
  await office.post(`/roadshows/${roadshowId}/draw`, { seed: data.orderSeed });
  say(`出场顺序抽签 / order drawn from seed "${data.orderSeed}"`);
  const judges = await Promise.all(
    context.judgeCodes.map(async ({ name, code }) => ({
      name,
      client: api.as((await api.post<{ token: string }>('/judge-sessions', { code, roadshowId })).token),
    })),
  );
  const random = seededRandom(data.scoreSeed);
  const leniency = new Map(judges.map((j) => [j.name, (random() - 0.5) * 0.08]));
  const byId = new Map([...context.submissions.values()].map((s) => [s.id, s.project]));
  const state = await office.get<{ slots: Slot[] }>(`/roadshows/${roadshowId}`);
  let keySequence = 0;
  for (const slot of state.slots) {
    await office.post(`/roadshows/${roadshowId}/slots/${slot.id}/start`);
    await office.post(`/roadshows/${roadshowId}/slots/${slot.id}/open-scoring`);
    const project = byId.get(slot.submissionId);
    for (const judge of judges) {
      const own = await judge.client.get<{ items: { slotId: string; recused: boolean }[] }>('/judge/slots');
      if (own.items.find((s) => s.slotId === slot.id)?.recused) {
        say(`  回避 / ${judge.name} is recused from ${slot.community}「${slot.title}」`);
        continue;
      }
      keySequence += 1;
      const marks = simulateMarks(
        random,
        competition.rules.rubric,
        project?.quality ?? 0.7,
        leniency.get(judge.name) ?? 0,
      );
      await judge.client.put(`/judge/slots/${slot.id}/score`, marks, {
        'idempotency-key': `demo-${roadshowId}-${keySequence}`,
      });
    }
    await office.post(`/roadshows/${roadshowId}/slots/${slot.id}/lock`);
  }
  await transition(office, competition.id, 'scoring-closed');
  const locked = await office.get<{ slots: Slot[] }>(`/roadshows/${roadshowId}`);
  for (const slot of locked.slots) {
    say(`  ${String(slot.position).padStart(2)}. ${slot.community}「${slot.title}」 ${slot.announcedScore ?? '-'}`);
  }
  return locked.slots;
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5 * 60 * 1000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not finish within 5 minutes`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Ranking and allocation by the worker, the results table, 公示 with an objection, award. */
async function rankPublishAward(context: DemoContext): Promise<ResultRow[]> {
  const { office, competition } = context;
  const run = await office.post<{ id: string }>(`/competitions/${competition.id}/runs`);
  const finished = await poll(
    'ranking run',
    () => office.get<{ status: string; progress: number; error: { message_en?: string } | null }>(`/runs/${run.id}`),
    (r) => r.status === 'succeeded' || r.status === 'failed',
  );
  if (finished.status !== 'succeeded') throw new Error(`ranking run failed: ${finished.error?.message_en ?? ''}`);
  const results = await office.get<{ items: ResultRow[]; poolFen: number; totalFen: number; inputHash: string }>(
    `/competitions/${competition.id}/results`,
  );

  say('');
  say(`排名与资助结果 / results (run ${run.id}, input hash ${results.inputHash.slice(0, 16)}…)`);
  say(`${pad('名次', 6)}${pad('社区', 10)}${pad('项目', 44)}${pad('得分', 8)}${pad('资助金额', 12)}原因 / reason`);
  for (const row of results.items) {
    say(
      `${pad(String(row.rank), 6)}${pad(row.community, 10)}${pad(row.projectTitle, 44)}${pad(row.score, 8)}` +
        `${pad(row.grantFen > 0 ? yuan(row.grantFen) : '—', 12)}${row.reason.zh} / ${row.reason.en}`,
    );
  }
  say(`合计 / total ${yuan(results.totalFen)} of ${yuan(results.poolFen)}`);

  const notice = await office.post<{ id: string; endsAt: string }>(`/competitions/${competition.id}/publication`);
  say('');
  say(`公示 / public notice until ${notice.endsAt}`);
  const objector = [...results.items].reverse().find((r) => r.grantFen === 0);
  const objectorCommunity = objector?.community ?? '';
  const applicant = context.applicants.get(objectorCommunity);
  if (objector && applicant) {
    const objection = await applicant.post<{ id: string }>(`/publications/${notice.id}/objections`, {
      submissionId: objector.submissionId,
      reason: '我社区项目覆盖居民多，请复核评分。/ Our project serves many residents; please review the scores.',
    });
    await office.post(`/objections/${objection.id}/answer`, {
      decision: 'rejected',
      answer:
        '经复核，评分与计算无误，维持原结果。/ Reviewed: the scores and the calculation are correct; the result stands.',
    });
    say(`异议 / objection by ${objectorCommunity} answered: rejected after review`);
  }
  await skipNoticePeriod(notice.id);
  await office.post(`/competitions/${competition.id}/award`);
  say('公示期满无异议，确定资助 / notice period over, no open objection: awarded');
  return results.items;
}

/**
 * The only step not taken through the API: a real notice period lasts days, so the demo ends it
 * now in the database, and says so.
 */
async function skipNoticePeriod(publicationId: string): Promise<void> {
  await inDatabase((db) =>
    db.query(`UPDATE publication SET starts_at = now() - interval '7 days', ends_at = now() WHERE id = $1`, [
      publicationId,
    ]),
  );
  say('演示：跳过 7 天公示期 / demo: the 7-day notice period is skipped');
}

async function downloadAgreements(context: DemoContext, outputDir: string): Promise<string> {
  const { office, competition } = context;
  const list = await poll(
    'agreement rendering',
    () =>
      office.get<{ expected: number; rendered: number; items: { id: string; number: string; projectTitle: string }[] }>(
        `/competitions/${competition.id}/agreements`,
      ),
    (l) => l.expected > 0 && l.rendered === l.expected,
  );
  const folder = join(outputDir, 'agreements');
  mkdirSync(folder, { recursive: true });
  for (const agreement of list.items) {
    const pdf = await office.download(`/agreements/${agreement.id}/pdf`);
    writeFileSync(join(folder, `${agreement.number}-${agreement.projectTitle.replace(/[\\/:*?"<>|]/g, '_')}.pdf`), pdf);
  }
  say(`协议书 / ${list.items.length} agreements rendered and downloaded`);
  return folder;
}

async function main(baseUrl: string, outputDir: string): Promise<void> {
  const data = readDemoData();
  const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const api = new ApiClient(baseUrl);
  mkdirSync(outputDir, { recursive: true });
  await receiver.start();
  const tree = await officeTree();
  const context = await prepareCompetition(api, data, runId, tree);
  await runRoadshow(context, data);
  const results = await rankPublishAward(context);
  const folder = await downloadAgreements(context, outputDir);
  await followTheProjectYear({
    api,
    office: context.office,
    applicants: context.applicants,
    competitionId: context.competition.id,
    funded: results.filter((row) => row.grantFen > 0),
    runId,
    tenantId: tree.streetId,
  });
  const started = Date.now();
  await playDongguanCompetition(api, context.office, runId, data.competition.grantor, join(outputDir, 'api.log'));
  say(`（第二场大赛用时 / the second competition took ${((Date.now() - started) / 1000).toFixed(1)} s）`);
  const needsStarted = Date.now();
  await playNeedsStart(api, runId, join(outputDir, 'api.log'));
  say(`（点单式用时 / the needs part took ${((Date.now() - needsStarted) / 1000).toFixed(1)} s）`);
  await receiver.settle();
  await receiver.close();
  say(receiver.summary());
  await showTenantIsolation(api, tree, context.competition.id, runId);
  writeFileSync(join(outputDir, 'judge-codes.txt'), context.judgeCodes.map((j) => `${j.name}\t${j.code}\n`).join(''));
  say(`agreements: ${folder}`);
  await saveAuditExport(context.office, outputDir);
  say('');
  say(`管理控制台 / office console: ${baseUrl}/office/`);
  say(
    `评委平板 / judge tablets:    ${baseUrl}/judge/#r=${context.roadshowId}  codes: ${context.judgeCodes.map((j) => `${j.name} ${j.code}`).join(', ')}`,
  );
  say(`大屏幕 / big screen:         ${baseUrl}/screen/?roadshow=${context.roadshowId}`);
}

const [baseUrl, outputDir] = process.argv.slice(2);
main(baseUrl ?? 'http://127.0.0.1:3000', resolve(outputDir ?? join(ROOT, '.data/demo'))).catch((error: unknown) => {
  process.stderr.write(`演示失败 / demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
