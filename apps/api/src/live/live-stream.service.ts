import { BeforeApplicationShutdown, Injectable, Logger, MessageEvent } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { DomainError, DomainErrorCode } from '@app/domain';
import { LiveEvent } from '@app/persistence';
import { LiveEventRepository, LockMode } from './live-event.repository';
import { SubscriberRedis } from './subscriber-redis';

/** Rows read per query; a client reconnecting after a long gap is caught up page by page. */
const PAGE_SIZE = 500;
/** Reads without a signal, in case one was lost on the way. */
const CATCH_UP_MS = 5_000;
/** The same while the Redis subscriber is down, when no signal comes at all. */
const CATCH_UP_WITHOUT_REDIS_MS = 1_000;
/** Proxies and load balancers close connections that stay silent for about a minute. */
const HEARTBEAT_MS = 15_000;
const TICK_MS = 1_000;
/** How long an EventSource waits before reconnecting, sent with the greeting. */
const CLIENT_RETRY_MS = 2_000;
/** While an append of the roadshow is in flight: its own signal follows its commit, this is the fallback. */
const BUSY_RETRY_MS = 25;
/** After this long of finding appends in flight, a reader queues for the lock instead of trying... */
const STARVATION_MS = 1_000;
/** ...and then less often, so a long transaction holding the append lock does not keep the roadshow's other appenders queued. */
const STARVED_RETRY_MS = 250;

const GREETING = '已连接 / connected';
const HEARTBEAT = '心跳 / heartbeat';

interface LiveClient {
  readonly subscriber: Subscriber<MessageEvent>;
  /** Id of the last event this client has (or had before reconnecting); unknown until a fresh client is placed at "now". */
  last: bigint | undefined;
}

interface Room {
  readonly roadshowId: string;
  readonly clients: Set<LiveClient>;
  /** Reads start only once Redis has confirmed the subscription, so no signal falls between read and subscribe. */
  readonly subscribed: Promise<void>;
  dirty: boolean;
  draining: Promise<void> | undefined;
  retry: NodeJS.Timeout | undefined;
  busySince: number | undefined;
  lastReadAt: number;
}

function toMessage(event: LiveEvent): MessageEvent {
  return { id: event.id, type: event.type, data: JSON.stringify(event.data) };
}

/**
 * Streams a roadshow's live events to this process's clients. The clients of a roadshow share a
 * room: one Redis channel subscription and one reader, which on each signal reads the rows after
 * the furthest-behind client once and hands every client the ones it has not had yet. Postgres ids
 * give the order and completeness; Redis only says when to look.
 */
@Injectable()
export class LiveStreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('live');
  private readonly rooms = new Map<string, Room>();
  private ticker: NodeJS.Timeout | undefined;
  private lastHeartbeatAt = 0;
  private closing = false;

  constructor(
    private readonly events: LiveEventRepository,
    private readonly signals: SubscriberRedis,
  ) {
    signals.listen({
      signal: (roadshowId) => {
        const room = this.rooms.get(roadshowId);
        if (room) this.wake(room);
      },
      restored: () => this.rooms.forEach((room) => this.wake(room)),
    });
  }

  /**
   * The roadshow's events after `lastEventId`, then live ones; without it, from now on. Refuses an
   * unknown roadshow before anything is streamed.
   */
  async open(roadshowId: string, lastEventId: string | undefined): Promise<Observable<MessageEvent>> {
    if (!(await this.events.roadshowExists(roadshowId))) {
      throw new DomainError(
        DomainErrorCode.NotFound,
        { zh: `路演 ${roadshowId} 不存在`, en: `roadshow ${roadshowId} does not exist` },
        'id',
      );
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
    const rooms = [...this.rooms.values()];
    for (const room of rooms) {
      clearTimeout(room.retry);
      for (const client of [...room.clients]) client.subscriber.complete();
    }
    await Promise.allSettled(rooms.flatMap((room) => (room.draining ? [room.draining] : [])));
  }

  private join(roadshowId: string, client: LiveClient): Room {
    let room = this.rooms.get(roadshowId);
    if (!room) {
      room = {
        roadshowId,
        clients: new Set(),
        subscribed: this.signals.add(roadshowId),
        dirty: false,
        draining: undefined,
        retry: undefined,
        busySince: undefined,
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
    clearTimeout(room.retry);
    this.signals.remove(room.roadshowId);
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
        if (!(await this.pull(room))) {
          this.retryLater(room);
          break;
        }
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

  private retryLater(room: Room): void {
    room.busySince ??= Date.now();
    if (room.retry || !this.isOpen(room)) return;
    const starved = Date.now() - room.busySince >= STARVATION_MS;
    room.retry = setTimeout(
      () => {
        room.retry = undefined;
        if (this.isOpen(room)) this.wake(room);
      },
      starved ? STARVED_RETRY_MS : BUSY_RETRY_MS,
    );
    room.retry.unref();
  }

  /** One catch-up of the room; false when an append is in flight and the read must wait for its commit. */
  private async pull(room: Room): Promise<boolean> {
    const mode: LockMode =
      room.busySince !== undefined && Date.now() - room.busySince >= STARVATION_MS ? 'wait' : 'try';

    if ([...room.clients].some((client) => client.last === undefined)) {
      const latest = await this.events.latestId(room.roadshowId, mode);
      if (latest === undefined) return false;
      for (const client of room.clients) {
        if (client.last !== undefined) continue;
        client.last = latest;
        // The id makes "now" the client's Last-Event-ID, so even a client that has received no
        // event yet reconnects without a gap.
        client.subscriber.next({ id: latest.toString(), comment: GREETING, retry: CLIENT_RETRY_MS });
      }
    }

    // Clients that join during the read are served by the next pass, from their own position.
    const targets = [...room.clients].filter(
      (client): client is LiveClient & { last: bigint } => client.last !== undefined,
    );
    if (targets.length > 0) {
      let after = targets.reduce((low, client) => (client.last < low ? client.last : low), targets[0].last);
      for (;;) {
        const rows = await this.events.readAfter(room.roadshowId, after, PAGE_SIZE, mode);
        if (rows === undefined) return false;
        for (const row of rows) {
          const id = BigInt(row.id);
          const message = toMessage(row);
          for (const client of targets) {
            if (id <= client.last || client.subscriber.closed) continue;
            client.last = id;
            client.subscriber.next(message);
          }
        }
        if (rows.length < PAGE_SIZE) break;
        after = BigInt(rows[rows.length - 1].id);
      }
    }
    room.busySince = undefined;
    room.lastReadAt = Date.now();
    return true;
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
    const period = this.signals.connected ? CATCH_UP_MS : CATCH_UP_WITHOUT_REDIS_MS;
    this.rooms.forEach((room) => {
      if (now - room.lastReadAt >= period) this.wake(room);
    });
  }
}
