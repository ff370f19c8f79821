import { COMPETITION_STATE_LABELS } from '/vocabulary.js';
import { labelOf, tx } from '../shared/i18n.js';

/** The competition's state as the page head shows it; replaced in place when a run moves it on. */
export function stateBadge(state) {
  return tx('span', labelOf(COMPETITION_STATE_LABELS, state), { class: 'badge', 'data-testid': 'competition-state' });
}
