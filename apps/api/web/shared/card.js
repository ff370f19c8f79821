// The console's and the applicant pages' unit of a page: a section with a bilingual heading, an
// optional bilingual hint under it, then what the card holds.
import { h } from './dom.js';
import { tx } from './i18n.js';

/**
 * A card: section.card with its h2 `title`, `hint` as a hint paragraph when given, then `content`.
 * `headingId` gives the h2 an id and labels the section with it; other options are the section's
 * attributes (data-testid and the like).
 */
export function card({ title, hint, headingId, ...attributes }, ...content) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': headingId, ...attributes },
    tx('h2', title, { id: headingId }),
    hint && tx('p', hint, { class: 'hint' }),
    ...content,
  );
}
