import { seededRandom } from '@app/scoring';
import { ApiClient } from './api-client';
import { say } from './demo-support';

/** The evaluators' marks are drawn from a recorded seed, so every run tells the same story. */
const MARKS_SEED = 2027;

/**
 * The evaluations of the fast-forwarded year, through the public API: a mid-term round by an
 * eight-person panel (two of each of 义乌江东's four groups, one resident recused automatically from
 * her own community's project), where the last-ranked project fails, remediates and passes its
 * re-evaluation; then the final evaluation with stars. The first expert scores on a tablet with the
 * code the office handed out; the office enters the other evaluators' paper sheets.
 */
interface IssuedCode {
  readonly code: string;
  readonly signInUrl: string;
  readonly evaluator: { readonly id: string; readonly name: string };
}

interface Round {
  readonly id: string;
  readonly evaluators: readonly { readonly id: string; readonly name: string }[];
  readonly recusals: readonly { readonly evaluatorId: string; readonly grantId: string; readonly reason: string }[];
  readonly projects: readonly {
    readonly grantId: string;
    readonly community: string;
    readonly result: null | {
      readonly score: string;
      readonly band: string;
      readonly bandLabelZh: string;
      readonly stars: number | null;
      readonly outcome: string;
      readonly remediationDueOn: string | null;
    };
  }[];
}

const PANEL = [
  { name: '陈志明（高校社工系）', group: 'expert' },
  { name: '林慧（社会组织评估中心）', group: 'expert' },
  { name: '何建华（民政办）', group: 'department' },
  { name: '梁少芬（财政所）', group: 'department' },
  { name: '黄伟（三水电视台）', group: 'media' },
  { name: '区美玲（西南街道报）', group: 'media' },
  { name: '吴桂英（居民代表）', group: 'resident' },
] as const;

/**
 * Each evaluator's noise on each project, drawn in rank order and seat order, so the marks do not
 * depend on the order the server lists the projects in.
 */
function noiseTable(seed: number, communities: readonly string[]): (community: string, seat: number) => number {
  const random = seededRandom(seed);
  const table = new Map(communities.map((community) => [community, Array.from({ length: PANEL.length + 1 }, random)]));
  return (community, seat) => table.get(community)?.[seat] ?? 0;
}

/** 义乌江东's five criteria (30/20/15/15/20), marks adding up to `total`, to two decimals. */
function marksFor(total: number): Record<string, string> {
  const share = (max: number) => Math.round(total * max) / 100;
  const quality = share(30);
  const progress = share(20);
  const awareness = share(15);
  const participation = share(15);
  const satisfaction = Math.round((total - quality - progress - awareness - participation) * 100) / 100;
  return {
    quality: quality.toFixed(2),
    progress: progress.toFixed(2),
    awareness: awareness.toFixed(2),
    participation: participation.toFixed(2),
    satisfaction: satisfaction.toFixed(2),
  };
}

/**
 * Opens a round, seats the panel (the eighth, a resident of `residentOf`'s community, is recused from
 * its project automatically), has the first expert sign in on a tablet with the code and score there,
 * enters every other sheet from `totalOf` as the office and closes the round.
 */
async function holdRound(
  office: ApiClient,
  competitionId: string,
  stage: 'mid' | 'final' | 're-evaluation',
  residentOf: string,
  totalOf: (community: string, seat: number) => number,
): Promise<Round> {
  const opened = await office.post<Round>(`/competitions/${competitionId}/evaluation-rounds`, { stage });
  const seated: IssuedCode[] = [];
  for (const member of PANEL) {
    seated.push(
      (await office.post<{ issuedCode: IssuedCode }>(`/evaluation-rounds/${opened.id}/evaluators`, member)).issuedCode,
    );
  }
  const onTablet = seated[0];
  const session = await new ApiClient(office.baseUrl).post<{ token: string }>('/evaluator-sessions', {
    roundId: opened.id,
    code: onTablet.code,
  });
  const tablet = office.as(session.token);
  const round = await office.post<Round>(`/evaluation-rounds/${opened.id}/evaluators`, {
    name: `邓丽娟（${residentOf}居民代表）`,
    group: 'resident',
    community: residentOf,
  });
  const recused = new Set(round.recusals.map((r) => `${r.evaluatorId}:${r.grantId}`));
  for (const [seat, evaluator] of round.evaluators.entries()) {
    for (const project of round.projects) {
      if (recused.has(`${evaluator.id}:${project.grantId}`)) continue;
      const criteria = marksFor(totalOf(project.community, seat));
      if (evaluator.id === onTablet.evaluator.id) {
        await tablet.put(`/evaluator/rounds/${round.id}/sheets/${project.grantId}`, { criteria });
      } else {
        await office.put(`/evaluation-rounds/${round.id}/sheets/${evaluator.id}/${project.grantId}`, { criteria });
      }
    }
  }
  return office.post<Round>(`/evaluation-rounds/${round.id}/close`);
}

