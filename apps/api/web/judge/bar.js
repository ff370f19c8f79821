// The bar at the top of the tablet: the competition and the judge, whether the tablet is online,
// and how many scores wait on it to sync (the outbox), with the sign-out and language buttons.
import { clear, h } from '../shared/dom.js';
import { langSwitch } from '../shared/i18n.js';
import { state } from './state.js';
import { t } from './texts.js';

/** The bar element; `render(waiting)` redraws it with the number of scores still in the outbox. */
export function createBar({ onSignOut }) {
  const identity = h('div', { class: 'bar-identity' });
  const status = h('div', { class: 'bar-status', role: 'status', 'aria-live': 'polite' });
  const signOut = h('button', { type: 'button', class: 'sign-out', onClick: () => onSignOut() });
  const actions = h('div', { class: 'bar-actions' }, signOut);
  actions.prepend(langSwitch());
  const element = h('header', { class: 'bar' }, identity, status, actions);

  const render = (waiting) => {
    document.title = `${t('pageTitle')} · ${state.session?.roadshow.competitionTitle ?? '公益创投'}`;
    clear(identity);
    if (state.session) {
      identity.append(
        h('span', { class: 'bar-title' }, state.session.roadshow.competitionTitle),
        h('span', { class: 'bar-judge' }, t('judgeLine', { name: state.session.judge.name })),
      );
    } else {
      identity.append(h('span', { class: 'bar-title' }, t('pageTitle')));
    }
    clear(status);
    signOut.hidden = !state.session;
    signOut.textContent = t('signOut');
    if (!state.session) return;
    // The stream may stay open while requests fail: the server's own answers decide "online".
    const net = !navigator.onLine
      ? 'offline'
      : !state.reachable
        ? 'unreachable'
        : state.live === 'open'
          ? 'online'
          : 'reconnecting';
    const netText = {
      online: t('netOnline'),
      offline: t('netOffline'),
      unreachable: t('netUnreachable'),
      reconnecting: t('netReconnecting'),
    }[net];
    status.append(
      h('span', { class: 'chip net', id: 'net-status', dataset: { net } }, netText),
      h(
        'span',
        { class: `chip sync ${waiting > 0 ? 'warn' : 'ok'}`, id: 'sync-status', dataset: { pending: String(waiting) } },
        waiting > 0 ? t('pendingCount', { n: waiting }) : t('allSynced'),
      ),
    );
  };

  return { element, render };
}
