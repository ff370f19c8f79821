// Server-sent events over fetch, so that a stream behind a bearer token (a ranking run's progress)
// works like a public one. Reconnects after a drop and sends Last-Event-ID, so nothing is missed.
const RETRY_MS = 2000;

function parseBlock(block) {
  const event = { id: undefined, type: 'message', data: [] };
  for (const raw of block.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id') event.id = value;
    else if (name === 'event') event.type = value;
    else if (name === 'data') event.data.push(value);
  }
  if (event.data.length === 0) return { id: event.id };
  const text = event.data.join('\n');
  let data = text;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the payload.
  }
  return { id: event.id, type: event.type, data };
}

/**
 * Opens `url` as an event stream. `onEvent({ id, type, data })` per event; `onState('open' |
 * 'retrying' | 'closed')` for a connection indicator; `onFatal(status)` when the server refuses
 * (4xx): no retry then. Returns { close }.
 */
export function openEventStream(url, { token, onEvent, onState = () => {}, onFatal = () => {} } = {}) {
  let stopped = false;
  let lastId;
  let controller;

  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { accept: 'text/event-stream' };
        if (token) headers.authorization = `Bearer ${token}`;
        if (lastId) headers['last-event-id'] = lastId;
        const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          stopped = true;
          onState('closed');
          onFatal(response.status);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        onState('open');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = parseBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event.id) lastId = event.id;
            if (event.type) onEvent(event);
          }
        }
      } catch {
        // Dropped or refused by the network: retried below unless closed.
      }
      if (stopped) return;
      onState('retrying');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void run();
  return {
    close() {
      stopped = true;
      controller?.abort();
    },
  };
}
