// "My scores": every slot in presentation order with this judge's own status, so the judge sees
// at a glance which scores the server has and which wait on this tablet.
import { clear, h } from '../shared/dom.js';
import { labelOf, pick } from '../shared/i18n.js';
import { announcedText } from './scores.js';
import { state } from './state.js';
import { t } from './texts.js';
import { SLOT_STATE_LABELS } from '/vocabulary.js';

/** Fills `#my-slots`; `statusOf` is scores.statusOf, `onRecuse(slot)` opens the recusal dialog. */
export function renderMySlots({ statusOf, onRecuse }) {
  const section = document.getElementById('my-slots');
  if (!section) return;
  clear(section);
  section.append(h('h2', { id: 'my-slots-title' }, t('mySlots')), h('p', { class: 'hint' }, t('mySlotsHint')));
  if (state.slots.length === 0) {
    section.append(h('p', {}, t('noSlots')));
    return;
  }
  const list = h('ol', { class: 'slot-list' });
  for (const slot of state.slots) {
    const status = statusOf(slot);
    const onStage = state.view?.current?.slotId === slot.slotId;
    list.append(
      h(
        'li',
        {
          class: `slot-row${onStage ? ' on-stage' : ''}`,
          dataset: { slotId: slot.slotId, status: status.kind, state: slot.state },
        },
        h('span', { class: 'position' }, t('position', { n: slot.position })),
        h('span', { class: 'slot-title' }, slot.project?.title ?? t('status.recused')),
        h(
          'span',
          { class: 'chip state', dataset: { state: slot.state } },
          pick(labelOf(SLOT_STATE_LABELS, slot.state)),
        ),
        h('span', { class: `slot-status status-${status.kind}` }, status.text),
        slot.announcedScore ? h('span', { class: 'slot-score' }, announcedText(slot.announcedScore)) : null,
        !slot.recused && slot.state !== 'locked' && slot.project && !onStage
          ? h('button', { type: 'button', class: 'recuse small', onClick: () => onRecuse(slot) }, t('recuse'))
          : null,
      ),
    );
  }
  section.append(list);
}
