// The password sign-in the consoles share: each says whose accounts it opens for and where they land,
// so a session of another role is never stored by a console that cannot serve it.
import { api } from './api.js';
import { h } from './dom.js';
import { field, input, messageBox, showApiError, showMessage } from './forms.js';
import { tx } from './i18n.js';

/**
 * Opens a session when the account's role is one the console serves; otherwise returns the
 * console's refusal (zh/en) and stores nothing.
 */
export async function openSession(ctx, credentials, { roles, refusal }) {
  const session = await api('/auth/sessions', { method: 'POST', body: credentials });
  if (!roles.includes(session.role)) return refusal;
  ctx.session.set(session);
  return null;
}

/** The sign-in card: login, password, the console's messages, and `footer` below the button. */
export function signInForm(ctx, { title, roles, refusal, landing, footer = [] }) {
  const login = input({ name: 'login', autocomplete: 'username', autocapitalize: 'none', required: true });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card login-card', novalidate: true },
    tx('h1', title),
    field({ zh: '登录名', en: 'Login' }, login, { path: 'login' }),
    field({ zh: '密码', en: 'Password' }, password, { path: 'password' }),
    box,
    h('div', { class: 'actions' }, tx('button', { zh: '登录', en: 'Sign in' }, { type: 'submit', class: 'primary' })),
    ...footer,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const refused = await openSession(ctx, { login: login.value, password: password.value }, { roles, refusal });
      if (refused) showMessage(box, refused);
      else ctx.go(landing(ctx.session.get()));
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}
