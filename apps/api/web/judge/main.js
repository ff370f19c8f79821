// The judge's tablet: sign in with the roadshow code, score the project on stage criterion by
// criterion, see at every moment which scores the server has and which wait on this tablet.
// Scores go through the outbox (outbox.js) so that a dropped Wi-Fi never loses one.
import { ApiError, api } from '../shared/api.js';
import { clear, formatYuan, h } from '../shared/dom.js';
import { createI18n, currentLang, mountLangSwitch } from '../shared/i18n.js';
import { connectLive } from '../shared/live.js';
import { fromHundredths, stepMark, toHundredths, weightedTotal } from './decimal.js';
import { SYNC_INTERVAL_MS, createOutbox, newIdempotencyKey } from './outbox.js';
import { TEXTS } from './texts.js';

const i18n = createI18n(TEXTS);
const { t } = i18n;

const SESSION_KEY = 'gongyi.judge.session';
/** The last roadshow view per judge, so a reload without network still shows the stage and form. */
const VIEW_KEY = 'gongyi.judge.view';
/** Per judge: unsent edits (drafts), the server's last answers (acks) and refusals (rejected). */
const LOCAL_KEY = 'gongyi.judge.local';
/** Without the live stream the page asks for the stage this often. */
const POLL_MS = 3_000;
/** With the stream open, a slow refresh still catches anything a proxy swallowed. */
const SAFETY_REFRESH_MS = 30_000;
const REQUEST_TIMEOUT_MS = 8_000;
/** A press held this long starts repeating the step, every REPEAT_MS. */
const HOLD_MS = 450;
const REPEAT_MS = 110;
const STEPS = [50n, 100n];

const state = {
  session: undefined,
  judgeId: undefined,
  view: undefined,
  slots: [],
  local: { drafts: {}, acks: {}, rejected: {} },
  live: 'connecting',
  fromCache: false,
  step: STEPS[0],
  detailsOpen: false,
  notice: undefined,
};
let liveConnection;
let stageKey;
let stageValues;
let lastRefreshAt = 0;
let lastSyncAt = 0;

function readJson(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  localStorage.setItem(key, JSON.stringify(value));
}

function loadSession() {
  const session = readJson(SESSION_KEY, undefined);
  if (!session?.token || !session.judge?.id || !session.roadshow?.id) return undefined;
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return undefined;
  return session;
}

function loadLocal(judgeId) {
  const stored = readJson(LOCAL_KEY, {})[judgeId] ?? {};
  return { drafts: stored.drafts ?? {}, acks: stored.acks ?? {}, rejected: stored.rejected ?? {} };
}

function saveLocal() {
  if (!state.judgeId) return;
  const all = readJson(LOCAL_KEY, {});
  all[state.judgeId] = state.local;
  writeJson(LOCAL_KEY, all);
}

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
});

// ---------------------------------------------------------------- model helpers

function rubric() {
  return state.view?.rubric.criteria ?? [];
}

function labelOf(criterion) {
  return currentLang() === 'en' ? criterion.labelEn : criterion.labelZh;
}

function emptyForm() {
  return { marks: {}, gates: {}, comment: '' };
}

function formFromBody(body) {
  return { marks: { ...(body.criteria ?? {}) }, gates: { ...(body.gates ?? {}) }, comment: body.comment ?? '' };
}

/** The server's latest answer for a slot: from the last fetch or from a save acknowledged since. */
function savedScore(slotId) {
  const candidates = [
    state.view?.current?.slotId === slotId ? state.view.current.myScore : undefined,
    state.slots.find((slot) => slot.slotId === slotId)?.myScore,
    state.local.acks[slotId],
  ].filter(Boolean);
  return candidates.reduce((best, score) => (!best || score.revision > best.revision ? score : best), undefined);
}

function pendingItem(slotId) {
  return state.judgeId ? outbox.pendingFor(state.judgeId, slotId) : undefined;
}

