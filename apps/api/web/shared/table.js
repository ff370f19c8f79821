// The pages' data tables: a wrapper that scrolls sideways on a phone, one header row, body rows.
import { h } from './dom.js';
import { tx } from './i18n.js';

/**
 * `headings`: one { zh, en } per column, with `num: true` for a right-aligned number column.
 * `rows`: the <tr> elements. `attributes` go on the <table>; `foot` is an optional <tfoot>.
 * `empty`: { zh, en } said instead of the table when there are no rows, since a table of headings
 * alone reads as broken to a screen reader and to the eye alike.
 */
export function dataTable(headings, rows, { attributes = {}, foot = null, empty = null } = {}) {
  if (empty && rows.length === 0) return tx('p', empty, { class: 'muted' });
  // Focusable, so a keyboard can scroll a table wider than a phone (axe: scrollable-region-focusable).
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0' },
    h(
      'table',
      { class: 'data', ...attributes },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map(({ num, ...pair }) => tx('th', pair, num ? { scope: 'col', class: 'num' } : { scope: 'col' })),
        ),
      ),
      h('tbody', {}, rows),
      foot,
    ),
  );
}
