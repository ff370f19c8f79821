// The judge's tablet: sign in with the roadshow code, score the project on stage criterion by
// criterion, see at every moment which scores the server has and which wait on this tablet.
// Scores go through the outbox (outbox.js) so that a dropped Wi-Fi never loses one. This module
// wires the parts together and keeps the stage fresh; each part renders one concern:
// bar.js (network and sync status), reach.js (does the server answer), sign-in.js, stage.js and score-form.js (the project on stage
// and its form), my-slots.js, dialogs.js; scores.js and storage.js hold what the tablet knows.
import { ApiError, api } from '../shared/api.js';
import { clear, h } from '../shared/dom.js';
import { onLangChange } from '../shared/i18n.js';
import { connectLive } from '../shared/live.js';
import { createBar } from './bar.js';
import { askRecusal, openDialog } from './dialogs.js';
import { renderMySlots } from './my-slots.js';
import { SYNC_INTERVAL_MS, createOutbox, newIdempotencyKey } from './outbox.js';
import { createScores, formFromBody } from './scores.js';
import { signInView } from './sign-in.js';
import { createStage, updateTimer } from './stage.js';
import { state } from './state.js';
import { createReach, isUnreachable } from './reach.js';
import {
  forgetSession,
  loadCachedView,
  loadLocal,
  loadRoadshowId,
  loadSession,
  saveCachedView,
  saveLocal,
  saveRoadshowId,
} from './storage.js';
import { t } from './texts.js';
import { LiveEventType } from '/vocabulary.js';

/** Without the live stream the page asks for the stage this often. */
const POLL_MS = 3_000;
/** With the stream open, a slow refresh still catches anything a proxy swallowed. */
const SAFETY_REFRESH_MS = 30_000;
const REQUEST_TIMEOUT_MS = 8_000;

let liveConnection;
let lastRefreshAt = 0;
let lastSyncAt = 0;

const outbox = createOutbox({
  getToken: (judgeId) => (state.session?.judge.id === judgeId ? state.session.token : undefined),
  onSaved: (item, score) => {
    if (item.judgeId !== state.judgeId) return;
    const known = state.local.acks[item.slotId];
    if (!known || known.revision <= score.revision) state.local.acks[item.slotId] = score;
    delete state.local.rejected[item.slotId];
    saveLocal();
    void refresh();
  },
  onRejected: (item, error) => {
    if (item.judgeId !== state.judgeId) return;
    state.local.rejected[item.slotId] = {
      at: new Date().toISOString(),
      status: error.status,
      code: error.code,
      reason: error.reason,
      message_zh: error.messageZh,
      message_en: error.messageEn,
    };
    // The refused marks stay on screen (and across a reload) so the judge can see and fix them.
    state.local.drafts[item.slotId] ??= formFromBody(item.body);
    saveLocal();
    void refresh();
  },
  onUnauthorized: () => expire(),
  onChange: () => renderDynamic(),
  onReach: (answered) => reach.saw(answered),
});
const scores = createScores(outbox);

const reach = createReach({
  getToken: () => state.session?.token,
  onChange: () => {
    state.reachable = reach.reachable();
    renderDynamic();
  },
  onBack: () => {
    void syncNow();
    void refresh();
  },
  onUnauthorized: () => expire(),
});

// ---------------------------------------------------------------- page frame

const recuse = (slot) =>
  askRecusal(slot, {
    token: () => state.session?.token,
    onRecused: () => void refresh(),
    onUnauthorized: () => expire(),
  });

const stage = createStage({
  scores,
  onEdit: (slotId, form) => {
    state.local.drafts[slotId] = form;
    saveLocal();
  },
  onSubmit: (slot, body) => queueScore(slot, body),
  onRecuse: recuse,
});
const bar = createBar({ onSignOut: () => signOut() });
const main = h('main', { class: 'judge-main', id: 'main' });
clear(document.getElementById('app')).append(bar.element, main);

function renderAll() {
  bar.render(scores.waitingCount());
  clear(main);
  stage.reset();
  if (!state.session) {
    main.append(
      signInView({
        notice: state.notice,
        roadshowId: state.roadshowId,
        code: scannedCode,
        onSignedIn: (session) => {
          state.notice = undefined;
          scannedCode = undefined;
          startSession(session);
        },
      }),
    );
    return;
  }
  main.append(
    h('p', { class: 'notice warn', id: 'cache-notice', role: 'status', hidden: !state.fromCache }, t('fromCache')),
    h('section', { class: 'stage', id: 'stage', 'aria-live': 'polite' }),
    h('section', { class: 'my-slots', id: 'my-slots', 'aria-labelledby': 'my-slots-title' }),
  );
  stage.render();
  renderMySlots({ statusOf: scores.statusOf, onRecuse: recuse });
}

/** Updates what changes without a new stage: status lines, counts, the list. */
function renderDynamic() {
  bar.render(scores.waitingCount());
  if (!state.session) return;
  const notice = document.getElementById('cache-notice');
  if (notice) notice.hidden = !state.fromCache;
  stage.render();
  renderMySlots({ statusOf: scores.statusOf, onRecuse: recuse });
}

