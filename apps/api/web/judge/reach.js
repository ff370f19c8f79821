// Whether the server answers. The live stream can stay open while every request fails (a proxy
// that keeps old connections, an API that stopped behind it), so the tablet asks the server itself:
// a heartbeat every few seconds, which also shows the office that this tablet is on. Any answer
// of the API proves it reachable; a network error, a timeout or a 5xx, that it is not.
import { ApiError, api } from '../shared/api.js';

const BEAT_MS = 5_000;
/** While unreachable, ask more often: the judge should see the server back as soon as it is. */
const RETRY_MS = 2_000;
const TIMEOUT_MS = 4_000;

/** An answer that says nothing about the API: no answer at all, or the proxy's instead of the API's. */
export function isUnreachable(error) {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * `getToken()` gives the session's token (no beat without one); `onChange()` runs when
 * reachability flips; `onBack()` when the server answers again; `onUnauthorized()` when the
 * session has ended (a reissued code, a removed judge).
 */
export function createReach({ getToken, onChange, onBack, onUnauthorized }) {
  let reachable = true;
  let timer;

  const set = (value) => {
    if (value === reachable) return;
    reachable = value;
    onChange();
    if (value) onBack();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void beat(), reachable ? BEAT_MS : RETRY_MS);
  };

  const beat = async () => {
    const token = getToken();
    if (token && navigator.onLine !== false) {
      try {
        await api('/judge/heartbeat', { method: 'POST', token, signal: AbortSignal.timeout(TIMEOUT_MS) });
        set(true);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        else set(!isUnreachable(error));
      }
    }
    schedule();
  };

  return {
    start: () => void beat(),
    stop: () => clearTimeout(timer),
    reachable: () => reachable,
    /** What another request learned: it got an answer from the API (true) or none (false). */
    saw: (answered) => {
      set(answered);
      if (!answered) schedule();
    },
  };
}
