// The small single-page shell the office console and the applicant pages share: hash routes,
// the signed-in session, an API client that carries the token, and the language switch.
import { api, ApiError } from './api.js';
import { clear, h } from './dom.js';
import { langSwitch, onLangChange, relabel, tx } from './i18n.js';
import { inbox } from './inbox.js';
import { createSession } from './session.js';
import { PLATFORM_NAME } from '/vocabulary.js';

/** The way back above a view's heading, e.g. to the list the record was opened from. */
export function breadcrumb(pair, href) {
  return h('p', { class: 'breadcrumb' }, tx('a', pair, { href }));
}

/** A route's capture of one record id. */
export const ID = '([0-9a-f-]{36})';

/**
 * What every console page shows above its view: the skip link, the console's name linking to its
 * start, the account area and, at the end of the header where the eye looks for it after the title
 * and the account, the language switch. `brand` is the console's name, e.g. { zh: '项目申报', en: 'Apply' }.
 */
/** The tab reads as the view's heading, so tabs of several records open at once can be told apart. */
function titleFrom(main) {
  const heading = main.querySelector('h1');
  if (heading) document.title = `${heading.textContent} — ${PLATFORM_NAME.zh}`;
}

function frame(main, brand) {
  main.before(
    tx('a', { zh: '跳到正文', en: 'Skip to content' }, { class: 'skip-link', href: '#main' }),
    h(
      'header',
      { class: 'app-header' },
      h(
        'p',
        { class: 'brand' },
        tx('a', { zh: `公益创投 · ${brand.zh}`, en: `Venture competitions · ${brand.en}` }, { href: '#/' }),
      ),
      h('span', { class: 'who', id: 'who' }),
      h('span', { id: 'account' }),
      langSwitch(),
    ),
  );
}

/** The account area: who is signed in, and the way out. */
function header(ctx, loginHash) {
  const who = document.getElementById('who');
  const account = document.getElementById('account');
  clear(who);
  clear(account);
  const session = ctx.session.get();
  if (!session) return;
  who.append(session.displayName);
  account.append(
    inbox(ctx),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          ctx.session.clear();
          ctx.go(loginHash);
        },
      },
      tx('span', { zh: '退出登录', en: 'Sign out' }),
    ),
  );
}

/**
 * `routes`: [[RegExp, view]] tried in order against location.hash; a view is
 * `async (ctx, ...captures) => Node`. `publicRoutes` need no session. `brand` names the console.
 */
export function startApp({ brand, sessionKey, routes, publicRoutes, loginHash, homeHash }) {
  const session = createSession(sessionKey);
  const main = document.getElementById('main');
  frame(main, brand);
  let leaving = [];
  let renderCount = 0;

  const ctx = {
    session,
    go(hash) {
      if (location.hash === hash) void render();
      else location.hash = hash;
    },
    /** Runs when the view is replaced: close streams, stop timers. */
    onLeave(fn) {
      leaving.push(fn);
    },
    async api(path, options = {}) {
      const token = session.get()?.token;
      try {
        return await api(path, { ...options, token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && token) {
          session.clear();
          ctx.go(loginHash);
        }
        throw error;
      }
    },
    token: () => session.get()?.token,
    refreshHeader: () => header(ctx, loginHash),
  };

  const render = async () => {
    renderCount += 1;
    const mine = renderCount;
    for (const fn of leaving) fn();
    leaving = [];
    const hash = location.hash || '#/';
    const signedIn = Boolean(session.get());
    let view;
    let captures = [];
    for (const [pattern, candidate] of [...publicRoutes, ...routes]) {
      const match = pattern.exec(hash);
      if (match) {
        view = candidate;
        captures = match.slice(1);
        break;
      }
    }
    const isPublic = publicRoutes.some(([pattern]) => pattern.test(hash));
    if (!view || (!isPublic && !signedIn)) {
      ctx.go(signedIn ? homeHash : loginHash);
      return;
    }
    header(ctx, loginHash);
    let node;
    try {
      node = await view(ctx, ...captures);
    } catch (error) {
      node = h(
        'section',
        { class: 'card' },
        tx('h1', { zh: '页面无法加载', en: 'This page could not be loaded' }),
        tx(
          'p',
          error instanceof ApiError
            ? { zh: error.messageZh, en: error.messageEn }
            : { zh: '请刷新重试', en: 'reload and try again' },
          {
            class: 'error',
          },
        ),
        h('p', {}, tx('a', { zh: '返回首页', en: 'Back to the start' }, { href: homeHash })),
      );
    }
    if (mine !== renderCount) return;
    clear(main).append(node);
    titleFrom(main);
  };

  onLangChange(() => titleFrom(main));
  // The static page is written in Chinese; a device set to English relabels it before the first view.
  relabel();
  window.addEventListener('hashchange', () => void render());
  void render();
  return ctx;
}
