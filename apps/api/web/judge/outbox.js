// Scores waiting for the server. Every submit is written here first, with its idempotency key,
// before any request is made; an item leaves only when the server has answered for it: saved, or
// refused for good (shown to the judge). What a refusal means is decided by its reason, from the
// server's own lists: a reason to try again (busy, too fast) and no answer at all keep the item with
// the same key, so a retry of a request whose answer was lost writes nothing new; an ended sign-in
// keeps it for after the judge signs in again.
import { SCORE_POST_RETRY_REASONS, SCORE_POST_SIGNED_OUT_REASONS } from '/vocabulary.js';
import { ApiError, api } from '../shared/api.js';
import { isUnreachable } from './reach.js';

const STORAGE_KEY = 'gongyi.judge.outbox';
/** A request that hangs on weak Wi-Fi is given up after this long and tried again. */
const REQUEST_TIMEOUT_MS = 10_000;
/** How often pending items are retried while any wait; 'online' and reconnects also trigger it. */
export const SYNC_INTERVAL_MS = 3_000;

/** The server answered and refused (an error body with its reason), rather than failing or not answering. */
const refused = (failure) => failure.status >= 400 && failure.status < 500;

/**
 * A fresh key per submit. crypto.randomUUID needs a secure context; a venue tablet that opens the
 * page over plain http on the LAN has only getRandomValues, so build the v4 UUID from that.
 */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function readAll() {
  try {
    const items = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}

function writeAll(items) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
}

/** A saved score as the API returns it; anything else (a captive portal's page) is not an answer. */
function isScoreResponse(value, item) {
  return (
    value !== null &&
    typeof value === 'object' &&
    value.slotId === item.slotId &&
    Number.isInteger(value.revision) &&
    typeof value.savedAt === 'string'
  );
}

/**
 * The outbox of one device. `getToken(judgeId)` gives the bearer token for a judge's items (or
 * nothing when that judge is not signed in here); `onSaved(item, score)`, `onRejected(item,
 * error)`, `onUnauthorized()` and `onChange()` let the page show what happened; `onReach(answered)`
 * whether the API answered at all.
 */
export function createOutbox({ getToken, onSaved, onRejected, onUnauthorized, onChange, onReach }) {
  let running;
  let again = false;
  let lastError;

  const items = (judgeId) => readAll().filter((item) => item.judgeId === judgeId);

  /**
   * Queues a score. A newer submit for the same project replaces one still waiting: whether or not
   * the older one had reached the server, the server ends up with the judge's latest marks.
   */
  const put = (item) => {
    const others = readAll().filter((other) => !(other.judgeId === item.judgeId && other.slotId === item.slotId));
    writeAll([...others, item]);
    onChange();
  };

  const remove = (key) => {
    writeAll(readAll().filter((item) => item.key !== key));
  };

  /** Sends one item; false when the network (or the session) stops this pass. */
  const send = async (item, token) => {
    const attempt = readAll().find((stored) => stored.key === item.key);
    if (!attempt) return true;
    attempt.attempts = (attempt.attempts ?? 0) + 1;
    attempt.lastTriedAt = new Date().toISOString();
    writeAll(readAll().map((stored) => (stored.key === attempt.key ? attempt : stored)));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const score = await api(`/judge/slots/${encodeURIComponent(item.slotId)}/score`, {
        method: 'PUT',
        token,
        headers: { 'Idempotency-Key': item.key },
        body: item.body,
        signal: controller.signal,
      });
      if (!isScoreResponse(score, item)) {
        lastError = new ApiError(0, undefined);
        onReach(false);
        return false;
      }
      onReach(true);
      remove(item.key);
      lastError = undefined;
      onSaved(item, score);
      return true;
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, undefined);
      onReach(!isUnreachable(failure));
      if (refused(failure) && SCORE_POST_SIGNED_OUT_REASONS.includes(failure.reason)) {
        lastError = failure;
        onUnauthorized();
        return false;
      }
      if (refused(failure) && !SCORE_POST_RETRY_REASONS.includes(failure.reason)) {
        remove(item.key);
        onRejected(item, failure);
        return true;
      }
      lastError = failure;
      return false;
    } finally {
      clearTimeout(timer);
      onChange();
    }
  };

  /** One pass over the waiting items, oldest first; calls while a pass runs fold into one more pass. */
  const sync = () => {
    // The browser knows it has no network: a send could only fail. The 'online' event starts the
    // next pass. (It also keeps a page that a service worker controls from reaching a network that
    // test harnesses emulate as down only for the page itself.)
    if (navigator.onLine === false) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const waiting = readAll().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        for (const item of waiting) {
          const token = getToken(item.judgeId);
          if (!token) continue;
          if (!(await send(item, token))) break;
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    put,
    items,
    pendingFor: (judgeId, slotId) => items(judgeId).find((item) => item.slotId === slotId),
    sync,
    /** The error that stopped the last pass (network, timeout, 5xx), for the status line. */
    lastError: () => lastError,
    isSyncing: () => running !== undefined,
  };
}
