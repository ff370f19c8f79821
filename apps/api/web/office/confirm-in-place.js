// A button whose action asks once more, in place: the question, the confirming button, and cancel.
import { fill, h } from '../shared/dom.js';
import { tx } from '../shared/i18n.js';

/** `label` starts it, `question` asks, `confirmLabel` runs `act`; cancel puts the first button back. */
export function confirmed(label, question, act, confirmLabel) {
  const holder = h('div', { class: 'confirming' });
  const ask = () =>
    fill(
      holder,
      tx('span', question, { class: 'confirm-question' }),
      tx('button', confirmLabel, { type: 'button', class: 'primary', onclick: act }),
      tx('button', { zh: '取消', en: 'Cancel' }, { type: 'button', onclick: () => reset() }),
    );
  const reset = () => fill(holder, tx('button', label, { type: 'button', class: 'primary', onclick: ask }));
  reset();
  return holder;
}
