import type { AllocationStatus, BundleDecision, BundleReason } from '@app/scoring';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Why a project got what it got, as the office and the applicant read it. */
export const REASON_LABELS: Readonly<Record<BundleReason, Bilingual>> = {
  'funded-in-full': { zh: '全额资助', en: 'funded in full' },
  'cap-applied': {
    zh: '按资助上限核减（申请额、单项上限或预算比例上限）',
    en: 'reduced to its cap (the request, the per-project maximum or the share of budget)',
  },
  'partial-remainder': {
    zh: '资金池余额不足全额，按剩余金额部分资助',
    en: 'partly funded with what was left of the pool',
  },
  'tier-amount': { zh: '按所在档位定额资助', en: 'the fixed amount of its tier' },
  'proportional-share': { zh: '按得分比例分配', en: 'a share of the pool in proportion to its score' },
  'below-threshold': { zh: '得分低于合格分数线', en: 'score below the pass mark' },
  'nothing-requested': { zh: '未申请资金', en: 'nothing was requested' },
  'below-minimum': { zh: '可资助金额低于最低资助额', en: 'the grant would be below the minimum grant' },
  'outside-tiers': { zh: '不在任何资助档位内', en: 'outside every funded tier' },
  'max-projects': { zh: '已达资助项目数上限', en: 'the maximum number of funded projects was reached' },
  'one-per-organization': { zh: '同一单位只资助一个项目', en: 'one funded project per organization' },
  'community-limit': { zh: '已达该社区资助项目数上限', en: "the community's limit of funded projects was reached" },
  'category-quota': { zh: '已达该类别的名额或金额上限', en: "the category's quota was reached" },
  'pool-exhausted': { zh: '资金池余额不足', en: 'not enough left in the pool' },
  'stopped-at-first-misfit': {
    zh: '按规则在第一个无法全额资助的项目处停止分配',
    en: 'allocation stopped at the first project that did not fit',
  },
  'not-selected-optimal': {
    zh: '不在总分最高的资助组合中',
    en: 'not in the combination that maximizes the total score',
  },
  'zero-share': { zh: '按比例分得的金额为零', en: 'its proportional share came to nothing' },
  'gate-failed': {
    zh: '未通过门槛项（如党建引领），不予资助',
    en: 'failed a gate criterion (such as party-building leadership)',
  },
};

export const STATUS_LABELS: Readonly<Record<AllocationStatus, Bilingual>> = {
  funded: { zh: '资助', en: 'funded' },
  'partly-funded': { zh: '部分资助', en: 'partly funded' },
  'not-funded': { zh: '不予资助', en: 'not funded' },
};

/** Why a project stands above the next one, in both languages. */
export function decisionLabel(decision: BundleDecision): Bilingual {
  switch (decision.kind) {
    case 'score':
      return { zh: '得分高于下一名', en: 'higher published score than the next' };
    case 'tie-break':
      return {
        zh: `与下一名得分相同，按第 ${decision.step} 项并列规则（${decision.labelZh}）排在其前`,
        en: `same score as the next; placed above it by tie-break ${decision.step}: ${decision.labelEn}`,
      };
    case 'id':
      return {
        zh: '与下一名得分及各项并列规则均相同，按项目编号排序',
        en: 'tied with the next on the score and every tie-break; ordered by project id',
      };
    case 'last':
      return { zh: '末位', en: 'last place' };
  }
}