/** What the form compares against to say "changes not submitted": the waiting or the saved marks. */
function baseline(slotId) {
  const pending = pendingItem(slotId);
  if (pending) return formFromBody(pending.body);
  const saved = savedScore(slotId);
  return saved ? formFromBody(saved) : undefined;
}

/**
 * The marks the form shows: the judge's unsent edits if any, otherwise what waits or was saved.
 * Edits mutate the returned object, which then becomes the draft.
 */
function formFor(slotId) {
  return state.local.drafts[slotId] ?? structuredClone(baseline(slotId) ?? emptyForm());
}

function formSignature(form) {
  return JSON.stringify([form.marks, form.gates, (form.comment ?? '').trim()]);
}

function sameForm(a, b) {
  const marks = (form) =>
    rubric()
      .filter((criterion) => !criterion.gate)
      .map(
        (criterion) => toHundredths(form.marks[criterion.key])?.toString() ?? String(form.marks[criterion.key] ?? ''),
      );
  const gates = (form) =>
    rubric()
      .filter((criterion) => criterion.gate)
      .map((criterion) => String(form.gates[criterion.key]));
  return (
    JSON.stringify([marks(a), gates(a), (a.comment ?? '').trim()]) ===
    JSON.stringify([marks(b), gates(b), (b.comment ?? '').trim()])
  );
}

