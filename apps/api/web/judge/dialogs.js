// The tablet's modal dialogs: a confirm with an optional field, and the judge's own recusal.
import { ApiError, api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from './texts.js';

/** A request that hangs on weak Wi-Fi is given up after this long. */
const REQUEST_TIMEOUT_MS = 8_000;

/** A modal with a confirm button; `onConfirm` resolves to an error message to show, or nothing to close. */
export function openDialog({ title, body, content, confirmLabel, onConfirm }) {
  const titleId = 'dialog-title';
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const cancel = h('button', { type: 'button', class: 'dialog-cancel' }, t('cancel'));
  const confirm = h('button', { type: 'button', class: 'primary', id: 'dialog-confirm' }, confirmLabel);
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    h('p', {}, body),
    content,
    error,
    h('div', { class: 'dialog-actions' }, cancel, confirm),
  );
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('input', () => {
    error.hidden = true;
  });
  dialog.addEventListener('close', () => dialog.remove());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const message = await onConfirm();
    confirm.disabled = false;
    if (message) {
      error.hidden = false;
      error.textContent = message;
    } else dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * The judge declares a conflict with a slot's project, with a reason. `token()` gives the session's
 * token when the judge confirms; `onRecused` runs once the server has it, `onUnauthorized` when the
 * session has ended.
 */
export function askRecusal(slot, { token, onRecused, onUnauthorized }) {
  const reason = h('textarea', { id: 'recusal-reason', rows: '3', maxlength: '500', required: true });
  openDialog({
    title: t('recuseTitle', { title: slot.project?.title ?? t('position', { n: slot.position }) }),
    body: t('recuseBody'),
    content: h('div', { class: 'comment' }, h('label', { for: 'recusal-reason' }, t('recuseReason')), reason),
    confirmLabel: t('recuseConfirm'),
    onConfirm: async () => {
      const text = reason.value.trim();
      if (!text) return t('recuseReasonMissing');
      try {
        await api('/judge/recusals', {
          method: 'POST',
          token: token(),
          body: { submissionId: slot.project.submissionId, reason: text },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) onUnauthorized();
        return failure instanceof ApiError ? failure.text() : String(failure);
      }
      onRecused();
      return undefined;
    },
  });
  queueMicrotask(() => reason.focus());
}
