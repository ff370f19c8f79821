// What the two public pages (公示 and 项目进展) share: no sign-in, Chinese first with the language
// switch, the competition taken from the address, and a plain message when there is nothing to show.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { langSwitch, tx } from './i18n.js';
import { PLATFORM_NAME } from '/vocabulary.js';

/** The page's frame: the platform's name linking home, the switch, and the main column it returns. */
export function publicShell() {
  const main = h('main', { class: 'public-main', id: 'main' });
  document.body.replaceChildren(
    h('header', { class: 'public-header' }, tx('a', PLATFORM_NAME, { href: '/' }), langSwitch()),
    main,
  );
  return main;
}

/** The competition the address names (?competition=…), or null. */
export function competitionParam() {
  const id = new URLSearchParams(location.search).get('competition');
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

export function noticeAddress(competitionId) {
  return `/notice/?competition=${encodeURIComponent(competitionId)}`;
}

export function accountabilityAddress(competitionId) {
  return `/accountability/?competition=${encodeURIComponent(competitionId)}`;
}

/** What went wrong, in words a resident reads: the API's own message when it gave one. */
export function problem(error) {
  const pair =
    error instanceof ApiError && error.status > 0
      ? { zh: error.messageZh, en: error.messageEn }
      : { zh: '网络连接失败，请稍后刷新重试。', en: 'The network failed; refresh to try again.' };
  return tx('p', pair, { class: 'card error', role: 'alert' });
}

/** Label and value pairs as a definition list; a label is { zh, en }. */
export function facts(rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([label, value]) => [tx('dt', label), h('dd', {}, value)]),
  );
}

export function badge(pair, kind) {
  return tx('span', pair, { class: kind ? `badge ${kind}` : 'badge' });
}
