import type { BundleInputs, BundleRules, BundleSheet } from './bundle.types';

export const PARTY_BUILDING_RULES: BundleRules = {
  rubric: [
    {
      key: 'party-leadership',
      labelZh: '党建引领',
      labelEn: 'Party-building leadership',
      maxPoints: '1',
      weight: '1',
      gate: true,
    },
    { key: 'need', labelZh: '需求精准', labelEn: 'Need addressed', maxPoints: '25', weight: '1', gate: false },
    { key: 'design', labelZh: '方案设计', labelEn: 'Project design', maxPoints: '25', weight: '1', gate: false },
    {
      key: 'feasibility',
      labelZh: '可行性与预算',
      labelEn: 'Feasibility and budget',
      maxPoints: '20',
      weight: '1',
      gate: false,
    },
    {
      key: 'participation',
      labelZh: '居民参与',
      labelEn: 'Resident participation',
      maxPoints: '15',
      weight: '1',
      gate: false,
    },
    {
      key: 'sustainability',
      labelZh: '可持续性',
      labelEn: 'Sustainability',
      maxPoints: '15',
      weight: '1',
      gate: false,
    },
  ],
  markDecimals: 2,
  aggregation: { method: 'trimmed-mean', drop: 1, minJudgesAfterTrim: 3, decimals: 2 },
  tieBreaks: ['median', 'criterion:need', 'lower-request', 'earlier-submission'],
  allocation: { rule: 'greedy', passScore: '60', minGrant: 500_000 },
  maxShareOfBudget: '0.8',
  onePerOrganization: true,
};

/** Marks that add up to `total`, filling the criteria in rubric order; the gate passes unless told. */
export function sheetFor(projectId: string, judgeId: string, total: string, gatePassed = true): BundleSheet {
  let left = Math.round(Number(total) * 100);
  const marks: Record<string, string> = {};
  for (const criterion of PARTY_BUILDING_RULES.rubric.filter((c) => !c.gate)) {
    const mark = Math.min(left, Number(criterion.maxPoints) * 100);
    marks[criterion.key] = (mark / 100).toFixed(2);
    left -= mark;
  }
  return { projectId, judgeId, marks, gates: { 'party-leadership': gatePassed } };
}

export const SANSHUI = [
  { id: 'p1-wudinggang', title: '发挥先锋作用·真情服务群众', community: '五顶岗', category: 'convenience' },
  { id: 'p2-zhoubian', title: '分享阅读书香·共享洲边文明', community: '洲边', category: 'education' },
  { id: 'p3-jianggen', title: '扶贫帮困献爱心·村企共建送关怀', community: '江根', category: 'poverty-relief' },
  { id: 'p4-yunxiu', title: '扶贫帮困为民生·心语家园齐共建', community: '云秀', category: 'poverty-relief' },
  { id: 'p5-wenfengxi', title: '养生保健真切为民·党群共建和谐家园', community: '文锋西', category: 'health' },
] as const;

/**
 * Judges' totals per project, judges 1–7 in seat order; null where the judge is recused
 * (judge 7 lives in 洲边, judge 6 declared a conflict with 云秀). The roadshow e2e uses the same.
 */
export const SANSHUI_TOTALS: readonly (readonly (string | null)[])[] = [
  ['85.01', '90.50', '78.00', '92.00', '88.00', '81.25', '95.00'],
  ['70.00', '87.00', '87.50', '87.26', '87.30', '99.00', null],
  ['66.50', '72.25', '80.00', '75.75', '69.00', '71.00', '74.50'],
  ['91.00', '93.50', '89.00', '94.25', '90.00', null, '92.75'],
  ['60.00', '64.00', '58.50', '62.00', '61.25', '63.75', '59.00'],
];

export const SANSHUI_GROUPS = ['expert', 'expert', 'expert', 'department', 'department', 'media', 'resident'];

/**
 * 佛山三水西南街道 "红色核动力": five projects, seven judges, two recusals, a ¥100,000 pool. Each
 * project asks ¥30,000 of a ¥35,000 budget (so the 80% cap is ¥28,000) except 文锋西, which asks
 * ¥10,000 of ¥12,000.
 */
export function sanshuiInputs(overrides: Partial<BundleInputs> = {}): BundleInputs {
  const judges = SANSHUI_GROUPS.map((group, i) => ({ id: `judge-${i + 1}`, seat: i + 1, group, weight: '1' }));
  const sheets: BundleSheet[] = [];
  const recusals: { projectId: string; judgeId: string }[] = [];
  SANSHUI.forEach((project, p) => {
    SANSHUI_TOTALS[p].forEach((total, j) => {
      if (total === null) recusals.push({ projectId: project.id, judgeId: judges[j].id });
      else sheets.push(sheetFor(project.id, judges[j].id, total));
    });
  });
  return {
    competition: { id: 'sanshui-2017', title: '2017年 "红色核动力" 党建项目创投大赛', rulesVersion: 1 },
    poolFen: 10_000_000,
    rules: PARTY_BUILDING_RULES,
    projects: SANSHUI.map((project, p) => ({
      id: project.id,
      title: project.title,
      category: project.category,
      organization: `org-${project.community}`,
      community: project.community,
      requestedFen: p === 4 ? 1_000_000 : 3_000_000,
      budgetFen: p === 4 ? 1_200_000 : 3_500_000,
      submittedAt: `2017-04-0${p + 1}T02:00:00.000Z`,
    })),
    judges,
    sheets,
    recusals,
    ...overrides,
  };
}
