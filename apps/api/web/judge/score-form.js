// The score form: one row per criterion with 64 px steppers around a decimal input, pass/fail
// buttons for gate criteria, the exact weighted total, the comment, and the save status line.
// Marks are checked here as the server will check them; what the judge typed is never rebuilt
// away (the stage decides when the form may be rebuilt).
import { h } from '../shared/dom.js';
import { currentLang, pick } from '../shared/i18n.js';
import { fromUnits, stepMark, toUnits, weightedTotal } from './decimal.js';
import { announcedText, rubric, sameForm } from './scores.js';
import { t } from './texts.js';
import { MARK_DECIMALS, SLOT_STATE_LABELS } from '/vocabulary.js';

/** The steps the judge may choose for the + and − buttons. */
const STEPS = ['0.5', '1'].map(toUnits);
/** A press held this long starts repeating the step, every REPEAT_MS. */
const HOLD_MS = 450;
const REPEAT_MS = 110;

let step = STEPS[0];

function criterionLabel(criterion) {
  return currentLang() === 'en' ? criterion.labelEn : criterion.labelZh;
}

function showMarkError(criterion, input, error, required) {
  const raw = input.value.trim();
  const value = toUnits(raw);
  let message;
  if (raw === '') message = required ? t('markMissing') : undefined;
  else if (value === undefined || value > toUnits(criterion.maxPoints)) {
    message = t('markInvalid', { max: criterion.maxPoints, decimals: MARK_DECIMALS });
  }
  error.hidden = !message;
  error.textContent = message ?? '';
  input.setAttribute('aria-invalid', String(Boolean(message)));
  return !message;
}

/** A − or + button; a long press repeats, and the click that ends it adds nothing more. */
function stepper(direction, { input, max, label, locked, controls, onStep }) {
  const button = h(
    'button',
    {
      type: 'button',
      class: `step ${direction > 0 ? 'plus' : 'minus'}`,
      disabled: locked,
      'aria-label': t(direction > 0 ? 'increase' : 'decrease', { label, step: fromUnits(step) }),
      'aria-controls': controls,
    },
    direction > 0 ? '+' : '−',
  );
  const apply = () => {
    const current = toUnits(input.value) ?? 0n;
    input.value = fromUnits(stepMark(current > max ? max : current, BigInt(direction) * step, max));
    onStep();
  };
  let hold;
  let repeat;
  let repeated = false;
  const stop = () => {
    clearTimeout(hold);
    clearInterval(repeat);
  };
  button.addEventListener('pointerdown', () => {
    repeated = false;
    stop();
    hold = setTimeout(() => {
      repeat = setInterval(() => {
        repeated = true;
        apply();
      }, REPEAT_MS);
    }, HOLD_MS);
  });
  for (const type of ['pointerup', 'pointerleave', 'pointercancel']) button.addEventListener(type, stop);
  button.addEventListener('contextmenu', (event) => event.preventDefault());
  // A long press already stepped while held; its closing click must not add one more.
  button.addEventListener('click', () => {
    if (repeated) {
      repeated = false;
      return;
    }
    apply();
  });
  return button;
}

function criterionRow(criterion, form, locked, onEdit) {
  const id = `mark-${criterion.key}`;
  const max = toUnits(criterion.maxPoints);
  const label = criterionLabel(criterion);
  const input = h('input', {
    id,
    class: 'mark',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    enterkeyhint: 'next',
    disabled: locked,
    dataset: { key: criterion.key },
    'aria-describedby': `${id}-hint ${id}-error`,
  });
  input.value = form.marks[criterion.key] ?? '';
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const changed = () => {
    form.marks[criterion.key] = input.value.trim();
    showMarkError(criterion, input, error, false);
    onEdit(form);
  };
  input.addEventListener('input', changed);
  input.addEventListener('blur', () => {
    const value = toUnits(input.value);
    if (value !== undefined && value <= max) {
      input.value = fromUnits(value);
      changed();
    }
  });
  const buttons = { input, max, label, locked, controls: id, onStep: changed };
  // A rebuilt form (language switch, new state) shows the judge's bad entries at once.
  showMarkError(criterion, input, error, false);
  return h(
    'div',
    { class: 'criterion', dataset: { key: criterion.key } },
    h(
      'label',
      { for: id, class: 'criterion-label' },
      h('span', { class: 'criterion-name' }, label),
      h(
        'span',
        { class: 'criterion-max', id: `${id}-hint` },
        t('outOf', { max: criterion.maxPoints }),
        criterion.weight === '1' ? '' : ` · ${t('weighted', { weight: criterion.weight })}`,
      ),
    ),
    h('div', { class: 'stepper' }, stepper(-1, buttons), input, stepper(1, buttons)),
    error,
  );
}