/** Where the evaluators' tablet page is served. */
const origin = (client: ApiClient) => client.baseUrl.replace(/\/$/, '');

/** Each project's score, band and stars, in rank order. */
function summarise(round: Round, communities: readonly string[]): string {
  return [...round.projects]
    .sort((a, b) => communities.indexOf(a.community) - communities.indexOf(b.community))
    .map((p) => {
      const stars = p.result?.stars ? ` ${'★'.repeat(p.result.stars)}` : '';
      return `${p.community} ${p.result?.score ?? '—'} ${p.result?.band ?? ''}${stars}`;
    })
    .join('；');
}

/**
 * Mid-term, remediation and re-evaluation: every project passes but the last-ranked, which gets a C,
 * is given the rules' remediation period (skipped: the year is fast-forwarded) and passes its
 * re-evaluation. The passes release the mid-term tranches through the ledger.
 */
export async function midTermEvaluations(
  office: ApiClient,
  competitionId: string,
  communities: readonly string[],
): Promise<void> {
  const noise = noiseTable(MARKS_SEED, communities);
  const failing = communities[communities.length - 1];
  const base = new Map(communities.map((community, rank) => [community, 88 - rank * 1.5]));
  const mid = await holdRound(office, competitionId, 'mid', communities[0], (community, seat) =>
    community === failing
      ? 48 + seat + noise(community, seat) * 4
      : (base.get(community) ?? 80) - 3 + noise(community, seat) * 6,
  );
  const [recusal] = mid.recusals;
  say(
    `中期评估 / mid-term evaluation by 8 evaluators (two experts, departments, media, residents; ` +
      `${mid.evaluators.find((e) => e.id === recusal?.evaluatorId)?.name ?? ''} recused: ${recusal?.reason ?? '—'})`,
  );
  say(
    `  ${mid.evaluators[0]?.name ?? ''} 在平板上凭签到码评分（${origin(office)}/evaluate/），其余 7 位的纸质评分表由街道录入 / ` +
      'scored on a tablet with an evaluator code; the office entered the other 7 paper sheets',
  );
  say(`  ${summarise(mid, communities)}`);
  const failed = mid.projects.find((p) => p.community === failing)?.result;
  say(
    `  ${failing}: ${failed?.bandLabelZh ?? ''} (${failed?.band ?? ''}), 限期整改至 ${failed?.remediationDueOn ?? ''} ` +
      `/ remediation until ${failed?.remediationDueOn ?? ''}; 演示：整改期快进 / demo: the remediation period is fast-forwarded`,
  );
  const again = await holdRound(office, competitionId, 're-evaluation', communities[0], (_, seat) => 70 + seat * 0.5);
  const passed = again.projects[0]?.result;
  say(
    `整改后复评 / re-evaluation: ${failing} ${passed?.score ?? ''} ${passed?.bandLabelZh ?? ''} (${passed?.band ?? ''})`,
  );
}

/** The final evaluation of the fast-forwarded year, with stars. */
export async function finalEvaluation(
  office: ApiClient,
  competitionId: string,
  communities: readonly string[],
): Promise<void> {
  const noise = noiseTable(MARKS_SEED + 1, communities);
  const final = await holdRound(
    office,
    competitionId,
    'final',
    communities[0],
    (community, seat) => 93 - communities.indexOf(community) * 2.5 + noise(community, seat) * 3,
  );
  say(`结项评估 / final evaluation with stars: ${summarise(final, communities)}`);
}
