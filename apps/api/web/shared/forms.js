// Labelled form fields and the API's field errors shown next to the field they name.
// Every control gets a <label for>, and its error is tied to it with aria-describedby.
import { h, clear } from './dom.js';
import { pick, tx } from './i18n.js';

let sequence = 0;

/**
 * A labelled control. `path` is the API field it edits (e.g. "rubric.0.maxPoints"); an error whose
 * `field` is that path is shown under it. `label` and `hint` are { zh, en } pairs or nodes.
 */
export function field(label, control, { path, hint, className } = {}) {
  sequence += 1;
  const id = control.id || `f${sequence}`;
  control.id = id;
  if (path) control.dataset.field = path;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [error.id];
  let hintNode;
  if (hint) {
    hintNode = hint instanceof Node ? hint : tx('p', hint, { class: 'hint' });
    hintNode.id = `${id}-hint`;
    describedBy.unshift(hintNode.id);
  }
  control.setAttribute('aria-describedby', describedBy.join(' '));
  const labelNode = h('label', { for: id }, label instanceof Node ? label : tx('span', label));
  return h('div', { class: ['field', className].filter(Boolean).join(' ') }, labelNode, control, hintNode, error);
}

/** A checkbox with its label beside it, the whole row being the tap target. */
export function checkboxField(label, input, { path } = {}) {
  sequence += 1;
  input.type = 'checkbox';
  input.id = input.id || `f${sequence}`;
  if (path) input.dataset.field = path;
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true });
  input.setAttribute('aria-describedby', error.id);
  return h(
    'div',
    { class: 'field field-check' },
    h('label', { for: input.id, class: 'check' }, input, label instanceof Node ? label : tx('span', label)),
    error,
  );
}

export function input(attributes = {}) {
  return h('input', { type: 'text', ...attributes });
}

/** <select> from [value, { zh, en }] pairs; the option texts follow the language switch. */
export function select(options, { value: chosen, ...attributes } = {}) {
  return h(
    'select',
    attributes,
    options.map(([value, pair]) =>
      h('option', { value, 'data-zh': pair.zh, 'data-en': pair.en, selected: value === chosen }, pick(pair)),
    ),
  );
}

/** The form-level message area: errors without a matching field, and outcomes. */
export function messageBox() {
  return h('div', { class: 'message-box', role: 'status', 'aria-live': 'polite', hidden: true });
}

export function showMessage(box, pair, kind = 'error') {
  clear(box);
  box.hidden = false;
  box.className = `message-box ${kind}`;
  box.append(tx('p', pair));
}

export function hideMessage(box) {
  clear(box);
  box.hidden = true;
}

/** The bilingual pair of an ApiError (or of any thrown error, for a person to read). */
export function errorPair(error) {
  if (error && typeof error.messageZh === 'string') return { zh: error.messageZh, en: error.messageEn };
  return { zh: '操作失败，请重试', en: 'something went wrong; try again' };
}

/** Clears what a previous attempt marked: the field errors under `root` and the form's message box. */
export function clearFormErrors(root, box) {
  clearFieldErrors(root);
  hideMessage(box);
}

/** Takes the person to the first control marked invalid, so they can fix it at once. */
export function focusFirstInvalid(root) {
  root.querySelector('[aria-invalid="true"]')?.focus();
}

export function clearFieldErrors(root) {
  for (const node of root.querySelectorAll('.field-error')) {
    clear(node);
    node.hidden = true;
  }
  for (const node of root.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
}

/** Finds the control for an API field path, or the nearest enclosing one ("rubric.0.key" → "rubric.0" → "rubric"). */
function controlFor(root, path) {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = root.querySelector(`[data-field="${CSS.escape(parts.join('.'))}"]`);
    if (candidate) return candidate;
    parts.pop();
  }
  return null;
}

/** Shows one error under the control that `path` names; returns false when no control matches. */
export function markField(root, path, pair) {
  const control = path ? controlFor(root, path) : null;
  if (!control) return false;
  const error = root.querySelector(`#${CSS.escape(control.id)}-error`);
  if (!error) return false;
  control.setAttribute('aria-invalid', 'true');
  error.hidden = false;
  error.append(tx('span', pair, { class: 'field-error-line' }));
  return true;
}

/**
 * Puts an API error next to the field(s) it names (`field`, or each of `details` for a form with
 * several bad fields); whatever has no field on screen goes to `box`. `mapPath` rewrites the
 * API's path to the form's (e.g. strips "rules."). Focuses the first bad control.
 */
export function showApiError(root, box, error, { mapPath = (path) => path } = {}) {
  clearFormErrors(root, box);
  const problems =
    error?.details?.length > 0
      ? error.details.map((d) => ({ field: d.field, pair: { zh: d.message_zh, en: d.message_en } }))
      : [{ field: error?.field, pair: errorPair(error) }];
  const unplaced = [];
  const shown = new Set();
  for (const problem of problems) {
    // The API lists a field's most basic problem first ("required" before "badly formatted"): one is enough.
    if (problem.field && shown.has(problem.field)) continue;
    if (problem.field) shown.add(problem.field);
    if (!markField(root, problem.field ? mapPath(problem.field) : undefined, problem.pair)) unplaced.push(problem);
  }
  if (unplaced.length > 0) {
    clear(box);
    box.hidden = false;
    box.className = 'message-box error';
    for (const problem of unplaced) box.append(tx('p', problem.pair));
  }
  focusFirstInvalid(root);
}

/**
 * Runs `send` (one request) and then `done` with its answer (most often reloading the view, or
 * opening what was created); a refusal shows beside the field it names inside `root`, or in `box`,
 * so the person can fix it and try again.
 */
export async function sendThen(root, box, send, done, errorOptions) {
  try {
    await done(await send());
  } catch (error) {
    showApiError(root, box, error, errorOptions);
  }
}

/** The same, when `form` is submitted (Enter in a field, or its submit button). */
export function sendOnSubmit(form, box, send, done, errorOptions) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendThen(form, box, send, done, errorOptions);
  });
}