function formatTime(iso) {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function formatClock(seconds) {
  const s = Math.max(0, seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The judge's own state of one slot, as the status line and the list say it. */
function statusOf(slot) {
  if (slot.recused) return { kind: 'recused', text: t('status.recused') };
  const pending = pendingItem(slot.slotId);
  if (pending) {
    // Offline, what matters is that the score is safe here; online, whether it is on its way.
    const hint = !navigator.onLine
      ? t('status.pendingHint')
      : outbox.isSyncing()
        ? t('status.sending')
        : outbox.lastError()
          ? t('networkRetry')
          : t('status.pendingHint');
    return { kind: 'pending', text: t('status.pending'), hint };
  }
  const saved = savedScore(slot.slotId);
  const rejected = state.local.rejected[slot.slotId];
  if (rejected && (!saved || rejected.at > saved.savedAt)) {
    const message = new ApiError(rejected.status, rejected).text();
    const hint = saved
      ? t('status.savedBefore', { revision: saved.revision, time: formatTime(saved.savedAt) })
      : undefined;
    return { kind: 'rejected', text: t('status.rejected', { message }), hint };
  }
  if (saved) {
    return { kind: 'saved', text: t('status.saved', { revision: saved.revision, time: formatTime(saved.savedAt) }) };
  }
  return { kind: 'none', text: t('status.none') };
}

// ---------------------------------------------------------------- page frame

const root = document.getElementById('app');
const barIdentity = h('div', { class: 'bar-identity' });
const barStatus = h('div', { class: 'bar-status', role: 'status', 'aria-live': 'polite' });
const signOutButton = h('button', { type: 'button', class: 'sign-out', onClick: () => signOut() });
const barActions = h('div', { class: 'bar-actions' }, signOutButton);
const bar = h('header', { class: 'bar' }, barIdentity, barStatus, barActions);
const main = h('main', { class: 'judge-main', id: 'main' });
clear(root).append(bar, main);
mountLangSwitch(i18n, barActions);

function renderBar() {
  document.title = `${t('pageTitle')} · ${state.session?.roadshow.competitionTitle ?? '公益创投'}`;
  clear(barIdentity);
  if (state.session) {
    barIdentity.append(
      h('span', { class: 'bar-title' }, state.session.roadshow.competitionTitle),
      h('span', { class: 'bar-judge' }, t('judgeLine', { name: state.session.judge.name })),
    );
  } else {
    barIdentity.append(h('span', { class: 'bar-title' }, t('pageTitle')));
  }
  clear(barStatus);
  signOutButton.hidden = !state.session;
  signOutButton.textContent = t('signOut');
  if (!state.session) return;
  const net = !navigator.onLine ? 'offline' : state.live === 'open' ? 'online' : 'reconnecting';
  const netText = { online: t('netOnline'), offline: t('netOffline'), reconnecting: t('netReconnecting') }[net];
  const waiting = state.judgeId ? outbox.items(state.judgeId).length : 0;
  barStatus.append(
    h('span', { class: 'chip net', id: 'net-status', dataset: { net } }, netText),
    h(
      'span',
      { class: `chip sync ${waiting > 0 ? 'warn' : 'ok'}`, id: 'sync-status', dataset: { pending: String(waiting) } },
      waiting > 0 ? t('pendingCount', { n: waiting }) : t('allSynced'),
    ),
  );
}

function renderAll() {
  renderBar();
  clear(main);
  stageKey = undefined;
  if (!state.session) {
    main.append(signInView());
    return;
  }
  main.append(
    h('p', { class: 'notice warn', id: 'cache-notice', role: 'status', hidden: !state.fromCache }, t('fromCache')),
    h('section', { class: 'stage', id: 'stage', 'aria-live': 'polite' }),
    h('section', { class: 'my-slots', id: 'my-slots', 'aria-labelledby': 'my-slots-title' }),
  );
  renderStage();
  renderSlots();
}

/** Updates what changes without a new stage: status lines, counts, the list. */
function renderDynamic() {
  renderBar();
  if (!state.session) return;
  const notice = document.getElementById('cache-notice');
  if (notice) notice.hidden = !state.fromCache;
  renderStage();
  renderSlots();
}

// ---------------------------------------------------------------- sign-in

function formatCode(raw) {
  const letters = raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);
  return letters.length > 4 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : letters;
}

function signInView() {
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert', hidden: !state.notice });
  if (state.notice) error.textContent = t(state.notice);
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
  const button = h('button', { type: 'submit', class: 'primary wide' }, t('signIn'));
  const form = h(
    'form',
    { class: 'sign-in card', novalidate: true },
    h('h1', {}, t('signInTitle')),
    h('p', { id: 'code-hint', class: 'hint' }, t('signInHint')),
    h('label', { for: 'code' }, t('codeLabel')),
    input,
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value.replace(/[^0-9A-Za-z]/g, '');
    if (code.length !== 8) {
      error.hidden = false;
      error.textContent = t('codeFormat');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      const session = await api('/judge-sessions', { method: 'POST', body: { code } });
      writeJson(SESSION_KEY, session);
      state.notice = undefined;
      startSession(session);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure instanceof ApiError ? failure.text() : String(failure);
      button.disabled = false;
      button.textContent = t('signIn');
    }
  });
  queueMicrotask(() => input.focus());
  return form;
}

function startSession(session) {
  state.session = session;
  if (state.judgeId !== session.judge.id) {
    state.judgeId = session.judge.id;
    state.local = loadLocal(session.judge.id);
    const cached = readJson(VIEW_KEY, undefined);
    state.view = cached?.judgeId === session.judge.id ? cached.view : undefined;
    state.slots = cached?.judgeId === session.judge.id ? cached.slots : [];
    state.fromCache = Boolean(state.view);
  }
  renderAll();
  liveConnection?.close();
  liveConnection = connectLive(session.roadshow.id, {
    // Another judge's submit changes nothing on this tablet.
    onEvent: (type) => {
      if (type !== 'score.submitted') void refresh();
    },
    onStatus: (status) => {
      state.live = status;
      renderBar();
    },
    onOpen: () => {
      void refresh();
      void syncNow();
    },
  });
  void refresh();
  void syncNow();
}

function expire() {
  state.session = undefined;
  state.notice = 'sessionExpired';
  localStorage.removeItem(SESSION_KEY);
  liveConnection?.close();
  liveConnection = undefined;
  renderAll();
}

function signOut() {
  const waiting = state.judgeId ? outbox.items(state.judgeId).length : 0;
  const leave = () => {
    state.session = undefined;
    state.notice = undefined;
    localStorage.removeItem(SESSION_KEY);
    liveConnection?.close();
    liveConnection = undefined;
    renderAll();
  };
  if (waiting === 0) {
    leave();
    return;
  }
  openDialog({
    title: t('signOutTitle'),
    body: t('signOutPending', { n: waiting }),
    confirmLabel: t('signOut'),
    onConfirm: async () => {
      leave();
      return undefined;
    },
  });
}

// ---------------------------------------------------------------- loading and syncing

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
    writeJson(VIEW_KEY, { judgeId: session.judge.id, view, slots: slots.items });
    forgetSettled();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      expire();
      return;
    }
    state.fromCache = true;
  }
  renderDynamic();
}