function gateRow(criterion, form, locked, onEdit) {
  const labelId = `gate-${criterion.key}-label`;
  const error = h('p', { class: 'field-error', id: `gate-${criterion.key}-error`, hidden: true });
  const choice = (value) =>
    h(
      'button',
      {
        type: 'button',
        class: `toggle gate-${value ? 'pass' : 'fail'}`,
        id: `gate-${criterion.key}-${value ? 'pass' : 'fail'}`,
        'aria-pressed': String(form.gates[criterion.key] === value),
        disabled: locked,
        onClick: (event) => {
          form.gates[criterion.key] = value;
          for (const button of event.currentTarget.parentElement.querySelectorAll('button')) {
            button.setAttribute('aria-pressed', String(button === event.currentTarget));
          }
          error.hidden = true;
          onEdit(form);
        },
      },
      t(value ? 'gatePass' : 'gateFail'),
    );
  return h(
    'div',
    {
      class: 'criterion gate',
      role: 'group',
      'aria-labelledby': labelId,
      'aria-describedby': `gate-${criterion.key}-hint ${error.id}`,
      dataset: { key: criterion.key },
    },
    h(
      'p',
      { class: 'criterion-label', id: labelId },
      h('span', { class: 'criterion-name' }, criterionLabel(criterion)),
      h('span', { class: 'criterion-max', id: `gate-${criterion.key}-hint` }, t('gateHint')),
    ),
    h('div', { class: 'gate-choice' }, choice(true), choice(false)),
    error,
  );
}

/**
 * Checks every field as the server will and shows what is wrong next to it. Returns the score
 * body to send, or nothing when the judge must correct something first.
 */
function readSheet(formElement, form) {
  let valid = true;
  const criteria = {};
  const gates = {};
  for (const criterion of rubric()) {
    if (criterion.gate) {
      const error = document.getElementById(`gate-${criterion.key}-error`);
      const value = form.gates[criterion.key];
      error.hidden = typeof value === 'boolean';
      error.textContent = t('gateMissing');
      if (typeof value === 'boolean') gates[criterion.key] = value;
      else valid = false;
    } else {
      const input = document.getElementById(`mark-${criterion.key}`);
      const error = document.getElementById(`mark-${criterion.key}-error`);
      if (showMarkError(criterion, input, error, true)) {
        criteria[criterion.key] = fromUnits(toUnits(input.value));
      } else valid = false;
    }
  }
  const formError = document.getElementById('form-error');
  formError.hidden = valid;
  formError.textContent = valid ? '' : t('fixErrors');
  if (!valid) {
    formElement.querySelector('[aria-invalid="true"], .field-error:not([hidden])')?.scrollIntoView({ block: 'center' });
    return undefined;
  }
  const body = { criteria };
  if (rubric().some((criterion) => criterion.gate)) body.gates = gates;
  const comment = (form.comment ?? '').trim();
  if (comment) body.comment = comment;
  return body;
}

/**
 * The form for the slot on stage, showing `form` (see scores.formFor). `onEdit(form)` keeps each
 * edit as the draft; `onSubmit(body)` queues a checked sheet and returns false when the tablet
 * could not keep it; `onStepChange()` asks for the form to be rebuilt with the new step.
 */
