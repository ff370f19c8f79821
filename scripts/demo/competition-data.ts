import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo's competition (competition-2026.json) and what its communities send: the demo and
 * bench:roadshow build their roadshows from the same data through the same API calls.
 */
export interface DemoProject {
  readonly community: string;
  readonly category: string;
  readonly title: string;
  readonly requestedYuan: number;
  readonly matchingYuan: number;
  readonly quality: number;
  readonly who: string;
  readonly count: number;
  readonly summary: string;
  readonly need: string;
  readonly screenOut?: string;
}

export interface DemoData {
  readonly competition: {
    readonly title: string;
    readonly preset: string;
    readonly poolYuan: number;
    readonly grantor: { readonly name: string; readonly address: string; readonly representative: string };
  };
  readonly orderSeed: string;
  readonly scoreSeed: number;
  readonly projects: readonly DemoProject[];
  readonly judges: readonly { readonly name: string; readonly group: string; readonly community?: string }[];
}

export const fen = (yuan: number): number => yuan * 100;

export function readDemoData(): DemoData {
  return JSON.parse(readFileSync(join(__dirname, 'competition-2026.json'), 'utf8')) as DemoData;
}

/** POST /competitions: the demo's competition, open for submissions for two hours. */
export function competitionOf(data: DemoData, title = data.competition.title): Record<string, unknown> {
  return {
    preset: data.competition.preset,
    title,
    poolFen: fen(data.competition.poolYuan),
    submissionDeadline: new Date(Date.now() + 2 * 3600 * 1000).toISOString(),
    grantor: data.competition.grantor,
  };
}

/** POST /organizations: the community's residents' committee and its applicant account. */
export function registrationOf(
  project: DemoProject,
  index: number,
  applicant: { readonly login: string; readonly password: string },
): Record<string, unknown> {
  return {
    kind: 'community',
    name: `${project.community}社区居民委员会`,
    community: project.community,
    district: '佛山市三水区西南街道',
    contactName: '社区党委书记',
    contactPhone: `0757-877${String(10000 + index).slice(1)}`,
    applicant: { ...applicant, displayName: `${project.community}社区申报人` },
  };
}

function budgetLines(project: DemoProject): { item: string; kind: string; amountFen: number }[] {
  const total = fen(project.requestedYuan + project.matchingYuan);
  // Half and three tenths, in whole fen by integer division; the last line takes what is left.
  const activities = Math.floor(total / 2);
  const materials = Math.floor((total * 3) / 10);
  return [
    { item: '服务活动开展（场地、物料、交通）', kind: '活动', amountFen: activities },
    { item: '志愿者培训与保险', kind: '培训', amountFen: materials },
    { item: '宣传与成果展示', kind: '宣传', amountFen: total - activities - materials },
  ];
}

/** POST /competitions/{id}/submissions: the project's draft, budget and milestones. */
export function submissionOf(project: DemoProject): Record<string, unknown> {
  return {
    title: project.title,
    category: project.category,
    summary: project.summary,
    needAddressed: project.need,
    beneficiaries: { who: project.who, count: project.count },
    targets: [`服务 ${project.count} 名${project.who}`, '每月开展活动不少于 2 次', '项目结束时满意度不低于 90%'],
    requestedFen: fen(project.requestedYuan),
    matchingFen: fen(project.matchingYuan),
    budgetLines: budgetLines(project),
    milestones: [
      { title: '项目启动与团队组建', due: '2027-03-31' },
      { title: '中期评估', due: '2027-07-31' },
      { title: '结项评估', due: '2027-12-15' },
    ],
  };
}