/** Drafts of locked slots can never be sent; acks older than the server's answer add nothing. */
function forgetSettled() {
  let changed = false;
  for (const slot of state.slots) {
    if (slot.state === 'locked' && state.local.drafts[slot.slotId] && !pendingItem(slot.slotId)) {
      delete state.local.drafts[slot.slotId];
      changed = true;
    }
    const ack = state.local.acks[slot.slotId];
    if (ack && slot.myScore && slot.myScore.revision >= ack.revision) {
      delete state.local.acks[slot.slotId];
      changed = true;
    }
  }
  if (changed) saveLocal();
}

function syncNow() {
  lastSyncAt = Date.now();
  return outbox.sync();
}

// ---------------------------------------------------------------- the stage

function renderStage() {
  const stage = document.getElementById('stage');
  if (!stage) return;
  const current = state.view?.current ?? null;
  const key = [state.view ? 'view' : 'none', current?.slotId, current?.state, current?.recused, currentLang()].join(
    '|',
  );
  // Without edits of the judge's own, a newly saved or waiting score must show in the inputs;
  // with edits, the inputs are the judge's and are never rebuilt under their fingers.
  const shown = current && !current.recused ? current.slotId : undefined;
  const values = shown && !state.local.drafts[shown] ? formSignature(formFor(shown)) : undefined;
  if (key === stageKey && (values === undefined || values === stageValues)) {
    updateStage();
    return;
  }
  stageKey = key;
  stageValues = values;
  const focused = document.activeElement?.id;
  clear(stage);
  if (!state.view) {
    stage.append(h('div', { class: 'card waiting' }, h('p', {}, '…')));
  } else if (!current) {
    stage.append(
      h(
        'div',
        { class: 'card waiting', id: 'waiting-stage' },
        h('h1', {}, t('waitingStage')),
        h('p', { class: 'hint' }, t('waitingStageHint')),
      ),
    );
  } else if (current.recused) {
    stage.append(
      h(
        'div',
        { class: 'card recused', id: 'recused-stage', dataset: { slotId: current.slotId } },
        h('p', { class: 'project-head' }, h('span', { class: 'position' }, t('position', { n: current.position }))),
        h('h1', {}, t('recused')),
        h('p', { class: 'hint' }, t('recusedHint')),
      ),
    );
  } else {
    stage.append(projectCard(current), scoreForm(current));
  }
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  updateStage();
}

function projectCard(slot) {
  const project = slot.project;
  return h(
    'article',
    { class: 'card project', id: 'project', dataset: { slotId: slot.slotId, state: slot.state } },
    h(
      'p',
      { class: 'project-head' },
      h('span', { class: 'position' }, t('position', { n: slot.position })),
      h('span', { class: 'chip state', dataset: { state: slot.state } }, t(`state.${slot.state}`)),
      h('span', { class: 'pitch-timer', id: 'pitch-timer', 'aria-live': 'off' }),
    ),
    h('h1', { class: 'project-title', id: 'project-title' }, project.title),
    h(
      'p',
      { class: 'project-meta' },
      h(
        'span',
        { class: 'chip category' },
        currentLang() === 'en' ? project.category.labelEn : project.category.labelZh,
      ),
      h('span', {}, project.organizationName),
      project.community ? h('span', {}, project.community) : null,
    ),
    h(
      'details',
      {
        class: 'project-details',
        open: state.detailsOpen,
        onToggle: (event) => {
          state.detailsOpen = event.currentTarget.open;
        },
      },
      h('summary', {}, t('details')),
      h(
        'dl',
        {},
        h('dt', {}, t('summary')),
        h('dd', {}, project.summary),
        h('dt', {}, t('need')),
        h('dd', {}, project.needAddressed),
        h('dt', {}, t('requested')),
        h('dd', {}, formatYuan(project.requestedFen)),
      ),
    ),
    slot.state === 'locked'
      ? null
      : h(
          'button',
          { type: 'button', class: 'recuse', id: 'recuse-button', onClick: () => askRecusal(slot) },
          t('recuse'),
        ),
  );
}

