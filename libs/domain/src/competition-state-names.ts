import { CompetitionState } from './competition-lifecycle';
import { BilingualMessage } from './domain-error';

/** How the office's staff name each state, Chinese first. */
export const COMPETITION_STATE_NAMES: Readonly<Record<CompetitionState, BilingualMessage>> = {
  [CompetitionState.Draft]: { zh: '草稿', en: 'Draft' },
  [CompetitionState.Open]: { zh: '征集中', en: 'Open for submissions' },
  [CompetitionState.Closed]: { zh: '征集截止', en: 'Submissions closed' },
  [CompetitionState.Screening]: { zh: '资格审查', en: 'Screening' },
  [CompetitionState.Roadshow]: { zh: '路演', en: 'Roadshow' },
  [CompetitionState.ScoringClosed]: { zh: '评分结束', en: 'Scoring closed' },
  [CompetitionState.Ranked]: { zh: '已排名', en: 'Ranked' },
  [CompetitionState.Allocated]: { zh: '资金已分配', en: 'Allocated' },
  [CompetitionState.Publicity]: { zh: '公示中', en: 'Public notice' },
  [CompetitionState.Awarded]: { zh: '已立项', en: 'Awarded' },
  [CompetitionState.InProgress]: { zh: '项目执行中', en: 'In progress' },
  [CompetitionState.Finished]: { zh: '已结束', en: 'Finished' },
};

/** 「征集中」: a state as a refusal names it in Chinese. */
export function stateZh(state: CompetitionState): string {
  return `「${COMPETITION_STATE_NAMES[state].zh}」`;
}

/** "Open for submissions": a state as a refusal names it in English. */
export function stateEn(state: CompetitionState): string {
  return `"${COMPETITION_STATE_NAMES[state].en}"`;
}