// ---------------------------------------------------------------- session

function startSession(session) {
  state.session = session;
  // Signing in again after a reissued code needs the roadshow, whatever link opened the page.
  state.roadshowId = session.roadshow.id;
  saveRoadshowId(session.roadshow.id);
  if (state.judgeId !== session.judge.id) {
    state.judgeId = session.judge.id;
    state.local = loadLocal(session.judge.id);
    const cached = loadCachedView(session.judge.id);
    state.view = cached?.view;
    state.slots = cached?.slots ?? [];
    state.fromCache = Boolean(state.view);
  }
  renderAll();
  liveConnection?.close();
  liveConnection = connectLive(session.roadshow.id, {
    // Another judge's submit changes nothing on this tablet.
    onEvent: (type) => {
      if (type !== LiveEventType.JudgeSubmitted) void refresh();
    },
    onStatus: (status) => {
      state.live = status;
      bar.render(scores.waitingCount());
    },
    onOpen: () => {
      void refresh();
      void syncNow();
    },
  });
  void refresh();
  void syncNow();
  reach.start();
}

/** Leaves the session; scores still in the outbox stay on the tablet for the next sign-in. */
function leave(notice) {
  state.session = undefined;
  state.notice = notice;
  forgetSession();
  liveConnection?.close();
  liveConnection = undefined;
  reach.stop();
  state.reachable = true;
  renderAll();
}

function expire() {
  leave('sessionExpired');
}

function signOut() {
  const waiting = scores.waitingCount();
  if (waiting === 0) {
    leave(undefined);
    return;
  }
  openDialog({
    title: t('signOutTitle'),
    body: t('signOutPending', { n: waiting }),
    confirmLabel: t('signOut'),
    onConfirm: async () => {
      leave(undefined);
      return undefined;
    },
  });
}

// ---------------------------------------------------------------- scores

/**
 * Puts a checked sheet in the outbox under a fresh idempotency key, before any request is made.
 * False when the tablet's storage refused it: the form then says the score is not kept.
 */
function queueScore(slot, body) {
  try {
    outbox.put({
      key: newIdempotencyKey(),
      judgeId: state.judgeId,
      slotId: slot.slotId,
      position: slot.position,
      body,
      createdAt: new Date().toISOString(),
      attempts: 0,
    });
  } catch {
    return false;
  }
  delete state.local.drafts[slot.slotId];
  delete state.local.rejected[slot.slotId];
  saveLocal();
  renderDynamic();
  void syncNow();
  return true;
}

function syncNow() {
  lastSyncAt = Date.now();
  return outbox.sync();
}

// ---------------------------------------------------------------- loading

let refreshing;
let refreshAgain = false;

/** Refetches the stage and the judge's slots; calls during a fetch fold into one more. */
function refresh() {
  if (!state.session) return Promise.resolve();
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await load();
    } while (refreshAgain && state.session);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function load() {
  const session = state.session;
  lastRefreshAt = Date.now();
  try {
    const options = { token: session.token, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    const [view, slots] = await Promise.all([api('/judge/roadshow', options), api('/judge/slots', options)]);
    if (state.session !== session) return;
    state.view = view;
    state.slots = slots.items;
    state.fromCache = false;
    saveCachedView(session.judge.id, view, slots.items);
    scores.forgetSettled();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      expire();
      return;
    }
    if (isUnreachable(error)) reach.saw(false);
    state.fromCache = true;
  }
  renderDynamic();
}

// ---------------------------------------------------------------- start

onLangChange(() => renderAll());
window.addEventListener('online', () => {
  bar.render(scores.waitingCount());
  void syncNow();
  void refresh();
});
window.addEventListener('offline', () => renderDynamic());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});
setInterval(() => {
  updateTimer();
  if (!state.session) return;
  const now = Date.now();
  if (scores.waitingCount() > 0 && now - lastSyncAt >= SYNC_INTERVAL_MS) void syncNow();
  const stale = now - lastRefreshAt;
  if ((state.live !== 'open' && stale >= POLL_MS) || stale >= SAFETY_REFRESH_MS) void refresh();
}, 1000);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/judge/sw.js', { scope: '/judge/' }).catch(() => {
    // Without it the page still works online; only a reload while offline needs it.
  });
}

// The judge link and the code sheet's QR code carry the roadshow, and the QR code the judge's code,
// after '#': read once, then taken off the address bar so the code is not left on screen.
const fragment = new URLSearchParams(location.hash.slice(1));
let scannedCode = fragment.get('code') ?? undefined;
if (fragment.get('r')) saveRoadshowId(fragment.get('r'));
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
state.roadshowId = loadRoadshowId();

const saved = loadSession();
// A scanned code is a judge signing in now, even where another session was left on the tablet.
if (saved && !scannedCode) startSession(saved);
else {
  if (saved) forgetSession();
  renderAll();
}