function scoreForm(slot) {
  const locked = slot.state === 'locked';
  const form = formFor(slot.slotId);
  const criteria = rubric();
  const element = h('form', {
    class: 'card score-form',
    id: 'score-form',
    novalidate: true,
    dataset: { slotId: slot.slotId },
    'aria-labelledby': 'project-title',
  });
  const stepGroup = h(
    'div',
    { class: 'step-choice', role: 'group', 'aria-labelledby': 'step-label' },
    h('span', { id: 'step-label' }, t('step')),
    STEPS.map((step) =>
      h(
        'button',
        {
          type: 'button',
          class: 'toggle',
          'aria-pressed': String(state.step === step),
          disabled: locked,
          dataset: { step: fromHundredths(step) },
          onClick: () => {
            state.step = step;
            stageKey = undefined;
            renderStage();
          },
        },
        t('stepValue', { step: fromHundredths(step) }),
      ),
    ),
  );
  if (!locked) element.append(stepGroup);
  for (const criterion of criteria) {
    element.append(
      criterion.gate
        ? gateRow(criterion, slot.slotId, form, locked)
        : criterionRow(criterion, slot.slotId, form, locked),
    );
  }
  element.append(
    h(
      'div',
      { class: 'total', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'total-label' }, t('total')),
      h('output', { id: 'total', for: criteria.map((criterion) => `mark-${criterion.key}`).join(' ') }),
      h('span', { class: 'total-max', id: 'total-max' }),
      h('span', { class: 'total-note', id: 'total-note' }),
    ),
  );
  const comment = h('textarea', { id: 'comment', rows: '3', maxlength: '2000', disabled: locked });
  comment.value = form.comment ?? '';
  comment.addEventListener('input', () => {
    form.comment = comment.value;
    keepDraft(slot.slotId, form);
  });
  element.append(h('div', { class: 'comment' }, h('label', { for: 'comment' }, t('comment')), comment));
  element.append(
    h(
      'div',
      { class: 'save-line' },
      h(
        'p',
        { class: 'save-status', id: 'save-status', role: 'status', 'aria-live': 'polite' },
        h('span', { class: 'save-text', id: 'save-text' }),
        h('span', { class: 'save-hint', id: 'save-hint' }),
      ),
      h('p', { class: 'dirty', id: 'dirty', hidden: true }, t('unsavedEdits')),
      h('p', { class: 'error', id: 'form-error', role: 'alert', hidden: true }),
      locked ? h('p', { class: 'locked-hint', id: 'locked-hint' }, t('lockedHint')) : null,
      h('p', { class: 'announced', id: 'announced', hidden: true }),
    ),
  );
  if (!locked) element.append(h('button', { type: 'submit', class: 'primary wide submit', id: 'submit' }));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(slot);
  });
  return element;
}

