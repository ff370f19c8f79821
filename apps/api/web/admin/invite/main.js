// 设置密码: the person an administrator invited (or whose password was reset) sets their own
// password from the one-time link. The token sits after `#`, so it never reaches a server log; the
// page sends it in a request body only.
import { api } from '../../shared/api.js';
import { h } from '../../shared/dom.js';
import { field, input, messageBox, showApiError, showMessage } from '../../shared/forms.js';
import { tx } from '../../shared/i18n.js';
import { beijingTime } from '../../shared/time.js';
import { problem, publicShell } from '../../shared/public-page.js';

const main = publicShell();
const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';

async function start() {
  let invitation;
  try {
    invitation = await api('/invitations/lookup', { method: 'POST', body: { token } });
  } catch (error) {
    main.append(tx('h1', { zh: '设置密码', en: 'Set your password' }), problem(error));
    return;
  }
  const password = input({ type: 'password', name: 'password', autocomplete: 'new-password', minlength: 10 });
  const again = input({ type: 'password', name: 'again', autocomplete: 'new-password' });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card invite-card', novalidate: true },
    tx('h1', {
      zh: invitation.purpose === 'reset' ? '重新设置密码' : '设置密码，开通账号',
      en: invitation.purpose === 'reset' ? 'Set a new password' : 'Set your password',
    }),
    tx('p', {
      zh: `${invitation.displayName}（登录名 ${invitation.login}），${invitation.tenantName}。链接 ${beijingTime(invitation.expiresAt)} 前有效，只能使用一次。`,
      en: `${invitation.displayName} (login ${invitation.login}), ${invitation.tenantNameEn}. The link works once, until ${beijingTime(invitation.expiresAt)}.`,
    }),
    field({ zh: '新密码（至少 10 个字符）', en: 'New password (at least 10 characters)' }, password, {
      path: 'password',
    }),
    field({ zh: '再输入一次', en: 'Once more' }, again, { path: 'again' }),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '保存密码', en: 'Save the password' }, { type: 'submit', class: 'primary' }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (password.value !== again.value) {
      showMessage(box, { zh: '两次输入的密码不一致', en: 'the two passwords differ' });
      return;
    }
    try {
      await api('/invitations/accept', { method: 'POST', body: { token, password: password.value } });
      form.replaceWith(
        h(
          'section',
          { class: 'card invite-card', role: 'status' },
          tx('h1', { zh: '密码已设置', en: 'Your password is set' }),
          tx('p', {
            zh: `请用登录名 ${invitation.login} 和新密码登录管理控制台。`,
            en: `Sign in to the office console with the login ${invitation.login} and your new password.`,
          }),
          tx(
            'a',
            { zh: '前往管理控制台', en: 'Go to the office console' },
            { href: '/office/#/login', class: 'button primary' },
          ),
        ),
      );
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  main.append(form);
}

void start();
