// What the tablet keeps in localStorage besides the outbox (outbox.js): the session, the last
// roadshow view, and per judge the unsent edits, the server's answers and its refusals. A reload
// without network finds all of it.
import { state } from './state.js';

const SESSION_KEY = 'gongyi.judge.session';
/** The last roadshow view per judge, so a reload without network still shows the stage and form. */
const VIEW_KEY = 'gongyi.judge.view';
/** Per judge: unsent edits (drafts), the server's last answers (acks) and refusals (rejected). */
const LOCAL_KEY = 'gongyi.judge.local';
/** The roadshow of the last judge link or QR code opened here: a tablet serves one hall. */
const ROADSHOW_KEY = 'gongyi.judge.roadshow';

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

/** The stored session, unless it is malformed or expired. */
export function loadSession() {
  const session = readJson(SESSION_KEY, undefined);
  if (!session?.token || !session.judge?.id || !session.roadshow?.id) return undefined;
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return undefined;
  return session;
}

export function saveSession(session) {
  writeJson(SESSION_KEY, session);
}

export function forgetSession() {
  localStorage.removeItem(SESSION_KEY);
}

export function loadLocal(judgeId) {
  const stored = readJson(LOCAL_KEY, {})[judgeId] ?? {};
  return { drafts: stored.drafts ?? {}, acks: stored.acks ?? {}, rejected: stored.rejected ?? {} };
}

/** Writes the signed-in judge's drafts, acks and refusals; other judges' records stay as they were. */
export function saveLocal() {
  if (!state.judgeId) return;
  const all = readJson(LOCAL_KEY, {});
  all[state.judgeId] = state.local;
  writeJson(LOCAL_KEY, all);
}

/** The last view and slots this judge fetched, or nothing when another judge used the tablet since. */
export function loadCachedView(judgeId) {
  const cached = readJson(VIEW_KEY, undefined);
  return cached?.judgeId === judgeId ? { view: cached.view, slots: cached.slots } : undefined;
}

export function saveCachedView(judgeId, view, slots) {
  writeJson(VIEW_KEY, { judgeId, view, slots });
}

export function loadRoadshowId() {
  return localStorage.getItem(ROADSHOW_KEY) ?? undefined;
}

export function saveRoadshowId(roadshowId) {
  localStorage.setItem(ROADSHOW_KEY, roadshowId);
}
