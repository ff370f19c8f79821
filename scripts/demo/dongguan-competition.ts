import { randomBytes } from 'node:crypto';
import { seededRandom } from '@app/scoring';
import { ApiClient } from './api-client';
import { DemoProject, registrationOf, submissionOf } from './competition-data';
import { pad, say, signIn, yuan } from './demo-support';
import { runPublicVote } from './public-vote';
import { CriterionLimit, simulateMarks } from './score-simulation';

/**
 * A second competition, scored the way 东莞 ranked its first 公益创投 (60% on-site panel + 20%
 * directed donations + 20% online vote): six communities apply, the office imports the donations
 * each project raised as a CSV (¥1,000 a point, at most 100), residents vote in a public vote whose
 * bursts the review queue catches, the vote becomes points, five judges score the roadshow, the
 * worker ranks and allocates, the office publishes, and the component table is printed. Same
 * office, same API, its own seeds.
 */

const SEED = 20261204;
const POOL_YUAN = 40_000;

/** Six communities of 三水 beyond the first competition's, with the directed donations each raised (yuan). */
const PROJECTS: readonly (DemoProject & { readonly donationsYuan: string })[] = [
  project('芦苞', 'elderly', '长者饭堂·邻里共餐', 0.86, '82000'),
  project('大塘', 'children', '四点半课堂·四点半不孤单', 0.8, '123500'),
  project('南山', 'neighbourhood', '楼道微治理·邻里议事会', 0.74, '46800.50'),
  project('白坭', 'environment', '垃圾分类·绿色家园', 0.7, '95000'),
  project('乐平', 'elderly', '银龄互助·时间银行', 0.66, '30000'),
  project('云东海', 'children', '湿地自然课堂', 0.78, '12800'),
];

function project(
  community: string,
  category: string,
  title: string,
  quality: number,
  donationsYuan: string,
): DemoProject & { readonly donationsYuan: string } {
  return {
    community,
    category,
    title,
    requestedYuan: 10_000,
    matchingYuan: 2_000,
    quality,
    who: '社区居民',
    count: 120,
    summary: `${community}社区「${title}」：居民点单、社区制单，每月开展两次以上活动。`,
    need: `${community}社区居民在议事会上提出的需求，经社区需求清单汇总。`,
    donationsYuan,
  };
}

const JUDGES = [
  { name: '孙立群', group: 'expert' },
  { name: '郑海燕', group: 'expert' },
  { name: '冯志远', group: 'expert' },
  { name: '何丽萍', group: 'department' },
  { name: '曹文斌', group: 'media' },
];

interface Component {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly weight?: string;
}

interface Row {
  readonly rank: number;
  readonly community: string;
  readonly projectTitle: string;
  readonly score: string;
  readonly grantFen: number;
  readonly components: readonly { readonly key: string; readonly display: string }[];
}

/** The donations as the office's spreadsheet exports them: the results table's project ID column. */
function donationsCsv(ids: ReadonlyMap<string, string>): string {
  const rows = PROJECTS.map((p) => `${ids.get(p.community) ?? ''},${p.community},${p.donationsYuan}`);
  return `\uFEFF项目编号 / Project ID,社区 / Community,捐赠金额（元） / Donations (yuan)\r\n${rows.join('\r\n')}\r\n`;
}

