import { BeforeApplicationShutdown, Injectable, Logger, MessageEvent } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { SignalBus } from '@app/application';
import { RoadshowErrors } from '@app/domain';
import { LiveEvent, LiveEventRepository } from '@app/persistence';

/** Rows read per query; a client reconnecting after a long gap is caught up page by page. */
const PAGE_SIZE = 500;
/** Reads without a signal, in case one was lost on the way. */
const CATCH_UP_MS = 5_000;
/** The same while the signal connection is down, when no signal comes at all. */
const CATCH_UP_WITHOUT_SIGNALS_MS = 1_000;
/** Proxies and load balancers close connections that stay silent for about a minute. */
const HEARTBEAT_MS = 15_000;
const TICK_MS = 1_000;
/** How long an EventSource waits before reconnecting, sent with the greeting. */
const CLIENT_RETRY_MS = 2_000;

const GREETING = '已连接 / connected';
const HEARTBEAT = '心跳 / heartbeat';

interface LiveClient {
  readonly subscriber: Subscriber<MessageEvent>;
  /** Number of the last event this client has; unknown until a fresh client is placed at "now". */
  last: bigint | undefined;
}

interface Room {
  readonly roadshowId: string;
  readonly clients: Set<LiveClient>;
  readonly stopWatching: () => void;
  /** Reads start once Redis has confirmed the subscription, so no signal falls between read and subscribe. */
  readonly subscribed: Promise<void>;
  dirty: boolean;
  draining: Promise<void> | undefined;
  lastReadAt: number;
}

function toMessage(event: LiveEvent): MessageEvent {
  return { id: event.seq, type: event.type, data: JSON.stringify(event.data) };
}

/**
 * Streams a roadshow's live events to this process's clients. Events are numbered per roadshow in
 * commit order (LiveEventRepository), so "everything after n" is always complete. The clients of
 * a roadshow share a room: one signal subscription and one reader, which on each signal reads the
 * events after the furthest-behind client once and hands every client the ones it lacks.
 */