function criterionRow(criterion, slotId, form, locked) {
  const id = `mark-${criterion.key}`;
  const max = toHundredths(criterion.maxPoints);
  const label = labelOf(criterion);
  const input = h('input', {
    id,
    class: 'mark',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    enterkeyhint: 'next',
    disabled: locked,
    dataset: { key: criterion.key },
    'aria-describedby': `${id}-hint ${id}-error`,
  });
  input.value = form.marks[criterion.key] ?? '';
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const changed = () => {
    form.marks[criterion.key] = input.value.trim();
    showMarkError(criterion, input, error, false);
    keepDraft(slotId, form);
  };
  input.addEventListener('input', changed);
  input.addEventListener('blur', () => {
    const value = toHundredths(input.value);
    if (value !== undefined && value <= max) {
      input.value = fromHundredths(value);
      changed();
    }
  });
  const stepper = (direction) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: `step ${direction > 0 ? 'plus' : 'minus'}`,
        disabled: locked,
        'aria-label': t(direction > 0 ? 'increase' : 'decrease', { label, step: fromHundredths(state.step) }),
        'aria-controls': id,
      },
      direction > 0 ? '+' : '−',
    );
    const apply = () => {
      const current = toHundredths(input.value) ?? 0n;
      input.value = fromHundredths(stepMark(current > max ? max : current, BigInt(direction) * state.step, max));
      changed();
    };
    let hold;
    let repeat;
    let repeated = false;
    const stop = () => {
      clearTimeout(hold);
      clearInterval(repeat);
    };
    button.addEventListener('pointerdown', () => {
      repeated = false;
      stop();
      hold = setTimeout(() => {
        repeat = setInterval(() => {
          repeated = true;
          apply();
        }, REPEAT_MS);
      }, HOLD_MS);
    });
    for (const type of ['pointerup', 'pointerleave', 'pointercancel']) button.addEventListener(type, stop);
    button.addEventListener('contextmenu', (event) => event.preventDefault());
    // A long press already stepped while held; its closing click must not add one more.
    button.addEventListener('click', () => {
      if (repeated) {
        repeated = false;
        return;
      }
      apply();
    });
    return button;
  };
  // A rebuilt form (language switch, new state) shows the judge's bad entries at once.
  showMarkError(criterion, input, error, false);
  return h(
    'div',
    { class: 'criterion', dataset: { key: criterion.key } },
    h(
      'label',
      { for: id, class: 'criterion-label' },
      h('span', { class: 'criterion-name' }, label),
      h(
        'span',
        { class: 'criterion-max', id: `${id}-hint` },
        t('outOf', { max: criterion.maxPoints }),
        criterion.weight === '1' ? '' : ` · ${t('weighted', { weight: criterion.weight })}`,
      ),
    ),
    h('div', { class: 'stepper' }, stepper(-1), input, stepper(1)),
    error,
  );
}

function showMarkError(criterion, input, error, required) {
  const raw = input.value.trim();
  const value = toHundredths(raw);
  let message;
  if (raw === '') message = required ? t('markMissing') : undefined;
  else if (value === undefined || value > toHundredths(criterion.maxPoints)) {
    message = t('markInvalid', { max: criterion.maxPoints });
  }
  error.hidden = !message;
  error.textContent = message ?? '';
  input.setAttribute('aria-invalid', String(Boolean(message)));
  return !message;
}

function gateRow(criterion, slotId, form, locked) {
  const labelId = `gate-${criterion.key}-label`;
  const error = h('p', { class: 'field-error', id: `gate-${criterion.key}-error`, hidden: true });
  const choice = (value) =>
    h(
      'button',
      {
        type: 'button',
        class: `toggle gate-${value ? 'pass' : 'fail'}`,
        id: `gate-${criterion.key}-${value ? 'pass' : 'fail'}`,
        'aria-pressed': String(form.gates[criterion.key] === value),
        disabled: locked,
        onClick: (event) => {
          form.gates[criterion.key] = value;
          for (const button of event.currentTarget.parentElement.querySelectorAll('button')) {
            button.setAttribute('aria-pressed', String(button === event.currentTarget));
          }
          error.hidden = true;
          keepDraft(slotId, form);
        },
      },
      t(value ? 'gatePass' : 'gateFail'),
    );
  return h(
    'div',
    {
      class: 'criterion gate',
      role: 'group',
      'aria-labelledby': labelId,
      'aria-describedby': `gate-${criterion.key}-hint ${error.id}`,
      dataset: { key: criterion.key },
    },
    h(
      'p',
      { class: 'criterion-label', id: labelId },
      h('span', { class: 'criterion-name' }, labelOf(criterion)),
      h('span', { class: 'criterion-max', id: `gate-${criterion.key}-hint` }, t('gateHint')),
    ),
    h('div', { class: 'gate-choice' }, choice(true), choice(false)),
    error,
  );
}

