// Signing in with the per-roadshow code the office hands each judge (K7QM-4XPA).
import { ApiError, api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveSession } from './storage.js';
import { t } from './texts.js';

/** Letters and digits only, upper case, a dash after the fourth: what the judge reads on the slip. */
export function formatCode(raw) {
  const letters = raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);
  return letters.length > 4 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : letters;
}

/**
 * The sign-in form. `notice` is a text key shown above the button (e.g. an expired session);
 * `roadshowId` is the hall's roadshow (from the judge link or the QR code), without which no code
 * can be checked; `code` comes from a scanned QR code and is sent at once; `onSignedIn(session)`
 * runs once the session is stored on the tablet.
 */
export function signInView({ notice, roadshowId, code: scanned, onSignedIn }) {
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert', hidden: !notice });
  if (notice) error.textContent = t(notice);
  const input = h('input', {
    id: 'code',
    name: 'code',
    autocomplete: 'one-time-code',
    autocapitalize: 'characters',
    spellcheck: 'false',
    inputmode: 'text',
    maxlength: '12',
    placeholder: 'XXXX-XXXX',
    required: true,
    'aria-describedby': 'code-hint sign-in-error',
  });
  input.addEventListener('input', () => {
    input.value = formatCode(input.value);
  });
  if (scanned) input.value = formatCode(scanned);
  const button = h('button', { type: 'submit', class: 'primary wide', disabled: !roadshowId }, t('signIn'));
  const form = h(
    'form',
    { class: 'sign-in card', novalidate: true },
    h('h1', {}, t('signInTitle')),
    h('p', { id: 'code-hint', class: 'hint' }, t(roadshowId ? 'signInHint' : 'needRoadshow')),
    h('label', { for: 'code' }, t('codeLabel')),
    input,
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value.replace(/[^0-9A-Za-z]/g, '');
    if (code.length !== 8) {
      error.hidden = false;
      error.textContent = t('codeFormat');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      const session = await api('/judge-sessions', { method: 'POST', body: { code, roadshowId } });
      saveSession(session);
      onSignedIn(session);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure instanceof ApiError ? failure.text() : String(failure);
      button.disabled = false;
      button.textContent = t('signIn');
    }
  });
  queueMicrotask(() => {
    if (scanned && roadshowId) form.requestSubmit();
    else input.focus();
  });
  return form;
}
