import { COMPETITION_STATES, labelOf } from '../shared/labels.js';
import { tx } from '../shared/text.js';

/** The competition's state as the page head shows it; replaced in place when a run moves it on. */
export function stateBadge(state) {
  return tx('span', labelOf(COMPETITION_STATES, state), { class: 'badge', 'data-testid': 'competition-state' });
}