@Injectable()
export class LiveStreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('live');
  private readonly rooms = new Map<string, Room>();
  private readonly stopRestored: () => void;
  private ticker: NodeJS.Timeout | undefined;
  private lastHeartbeatAt = 0;
  private closing = false;

  constructor(
    private readonly events: LiveEventRepository,
    private readonly signals: SignalBus,
  ) {
    this.stopRestored = signals.onRestored(() => this.rooms.forEach((room) => this.wake(room)));
  }

  /** Open event streams on this process, every roadshow together. */
  connectionCount(): number {
    let count = 0;
    this.rooms.forEach((room) => (count += room.clients.size));
    return count;
  }

  /**
   * The roadshow's events after `lastEventId`, then live ones; without it, from now on. Refuses an
   * unknown roadshow before anything is streamed.
   */
  async open(roadshowId: string, lastEventId: string | undefined): Promise<Observable<MessageEvent>> {
    if (!(await this.events.roadshowExists(roadshowId))) {
      throw RoadshowErrors.roadshowNotFound('id');
    }
    const from = lastEventId === undefined ? undefined : BigInt(lastEventId);
    return new Observable<MessageEvent>((subscriber) => {
      if (this.closing) {
        subscriber.complete();
        return undefined;
      }
      const client: LiveClient = { subscriber, last: from };
      const room = this.join(roadshowId, client);
      // A fresh client is greeted once "now" is known (see pull()). The greeting always carries an
      // id: Nest numbers any non-comment message without one, which would corrupt Last-Event-ID.
      if (from !== undefined) subscriber.next({ id: from.toString(), comment: GREETING, retry: CLIENT_RETRY_MS });
      this.wake(room);
      return () => this.leave(room, client);
    });
  }

  /** Clients of the roadshow connected to this process. */
  listenerCount(roadshowId: string): number {
    return this.rooms.get(roadshowId)?.clients.size ?? 0;
  }

  /** Ends every stream so the HTTP server can close; clients reconnect elsewhere with their Last-Event-ID. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.stopTicker();
    this.stopRestored();
    const rooms = [...this.rooms.values()];
    for (const room of rooms) {
      for (const client of [...room.clients]) client.subscriber.complete();
    }
    await Promise.allSettled(rooms.flatMap((room) => (room.draining ? [room.draining] : [])));
  }

  private join(roadshowId: string, client: LiveClient): Room {
    let room = this.rooms.get(roadshowId);
    if (!room) {
      const watch = this.signals.watchRoadshow(roadshowId, () => {
        const current = this.rooms.get(roadshowId);
        if (current) this.wake(current);
      });
      room = {
        roadshowId,
        clients: new Set(),
        stopWatching: watch.stop,
        subscribed: watch.ready,
        dirty: false,
        draining: undefined,
        lastReadAt: 0,
      };
      this.rooms.set(roadshowId, room);
      this.startTicker();
    }
    room.clients.add(client);
    return room;
  }

  private leave(room: Room, client: LiveClient): void {
    room.clients.delete(client);
    if (room.clients.size > 0 || this.rooms.get(room.roadshowId) !== room) return;
    this.rooms.delete(room.roadshowId);
    room.stopWatching();
    if (this.rooms.size === 0) this.stopTicker();
  }

  private isOpen(room: Room): boolean {
    return !this.closing && room.clients.size > 0 && this.rooms.get(room.roadshowId) === room;
  }

  /** Signals that arrive while the room reads coalesce into one more read. */
  private wake(room: Room): void {
    room.dirty = true;
    room.draining ??= this.drain(room);
  }

  private async drain(room: Room): Promise<void> {
    try {
      await room.subscribed;
      while (room.dirty && this.isOpen(room)) {
        room.dirty = false;
        await this.pull(room);
      }
    } catch (error) {
      // Postgres is unreachable or the read failed: the ticker tries again.
      this.logger.warn(
        `live read for roadshow ${room.roadshowId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      room.draining = undefined;
    }
  }

  /** One catch-up of the room: every client gets the events after the one it has, in order. */
  private async pull(room: Room): Promise<void> {
    room.lastReadAt = Date.now();
    if ([...room.clients].some((client) => client.last === undefined)) {
      const latest = await this.events.latestSeq(room.roadshowId);
      for (const client of room.clients) {
        if (client.last !== undefined) continue;
        client.last = latest;
        client.subscriber.next({ id: latest.toString(), comment: GREETING, retry: CLIENT_RETRY_MS });
      }
    }
    const behind = [...room.clients].map((client) => client.last as bigint);
    if (behind.length === 0) return;
    let after = behind.reduce((min, last) => (last < min ? last : min));
    for (;;) {
      const rows = await this.events.readAfter(room.roadshowId, after, PAGE_SIZE);
      for (const row of rows) {
        const seq = BigInt(row.seq);
        for (const client of room.clients) {
          if ((client.last as bigint) < seq) {
            client.subscriber.next(toMessage(row));
            client.last = seq;
          }
        }
      }
      if (rows.length < PAGE_SIZE || !this.isOpen(room)) return;
      after = BigInt(rows[rows.length - 1].seq);
    }
  }

  private startTicker(): void {
    if (this.ticker) return;
    this.lastHeartbeatAt = Date.now();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastHeartbeatAt >= HEARTBEAT_MS) {
      this.lastHeartbeatAt = now;
      this.rooms.forEach((room) => room.clients.forEach((client) => client.subscriber.next({ comment: HEARTBEAT })));
    }
    const period = this.signals.connected ? CATCH_UP_MS : CATCH_UP_WITHOUT_SIGNALS_MS;
    this.rooms.forEach((room) => {
      if (now - room.lastReadAt >= period) this.wake(room);
    });
  }
}