export async function playDongguanCompetition(
  api: ApiClient,
  office: ApiClient,
  runId: string,
  grantor: unknown,
  apiLog: string,
): Promise<void> {
  say('');
  say('第二场大赛：东莞式评分 / a second competition, ranked the Dongguan way (60% panel + 20% donations + 20% vote)');
  const title = '2026年 社区公益创投（现场评审·定向捐赠·网络投票）';
  const competition = await office.post<{ id: string; rules: { rubric: readonly CriterionLimit[] } }>('/competitions', {
    preset: 'dongguan',
    title,
    poolFen: POOL_YUAN * 100,
    submissionDeadline: new Date(Date.now() + 2 * 3600 * 1000).toISOString(),
    grantor,
  });
  const go = (to: string) => office.post(`/competitions/${competition.id}/transitions`, { to });
  await go('open');
  const ids = new Map<string, string>();
  for (const [index, entry] of PROJECTS.entries()) {
    const login = `${runId}-dongguan-${index + 1}`;
    const password = randomBytes(12).toString('base64url');
    await api.post('/organizations', registrationOf(entry, 100 + index, { login, password }));
    const applicant = await signIn(api, login, password);
    const draft = await applicant.post<{ id: string }>(
      `/competitions/${competition.id}/submissions`,
      submissionOf(entry),
    );
    await applicant.post(`/submissions/${draft.id}/submit`);
    ids.set(entry.community, draft.id);
  }
  await go('closed');
  await go('screening');
  for (const id of ids.values()) {
    await office.post(`/submissions/${id}/screening`, {
      decision: 'passed',
      reason: '材料齐全，符合申报条件 / complete and eligible',
    });
  }
  say(`申报 / ${ids.size} communities applied and passed screening`);

  await office.post(`/competitions/${competition.id}/components/donations/import`, { csv: donationsCsv(ids) });
  await office.post(`/competitions/${competition.id}/components/donations/lock`);
  say(
    '办公室导入定向捐赠金额（CSV，每 1,000 元计 1 分，最高 100 分）并锁定 / office imported the directed donations (CSV, ¥1,000 a point, at most 100) and locked them',
  );

  await runPublicVote({
    api,
    office,
    competition: { id: competition.id, title },
    projects: PROJECTS.map((p) => ({ id: ids.get(p.community) ?? '', community: p.community })),
    componentKey: 'vote',
    apiLog,
  });

  await go('roadshow');
  const roadshow = await office.post<{ id: string }>(`/competitions/${competition.id}/roadshow`, {
    venue: '西南街道社区服务中心二楼会议室',
  });
  const judges: ApiClient[] = [];
  for (const judge of JUDGES) {
    const added = await office.post<{ code: string }>(`/roadshows/${roadshow.id}/judges`, judge);
    const session = await api.post<{ token: string }>('/judge-sessions', { code: added.code, roadshowId: roadshow.id });
    judges.push(api.as(session.token));
  }
  await office.post(`/roadshows/${roadshow.id}/draw`, { seed: `dongguan-${SEED}` });
  const random = seededRandom(SEED);
  const quality = new Map(PROJECTS.map((p) => [ids.get(p.community), p.quality]));
  const state = await office.get<{ slots: { id: string; submissionId: string }[] }>(`/roadshows/${roadshow.id}`);
  for (const slot of state.slots) {
    await office.post(`/roadshows/${roadshow.id}/slots/${slot.id}/start`);
    await office.post(`/roadshows/${roadshow.id}/slots/${slot.id}/open-scoring`);
    for (const [j, judge] of judges.entries()) {
      const marks = simulateMarks(random, competition.rules.rubric, quality.get(slot.submissionId) ?? 0.7, 0);
      await judge.put(`/judge/slots/${slot.id}/score`, marks, { 'idempotency-key': `dongguan-${slot.id}-${j}` });
    }
    await office.post(`/roadshows/${roadshow.id}/slots/${slot.id}/lock`);
  }
  await go('scoring-closed');
  say(
    `路演 / ${JUDGES.length} judges scored ${state.slots.length} pitches; the stage announced the roadshow part (路演得分)`,
  );

  const run = await office.post<{ id: string }>(`/competitions/${competition.id}/runs`);
  const deadline = Date.now() + 5 * 60 * 1000;
  for (;;) {
    const status = await office.get<{ status: string; error: { message_en?: string } | null }>(`/runs/${run.id}`);
    if (status.status === 'succeeded') break;
    if (status.status === 'failed') throw new Error(`ranking run failed: ${status.error?.message_en ?? ''}`);
    if (Date.now() > deadline) throw new Error('the ranking run did not finish within 5 minutes');
    await new Promise((r) => setTimeout(r, 300));
  }
  const results = await office.get<{ items: Row[]; components: Component[]; totalFen: number; poolFen: number }>(
    `/competitions/${competition.id}/results`,
  );
  say('');
  say('评分构成表 / the component table');
  say(
    `${pad('名次', 6)}${pad('社区', 8)}${pad('项目', 30)}` +
      results.components.map((c) => pad(`${c.labelZh}`, 10)).join('') +
      `${pad('总分', 8)}资助金额 / grant`,
  );
  for (const row of results.items) {
    const parts = results.components.map((c) =>
      pad(row.components.find((part) => part.key === c.key)?.display ?? '', 10),
    );
    say(
      `${pad(String(row.rank), 6)}${pad(row.community, 8)}${pad(row.projectTitle, 30)}${parts.join('')}` +
        `${pad(row.score, 8)}${row.grantFen > 0 ? yuan(row.grantFen) : '—'}`,
    );
  }
  say(
    `权重 / weights: ${results.components.map((c) => `${c.labelZh} / ${c.labelEn} ${c.weight ?? ''}`).join(' · ')}; ` +
      `合计 / total ${yuan(results.totalFen)} of ${yuan(results.poolFen)}`,
  );
  const notice = await office.post<{ endsAt: string }>(`/competitions/${competition.id}/publication`);
  say(`公示 / public notice until ${notice.endsAt}`);
}
