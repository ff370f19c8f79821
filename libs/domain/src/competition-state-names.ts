import { CompetitionState } from './competition-lifecycle';
import { COMPETITION_STATE_LABELS } from './labels';

/** 「征集中」: a state as a refusal names it in Chinese. */
export function stateZh(state: CompetitionState): string {
  return `「${COMPETITION_STATE_LABELS[state].zh}」`;
}

/** "Open for submissions": a state as a refusal names it in English. */
export function stateEn(state: CompetitionState): string {
  return `"${COMPETITION_STATE_LABELS[state].en}"`;
}
