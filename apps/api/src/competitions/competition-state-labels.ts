import { COMPETITION_STATE_LABELS, CompetitionState } from '@app/domain';

/** How the office's staff name each state, for refusals that must make sense in Chinese. */
export const COMPETITION_STATE_ZH: Readonly<Record<CompetitionState, string>> = Object.fromEntries(
  Object.values(CompetitionState).map((state) => [state, COMPETITION_STATE_LABELS[state].zh]),
) as Record<CompetitionState, string>;

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
