// The roadshow's live events (server-sent events) for the big screen and the judges' tablets.
// Events are only signals to refetch a snapshot: the snapshot is the truth, so an event missed
// while the Wi-Fi was down costs nothing once the page has refetched on reconnect.
import { LiveEventType } from '/vocabulary.js';

/** A new EventSource waits this long after the browser gave up on the previous one. */
const REOPEN_MS = 2000;

/**
 * Keeps an EventSource open on /roadshows/:id/events. The browser reconnects by itself with the
 * Last-Event-ID header after a dropped connection; when it gives up (an HTTP error, a proxy that
 * answered with HTML) a new EventSource is opened with ?lastEventId= so the server replays what
 * was missed. `onStatus` gets 'connecting', 'open' or 'reconnecting'; `onOpen` runs on every
 * (re)connection, the moment to refetch the snapshot.
 */
export function connectLive(roadshowId, { onEvent, onStatus = () => {}, onOpen = () => {} }) {
  let source;
  let lastEventId;
  let reopenTimer;
  let stopped = false;
  let everOpened = false;

  const open = () => {
    const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '';
    source = new EventSource(`/roadshows/${encodeURIComponent(roadshowId)}/events${query}`);
    source.addEventListener('open', () => {
      everOpened = true;
      onStatus('open');
      onOpen();
    });
    source.addEventListener('error', () => {
      if (stopped) return;
      onStatus(everOpened ? 'reconnecting' : 'connecting');
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(() => {
          if (!stopped) open();
        }, REOPEN_MS);
      }
    });
    // An EventSource hears only the event names it listens to: every one the API sends.
    for (const type of Object.values(LiveEventType)) {
      source.addEventListener(type, (event) => {
        if (event.lastEventId) lastEventId = event.lastEventId;
        let data = {};
        try {
          data = JSON.parse(event.data);
        } catch {
          // A malformed payload still means "something changed": the refetch shows what.
        }
        onEvent(type, data);
      });
    }
  };

  onStatus('connecting');
  open();
  return {
    close() {
      stopped = true;
      clearTimeout(reopenTimer);
      source?.close();
    },
  };
}
