import { ClientRequest, IncomingHttpHeaders, IncomingMessage, request } from 'node:http';

export interface SseEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  /** performance.now() when the event's frame was parsed, for latency measurements. */
  readonly receivedAt: number;
}

/**
 * Reads a text/event-stream over a raw HTTP connection and parses it as an EventSource would
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * frames end with a blank line, `id:` updates the last event id even in a frame without data,
 * lines starting with `:` are comments.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** What an EventSource would send as Last-Event-ID on reconnecting. */
  lastEventId = '';
  retry: number | undefined;
  ended = false;
  private buffer = '';
  private frame: { id?: string; type?: string; data: string[] } = { data: [] };
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly req: ClientRequest,
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
    response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
    response.on('close', () => {
      this.ended = true;
      this.notify();
    });
  }

  static connect(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, baseUrl), {
        agent: false,
        headers: { accept: 'text/event-stream', ...headers },
      });
      req.once('response', (response) =>
        resolve(new SseClient(req, response.statusCode ?? 0, response.headers, response)),
      );
      req.once('error', reject);
      req.end();
    });
  }

  /** Waits until `predicate` holds, re-checked on every chunk received and when the stream ends. */
  async until(predicate: (client: SseClient) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (predicate(this)) return;
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!predicate(this)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; got ids [${this.ids().join(', ')}], comments ${JSON.stringify(this.comments)}, ended=${this.ended}`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  untilEvents(count: number, timeoutMs?: number): Promise<void> {
    return this.until((client) => client.events.length >= count, timeoutMs, `${count} event(s)`);
  }

  ids(): string[] {
    return this.events.map((event) => event.id);
  }

  close(): void {
    this.req.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line);
    this.notify();
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    switch (field) {
      case 'id':
        this.frame.id = value;
        break;
      case 'event':
        this.frame.type = value;
        break;
      case 'data':
        this.frame.data.push(value);
        break;
      case 'retry':
        this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    const { id, type, data } = this.frame;
    this.frame = { data: [] };
    if (id !== undefined) this.lastEventId = id;
    if (data.length === 0) return;
    this.events.push({
      id: this.lastEventId,
      type: type ?? 'message',
      data: data.join('\n'),
      receivedAt: performance.now(),
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
