import { CompetitionState } from '@app/domain';

/** How the office's staff name each state, for refusals that must make sense in Chinese. */
export const COMPETITION_STATE_ZH: Readonly<Record<CompetitionState, string>> = {
  [CompetitionState.Draft]: '草稿',
  [CompetitionState.Open]: '征集中',
  [CompetitionState.Closed]: '征集截止',
  [CompetitionState.Screening]: '资格审查',
  [CompetitionState.Roadshow]: '路演',
  [CompetitionState.ScoringClosed]: '评分结束',
  [CompetitionState.Ranked]: '已排名',
  [CompetitionState.Allocated]: '资金已分配',
  [CompetitionState.Publicity]: '公示中',
  [CompetitionState.Awarded]: '已立项',
  [CompetitionState.InProgress]: '项目执行中',
  [CompetitionState.Finished]: '已结束',
};

/** 「征集中」(open): the Chinese name with the identifier an API client sends. */
export function stateZh(state: CompetitionState): string {
  return `「${COMPETITION_STATE_ZH[state]}」(${state})`;
}

/** "2026-03-31 17:00 (北京时间)": deadlines as the office published them. */
export function beijingTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