function keepDraft(slotId, form) {
  state.local.drafts[slotId] = form;
  saveLocal();
  updateStage();
}

/** Refreshes the live parts of the stage in place, so typing and focus are never disturbed. */
function updateStage() {
  const current = state.view?.current;
  const formElement = document.getElementById('score-form');
  updateTimer();
  if (!current || !formElement || current.recused) return;
  const form = formFor(current.slotId);
  const marks = {};
  for (const criterion of rubric()) {
    if (!criterion.gate) {
      const value = toHundredths(form.marks[criterion.key]);
      if (value !== undefined && value <= toHundredths(criterion.maxPoints)) marks[criterion.key] = value;
    }
  }
  const { total, max, complete } = weightedTotal(rubric(), marks);
  document.getElementById('total').textContent = total;
  document.getElementById('total-max').textContent = `/ ${max}`;
  document.getElementById('total-note').textContent = complete ? '' : t('totalIncomplete');

  const status = statusOf(current);
  const line = document.getElementById('save-status');
  const locked = current.state === 'locked';
  line.dataset.status = status.kind;
  line.dataset.locked = String(locked);
  document.getElementById('save-text').textContent = locked ? `${t('status.locked')} · ${status.text}` : status.text;
  document.getElementById('save-hint').textContent = status.hint ?? '';
  const base = baseline(current.slotId);
  const dirty = !locked && base !== undefined && !sameForm(form, base);
  document.getElementById('dirty').hidden = !dirty;
  const submitButton = document.getElementById('submit');
  if (submitButton) submitButton.textContent = base ? t('resubmit') : t('submit');
  const announced = document.getElementById('announced');
  announced.hidden = !(locked && current.announcedScore);
  announced.textContent = current.announcedScore ? t('announced', { score: current.announcedScore }) : '';
}

function updateTimer() {
  const timer = document.getElementById('pitch-timer');
  const current = state.view?.current;
  if (!timer) return;
  if (!current || current.state !== 'presenting' || !current.pitchStartedAt) {
    timer.textContent = '';
    return;
  }
  const left = Math.ceil((Date.parse(current.pitchStartedAt) + current.pitchSeconds * 1000 - Date.now()) / 1000);
  timer.dataset.overtime = String(left <= 0);
  timer.textContent = left > 0 ? t('pitchLeft', { time: formatClock(left) }) : t('pitchOver');
}

function submit(slot) {
  const formElement = document.getElementById('score-form');
  const form = formFor(slot.slotId);
  let valid = true;
  const criteria = {};
  const gates = {};
  for (const criterion of rubric()) {
    if (criterion.gate) {
      const error = document.getElementById(`gate-${criterion.key}-error`);
      const value = form.gates[criterion.key];
      error.hidden = typeof value === 'boolean';
      error.textContent = t('gateMissing');
      if (typeof value === 'boolean') gates[criterion.key] = value;
      else valid = false;
    } else {
      const input = document.getElementById(`mark-${criterion.key}`);
      const error = document.getElementById(`mark-${criterion.key}-error`);
      if (showMarkError(criterion, input, error, true)) {
        criteria[criterion.key] = fromHundredths(toHundredths(input.value));
      } else valid = false;
    }
  }
  const formError = document.getElementById('form-error');
  formError.hidden = valid;
  formError.textContent = valid ? '' : t('fixErrors');
  if (!valid) {
    formElement.querySelector('[aria-invalid="true"], .field-error:not([hidden])')?.scrollIntoView({ block: 'center' });
    return;
  }
  const body = { criteria };
  if (rubric().some((criterion) => criterion.gate)) body.gates = gates;
  const comment = (form.comment ?? '').trim();
  if (comment) body.comment = comment;
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
    // The tablet's storage refused the write: say so rather than pretend the score is kept.
    formError.hidden = false;
    formError.textContent = t('storageFull');
    return;
  }
  delete state.local.drafts[slot.slotId];
  delete state.local.rejected[slot.slotId];
  saveLocal();
  renderDynamic();
  void syncNow();
}

