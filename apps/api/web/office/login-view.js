// Office sign-in with login and password (accounts are created with `npm run create-user`).
import { api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { field, input, messageBox, showApiError, showMessage } from '../shared/forms.js';
import { tx } from '../shared/i18n.js';

export async function loginView(ctx) {
  const login = input({ name: 'login', autocomplete: 'username', autocapitalize: 'none', required: true });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card login-card', novalidate: true },
    tx('h1', { zh: '管理控制台登录', en: 'Office console sign-in' }),
    field({ zh: '登录名', en: 'Login' }, login, { path: 'login' }),
    field({ zh: '密码', en: 'Password' }, password, { path: 'password' }),
    box,
    h('div', { class: 'actions' }, tx('button', { zh: '登录', en: 'Sign in' }, { type: 'submit', class: 'primary' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const session = await api('/auth/sessions', {
        method: 'POST',
        body: { login: login.value, password: password.value },
      });
      // Administrators come here to read every office's audit log.
      if (session.role !== 'office' && session.role !== 'admin') {
        showMessage(box, {
          zh: '该账号不是街道办/民政局工作人员账号',
          en: 'this account does not belong to the grants office',
        });
        return;
      }
      ctx.session.set(session);
      ctx.go(session.role === 'admin' ? '#/audit' : '#/competitions');
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}
