// Lists of rows in the rules editor (categories, criteria, tranches, checklist items): each row
// with its remove button, re-rendered when a row is added or removed.
import { clear, h } from '../shared/dom.js';
import { biLabel, tx } from '../shared/i18n.js';

export function removeButton(pair, onclick) {
  return h(
    'button',
    { type: 'button', class: 'danger', ...biLabel(pair), onclick },
    tx('span', { zh: '删除', en: 'Remove' }),
  );
}

/** A list of rows that re-renders itself when a row is added or removed. */
export function rowsEditor(items, renderRow, makeItem, addLabel) {
  const host = h('div', {});
  const render = () => {
    clear(host);
    items.forEach((item, i) =>
      host.append(
        renderRow(item, i, () => {
          items.splice(i, 1);
          render();
        }),
      ),
    );
  };
  render();
  return h(
    'div',
    {},
    host,
    h(
      'div',
      { class: 'actions' },
      tx('button', addLabel, {
        type: 'button',
        onclick: () => {
          items.push(makeItem());
          render();
          host.lastElementChild?.querySelector('input')?.focus();
        },
      }),
    ),
  );
}