// ---------------------------------------------------------------- my slots

function renderSlots() {
  const section = document.getElementById('my-slots');
  if (!section) return;
  clear(section);
  section.append(h('h2', { id: 'my-slots-title' }, t('mySlots')), h('p', { class: 'hint' }, t('mySlotsHint')));
  if (state.slots.length === 0) {
    section.append(h('p', {}, t('noSlots')));
    return;
  }
  const list = h('ol', { class: 'slot-list' });
  for (const slot of state.slots) {
    const status = statusOf(slot);
    const onStage = state.view?.current?.slotId === slot.slotId;
    list.append(
      h(
        'li',
        {
          class: `slot-row${onStage ? ' on-stage' : ''}`,
          dataset: { slotId: slot.slotId, status: status.kind, state: slot.state },
        },
        h('span', { class: 'position' }, t('position', { n: slot.position })),
        h('span', { class: 'slot-title' }, slot.project?.title ?? t('status.recused')),
        h('span', { class: 'chip state', dataset: { state: slot.state } }, t(`state.${slot.state}`)),
        h('span', { class: `slot-status status-${status.kind}` }, status.text),
        slot.announcedScore ? h('span', { class: 'slot-score' }, t('announced', { score: slot.announcedScore })) : null,
        !slot.recused && slot.state !== 'locked' && slot.project && !onStage
          ? h('button', { type: 'button', class: 'recuse small', onClick: () => askRecusal(slot) }, t('recuse'))
          : null,
      ),
    );
  }
  section.append(list);
}

// ---------------------------------------------------------------- dialogs and recusal

/** A modal with a confirm button; `onConfirm` resolves to an error message to show, or nothing to close. */
function openDialog({ title, body, content, confirmLabel, onConfirm }) {
  const titleId = 'dialog-title';
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const cancel = h('button', { type: 'button', class: 'dialog-cancel' }, t('cancel'));
  const confirm = h('button', { type: 'button', class: 'primary', id: 'dialog-confirm' }, confirmLabel);
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    h('p', {}, body),
    content,
    error,
    h('div', { class: 'dialog-actions' }, cancel, confirm),
  );
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('input', () => {
    error.hidden = true;
  });
  dialog.addEventListener('close', () => dialog.remove());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const message = await onConfirm();
    confirm.disabled = false;
    if (message) {
      error.hidden = false;
      error.textContent = message;
    } else dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function askRecusal(slot) {
  const reason = h('textarea', { id: 'recusal-reason', rows: '3', maxlength: '500', required: true });
  openDialog({
    title: t('recuseTitle', { title: slot.project?.title ?? t('position', { n: slot.position }) }),
    body: t('recuseBody'),
    content: h('div', { class: 'comment' }, h('label', { for: 'recusal-reason' }, t('recuseReason')), reason),
    confirmLabel: t('recuseConfirm'),
    onConfirm: async () => {
      const text = reason.value.trim();
      if (!text) return t('recuseReasonMissing');
      try {
        await api('/judge/recusals', {
          method: 'POST',
          token: state.session.token,
          body: { submissionId: slot.project.submissionId, reason: text },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) expire();
        return failure instanceof ApiError ? failure.text() : String(failure);
      }
      void refresh();
      return undefined;
    },
  });
  queueMicrotask(() => reason.focus());
}

// ---------------------------------------------------------------- start

i18n.onChange(() => renderAll());
window.addEventListener('online', () => {
  renderBar();
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
  if (outbox.items(state.judgeId).length > 0 && now - lastSyncAt >= SYNC_INTERVAL_MS) void syncNow();
  const stale = now - lastRefreshAt;
  if ((state.live !== 'open' && stale >= POLL_MS) || stale >= SAFETY_REFRESH_MS) void refresh();
}, 1000);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/judge/sw.js', { scope: '/judge/' }).catch(() => {
    // Without it the page still works online; only a reload while offline needs it.
  });
}

const saved = loadSession();
if (saved) startSession(saved);
else renderAll();
