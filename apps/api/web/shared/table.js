// The pages' data tables: a wrapper that scrolls sideways on a phone, one header row, body rows.
import { h } from './dom.js';
import { tx } from './i18n.js';

/**
 * `headings`: one { zh, en } per column, with `num: true` for a right-aligned number column.
 * `rows`: the <tr> elements. `attributes` go on the <table>; `foot` is an optional <tfoot>.
 */
export function dataTable(headings, rows, { attributes = {}, foot = null } = {}) {
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