export function scoreForm(slot, form, { onEdit, onSubmit, onStepChange }) {
  const locked = slot.state === 'locked';
  const criteria = rubric();
  const element = h('form', {
    class: 'card score-form',
    id: 'score-form',
    novalidate: true,
    dataset: { slotId: slot.slotId },
    'aria-labelledby': 'project-title',
  });
  if (!locked) {
    element.append(
      h(
        'div',
        { class: 'step-choice', role: 'group', 'aria-labelledby': 'step-label' },
        h('span', { id: 'step-label' }, t('step')),
        STEPS.map((choice) =>
          h(
            'button',
            {
              type: 'button',
              class: 'toggle',
              'aria-pressed': String(step === choice),
              dataset: { step: fromUnits(choice) },
              onClick: () => {
                step = choice;
                onStepChange();
              },
            },
            t('stepValue', { step: fromUnits(choice) }),
          ),
        ),
      ),
    );
  }
  for (const criterion of criteria) {
    element.append(
      criterion.gate ? gateRow(criterion, form, locked, onEdit) : criterionRow(criterion, form, locked, onEdit),
    );
  }
  element.append(
    h(
      'div',
      { class: 'total', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'total-label' }, t('total')),
      h('output', { id: 'total', for: criteria.map((criterion) => `mark-${criterion.key}`).join(' ') }),
      h('span', { class: 'total-max', id: 'total-max' }),
      h('span', { class: 'total-note', id: 'total-note' }),
    ),
  );
  const comment = h('textarea', { id: 'comment', rows: '3', maxlength: '2000', disabled: locked });
  comment.value = form.comment ?? '';
  comment.addEventListener('input', () => {
    form.comment = comment.value;
    onEdit(form);
  });
  element.append(h('div', { class: 'comment' }, h('label', { for: 'comment' }, t('comment')), comment));
  element.append(
    h(
      'div',
      { class: 'save-line' },
      h(
        'p',
        { class: 'save-status', id: 'save-status', role: 'status', 'aria-live': 'polite' },
        h('span', { class: 'save-text', id: 'save-text' }),
        h('span', { class: 'save-hint', id: 'save-hint' }),
      ),
      h('p', { class: 'dirty', id: 'dirty', hidden: true }, t('unsavedEdits')),
      h('p', { class: 'error', id: 'form-error', role: 'alert', hidden: true }),
      locked ? h('p', { class: 'locked-hint', id: 'locked-hint' }, t('lockedHint')) : null,
      h('p', { class: 'announced', id: 'announced', hidden: true }),
    ),
  );
  if (!locked) element.append(h('button', { type: 'submit', class: 'primary wide submit', id: 'submit' }));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = readSheet(element, form);
    if (!body || onSubmit(body)) return;
    // The tablet's storage refused the write: say so rather than pretend the score is kept.
    const formError = document.getElementById('form-error');
    formError.hidden = false;
    formError.textContent = t('storageFull');
  });
  return element;
}

/**
 * Refreshes the form's live parts in place (total, save status, unsaved-changes note, announced
 * score), so typing and focus are never disturbed. `status` is scores.statusOf(slot) and `base`
 * scores.baseline(slotId).
 */
export function updateScoreForm(slot, form, status, base) {
  const marks = {};
  for (const criterion of rubric()) {
    if (!criterion.gate) {
      const value = toUnits(form.marks[criterion.key]);
      if (value !== undefined && value <= toUnits(criterion.maxPoints)) marks[criterion.key] = value;
    }
  }
  const { total, max, complete } = weightedTotal(rubric(), marks);
  document.getElementById('total').textContent = total;
  document.getElementById('total-max').textContent = `/ ${max}`;
  document.getElementById('total-note').textContent = complete ? '' : t('totalIncomplete');

  const line = document.getElementById('save-status');
  const locked = slot.state === 'locked';
  line.dataset.status = status.kind;
  line.dataset.locked = String(locked);
  const text = locked ? `${pick(SLOT_STATE_LABELS.locked)} · ${status.text}` : status.text;
  document.getElementById('save-text').textContent = text;
  document.getElementById('save-hint').textContent = status.hint ?? '';
  const dirty = !locked && base !== undefined && !sameForm(form, base);
  document.getElementById('dirty').hidden = !dirty;
  const submitButton = document.getElementById('submit');
  if (submitButton) submitButton.textContent = base ? t('resubmit') : t('submit');
  const announced = document.getElementById('announced');
  announced.hidden = !(locked && slot.announcedScore);
  announced.textContent = slot.announcedScore ? announcedText(slot.announcedScore) : '';
}
