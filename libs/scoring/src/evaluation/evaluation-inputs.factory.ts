import type { BundleSheet } from '../bundle/bundle.types';
import type { EvaluationBundleInputs, EvaluationBundleRules } from './evaluation-bundle.types';

/** 义乌江东's five criteria out of 100 with a 党建 criterion as 辛店 rates first; four groups weighted alike. */
export const JIANGDONG_RULES: EvaluationBundleRules = {
  rubric: [
    { key: 'quality', labelZh: '项目质量', labelEn: 'Quality', maxPoints: '30', weight: '1', gate: false },
    { key: 'progress', labelZh: '项目进度', labelEn: 'Progress', maxPoints: '20', weight: '1', gate: false },
    { key: 'awareness', labelZh: '社会知晓度', labelEn: 'Public awareness', maxPoints: '15', weight: '1', gate: false },
    {
      key: 'participation',
      labelZh: '居民参与度',
      labelEn: 'Participation',
      maxPoints: '15',
      weight: '1',
      gate: false,
    },
    { key: 'satisfaction', labelZh: '满意度', labelEn: 'Satisfaction', maxPoints: '20', weight: '1', gate: false },
  ],
  markDecimals: 2,
  aggregation: {
    method: 'trimmed-mean',
    drop: 1,
    minJudgesAfterTrim: 3,
    decimals: 2,
    groupWeights: { expert: '0.25', department: '0.25', media: '0.25', resident: '0.25' },
  },
  bands: [
    { key: 'A', labelZh: '优秀', labelEn: 'Excellent', minScore: '85' },
    { key: 'B', labelZh: '合格', labelEn: 'Pass', minScore: '60' },
    { key: 'C', labelZh: '不合格', labelEn: 'Fail', minScore: '0' },
  ],
  stars: [
    { stars: 5, minScore: '90' },
    { stars: 4, minScore: '80' },
    { stars: 3, minScore: '70' },
  ],
  starGates: [{ criterion: 'quality', minShare: '0.6', effect: 'one-fewer' }],
};

const GROUPS = ['expert', 'department', 'media', 'resident'] as const;

/** Marks that add up to `total` of 100, spread over the five criteria in proportion to their maxima. */
export function marksFor(total: number): Record<string, string> {
  const share = total / 100;
  const quality = Math.round(30 * share * 100) / 100;
  const progress = Math.round(20 * share * 100) / 100;
  const awareness = Math.round(15 * share * 100) / 100;
  const participation = Math.round(15 * share * 100) / 100;
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
 * An eight-person panel (two of each group) on the given projects, each evaluator giving the
 * project's total from `totals`; `recusals` lists project:judge pairs whose sheets are left out.
 */
export function panelInputs(
  totals: Readonly<Record<string, readonly number[]>>,
  recusals: readonly { readonly projectId: string; readonly judgeId: string }[] = [],
): EvaluationBundleInputs {
  const judges = Array.from({ length: 8 }, (_, i) => ({
    id: `e${i + 1}`,
    seat: i + 1,
    group: GROUPS[Math.floor(i / 2)],
    weight: '1',
  }));
  const projectIds = Object.keys(totals).sort();
  const sheets: BundleSheet[] = projectIds.flatMap((projectId) =>
    judges.map((judge, i) => ({ projectId, judgeId: judge.id, marks: marksFor(totals[projectId][i]), gates: {} })),
  );
  return {
    round: { id: 'round-mid', competitionId: 'c-2026', stage: 'mid', rulesVersion: 1 },
    rules: JIANGDONG_RULES,
    projects: projectIds.map((id) => ({ id, title: `项目 ${id}`, organization: `org-${id}`, community: `社区 ${id}` })),
    judges,
    sheets,
    recusals: [...recusals],
  };
}
