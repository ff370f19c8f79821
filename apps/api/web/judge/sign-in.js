// Signing in with the per-roadshow code the office hands each judge (K7QM-4XPA).
import { ApiError, api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { createText } from '../shared/i18n.js';
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
 * The judge's sign-in form. `notice` is a text key shown above the button (e.g. an expired session);
 * `roadshowId` is the hall's roadshow (from the judge link or the QR code), without which no code
 * can be checked; `code` comes from a scanned QR code and is sent at once; `onSignedIn(session)`
 * runs once the session is stored on the tablet.
 */
export function signInView({ notice, roadshowId, code, onSignedIn }) {
  return codeSignInForm({
    notice: notice ? t(notice) : undefined,
    targetId: roadshowId,
    code,
    t,
    needTargetKey: 'needRoadshow',
    submit: async (checked) => {
      const session = await api('/judge-sessions', { method: 'POST', body: { code: checked, roadshowId } });
      saveSession(session);
      onSignedIn(session);
    },
  });
}

/** What the code and its form are called: the same code on both tablets, so the same words. */
const CODE_TEXTS = createText({
  codeLabel: { zh: '签到码', en: 'Sign-in code' },
  codeFormat: { zh: '签到码是 8 位字母或数字', en: 'The code has 8 letters or digits' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
});

/**
 * A one-time code's sign-in form, as the judges' and the evaluators' tablets show it: `targetId` is
 * the roadshow or the round the code belongs to (without it no code can be checked), `t` the page's
 * own texts, `needTargetKey` the text that says the address names none, `submit(code)` signs in with
 * a well-formed code and stores the session. A scanned `code` is sent at once.
 */
export function codeSignInForm({ notice, targetId, code: scanned, t: text, needTargetKey, submit }) {
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert', hidden: !notice });
  if (notice) error.textContent = notice;
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
  const button = h('button', { type: 'submit', class: 'primary wide', disabled: !targetId }, text('signIn'));
  const form = h(
    'form',
    { class: 'sign-in card', novalidate: true },
    h('h1', {}, text('signInTitle')),
    h('p', { id: 'code-hint', class: 'hint' }, text(targetId ? 'signInHint' : needTargetKey)),
    h('label', { for: 'code' }, CODE_TEXTS.t('codeLabel')),
    input,
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value.replace(/[^0-9A-Za-z]/g, '');
    if (code.length !== 8) {
      error.hidden = false;
      error.textContent = CODE_TEXTS.t('codeFormat');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = CODE_TEXTS.t('signingIn');
    try {
      await submit(code);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure instanceof ApiError ? failure.text() : String(failure);
      button.disabled = false;
      button.textContent = text('signIn');
    }
  });
  queueMicrotask(() => {
    if (scanned && targetId) form.requestSubmit();
    else input.focus();
  });
  return form;
}
