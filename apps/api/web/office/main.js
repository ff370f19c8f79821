// 管理控制台: the grants office runs a competition from a laptop, from its rules to its agreements and
// the grants they start.
import { startApp } from '../shared/app-shell.js';
import { clear, h } from '../shared/dom.js';
import { tx } from '../shared/i18n.js';
import { competitionView } from './competition-view.js';
import { competitionsView, newCompetitionView } from './competitions-view.js';
import { officeGrantView } from './grant-view.js';
import { loginView } from './login-view.js';
import { reportReviewView } from './report-review.js';

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
  sessionKey: 'gongyi.office.session',
  loginHash: '#/login',
  homeHash: '#/competitions',
  header,
  publicRoutes: [[/^#\/login$/, loginView]],
  routes: [
    [/^#\/(?:competitions)?$/, competitionsView],
    [/^#\/competitions\/new$/, newCompetitionView],
    [new RegExp(`^#/competitions/${ID}(?:/([a-z]+))?$`), competitionView],
    [new RegExp(`^#/grants/${ID}$`), officeGrantView],
    [new RegExp(`^#/reports/${ID}$`), reportReviewView],
  ],
});
