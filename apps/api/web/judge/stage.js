// The stage: the project the office has put on stage (or a waiting or recused card) and, below
// it, the score form. The stage is rebuilt only when what it shows changes (another slot, a new
// state, the language, a saved score the judge has not edited); otherwise only its live parts
// are updated, so the inputs stay the judge's.
import { clear, formatYuan, h } from '../shared/dom.js';
import { currentLang, labelOf, pick } from '../shared/i18n.js';
import { scoreForm, updateScoreForm } from './score-form.js';
import { formSignature } from './scores.js';
import { state } from './state.js';
import { t } from './texts.js';
import { SLOT_STATE_LABELS } from '/vocabulary.js';

function formatClock(seconds) {
  const s = Math.max(0, seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The pitch countdown of the project being presented; empty at any other time. */
export function updateTimer() {
  const timer = document.getElementById('pitch-timer');
  const current = state.view?.current;
  if (!timer) return;
  if (!current || current.state !== 'presenting' || !current.pitchStartedAt) {
    timer.textContent = '';
    return;
  }
  const left = Math.ceil((Date.parse(current.pitchStartedAt) + current.pitchSeconds * 1000 - Date.now()) / 1000);
  timer.dataset.overtime = String(left <= 0);
  timer.textContent = left > 0 ? t('pitchLeft', { time: formatClock(left) }) : t('pitchOver');
}

/**
 * The stage inside `#stage`. `scores` is createScores(outbox); `onEdit(slotId, form)`,
 * `onSubmit(slot, body)` and `onRecuse(slot)` are the page's actions.
 */
export function createStage({ scores, onEdit, onSubmit, onRecuse }) {
  let shownKey;
  let shownValues;
  let detailsOpen = false;

  const projectCard = (slot) => {
    const project = slot.project;
    return h(
      'article',
      { class: 'card project', id: 'project', dataset: { slotId: slot.slotId, state: slot.state } },
      h(
        'p',
        { class: 'project-head' },
        h('span', { class: 'position' }, t('position', { n: slot.position })),
        h(
          'span',
          { class: 'chip state', dataset: { state: slot.state } },
          pick(labelOf(SLOT_STATE_LABELS, slot.state)),
        ),
        h('span', { class: 'pitch-timer', id: 'pitch-timer', 'aria-live': 'off' }),
      ),
      h('h1', { class: 'project-title', id: 'project-title' }, project.title),
      h(
        'p',
        { class: 'project-meta' },
        h('span', { class: 'chip category' }, pick({ zh: project.category.labelZh, en: project.category.labelEn })),
        h('span', {}, project.organizationName),
        project.community ? h('span', {}, project.community) : null,
      ),
      h(
        'details',
        {
          class: 'project-details',
          open: detailsOpen,
          onToggle: (event) => {
            detailsOpen = event.currentTarget.open;
          },
        },
        h('summary', {}, t('details')),
        h(
          'dl',
          {},
          h('dt', {}, t('summary')),
          h('dd', {}, project.summary),
          h('dt', {}, t('need')),
          h('dd', {}, project.needAddressed),
          h('dt', {}, t('requested')),
          h('dd', {}, formatYuan(project.requestedFen)),
        ),
      ),
      slot.state === 'locked'
        ? null
        : h(
            'button',
            { type: 'button', class: 'recuse', id: 'recuse-button', onClick: () => onRecuse(slot) },
            t('recuse'),
          ),
    );
  };

  /** Refreshes the live parts of the stage in place. */
  const update = () => {
    const current = state.view?.current;
    updateTimer();
    if (!current || current.recused || !document.getElementById('score-form')) return;
    updateScoreForm(current, scores.formFor(current.slotId), scores.statusOf(current), scores.baseline(current.slotId));
  };

  const render = () => {
    const stage = document.getElementById('stage');
    if (!stage) return;
    const current = state.view?.current ?? null;
    const key = [state.view ? 'view' : 'none', current?.slotId, current?.state, current?.recused, currentLang()].join(
      '|',
    );
    // Without edits of the judge's own, a newly saved or waiting score must show in the inputs;
    // with edits, the inputs are the judge's and are never rebuilt under their fingers.
    const shown = current && !current.recused ? current.slotId : undefined;
    const values = shown && !state.local.drafts[shown] ? formSignature(scores.formFor(shown)) : undefined;
    if (key === shownKey && (values === undefined || values === shownValues)) {
      update();
      return;
    }
    shownKey = key;
    shownValues = values;
    const focused = document.activeElement?.id;
    clear(stage);
    if (!state.view) {
      stage.append(h('div', { class: 'card waiting' }, h('p', {}, '…')));
    } else if (!current) {
      stage.append(
        h(
          'div',
          { class: 'card waiting', id: 'waiting-stage' },
          h('h1', {}, t('waitingStage')),
          h('p', { class: 'hint' }, t('waitingStageHint')),
        ),
      );
    } else if (current.recused) {
      stage.append(
        h(
          'div',
          { class: 'card recused', id: 'recused-stage', dataset: { slotId: current.slotId } },
          h('p', { class: 'project-head' }, h('span', { class: 'position' }, t('position', { n: current.position }))),
          h('h1', {}, t('recused')),
          h('p', { class: 'hint' }, t('recusedHint')),
        ),
      );
    } else {
      stage.append(
        projectCard(current),
        scoreForm(current, scores.formFor(current.slotId), {
          onEdit: (form) => {
            onEdit(current.slotId, form);
            update();
          },
          onSubmit: (body) => onSubmit(current, body),
          onStepChange: () => {
            shownKey = undefined;
            render();
          },
        }),
      );
    }
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
    update();
  };

  /** Forgets what is shown, so the next render rebuilds (a new page frame). */
  const reset = () => {
    shownKey = undefined;
  };

  return { render, update, reset };
}
