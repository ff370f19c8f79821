// 项目申报: communities and social organizations register, draft, submit and follow their projects,
// then run the grants they win (我的资助).
import { startApp } from '../shared/app-shell.js';
import { clear, h } from '../shared/dom.js';
import { tx } from '../shared/i18n.js';
import { homeView } from './home-view.js';
import { loginView, registerView } from './account-views.js';
import { editorView } from './editor-view.js';
import { granteeGrantView, granteeReportView } from './grants-view.js';
import { submissionView } from './submission-view.js';

const ID = '([0-9a-f-]{36})';

function header(ctx) {
  const who = document.getElementById('who');
  const account = document.getElementById('account');
  clear(who);
  clear(account);
  const session = ctx.session.get();
  if (!session) return;
  who.append(session.displayName);
  account.append(
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          ctx.session.clear();
          ctx.go('#/login');
        },
      },
      tx('span', { zh: '退出登录', en: 'Sign out' }),
    ),
  );
}

startApp({
  sessionKey: 'gongyi.apply.session',
  loginHash: '#/login',
  homeHash: '#/home',
  header,
  publicRoutes: [
    [/^#\/login$/, loginView],
    [/^#\/register$/, registerView],
  ],
  routes: [
    [/^#\/(?:home)?$/, homeView],
    [new RegExp(`^#/competitions/${ID}/new$`), (ctx, id) => editorView(ctx, { competitionId: id })],
    [new RegExp(`^#/submissions/${ID}/edit$`), (ctx, id) => editorView(ctx, { submissionId: id })],
    [new RegExp(`^#/submissions/${ID}$`), submissionView],
    [new RegExp(`^#/grants/${ID}$`), granteeGrantView],
    [new RegExp(`^#/reports/${ID}$`), granteeReportView],
  ],
});
