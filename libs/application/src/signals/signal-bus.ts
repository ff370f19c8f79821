import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { closeRedis, redisOptionsFor, roadshowChannel, runChannel } from '@app/queue';
import { ProducerRedis } from '../redis/producer-redis';

type Listener = () => void;

/** A subscription waits at most this long for Redis to confirm it before the caller reads anyway. */
const SUBSCRIBE_WAIT_MS = 2_000;

/**
 * "Read again" signals between processes over Redis pub/sub: a roadshow's live events or a
 * ranking run changed. The rows in Postgres are the truth; a signal only says when to look, so a
 * lost one delays an update and loses nothing — listeners are told when the connection comes
 * back, and read then. One publisher (the process's producer connection) and one subscriber
 * connection per process, made on first use; channels are subscribed again on every reconnection
 * instead of by ioredis's auto-resubscribe, which forgets a SUBSCRIBE that failed while Redis was down.
 */
@Injectable()
export class SignalBus implements OnApplicationShutdown {
  private readonly logger = new Logger('signals');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly restoredListeners = new Set<Listener>();
  private readonly prefix: string;
  private readonly url: string;
  private subscriber: Redis | undefined;
  private lost = false;
  private closing = false;

  constructor(
    private readonly producer: ProducerRedis,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
    this.url = config.redis.url;
  }

  /** After the commit of a change to the roadshow's live events. Never throws. */
  roadshowChanged(roadshowId: string): Promise<void> {
    return this.publish(roadshowChannel(this.prefix, roadshowId));
  }

  /** After a change to the ranking run's row. Never throws. */
  runChanged(runId: string): Promise<void> {
    return this.publish(runChannel(this.prefix, runId));
  }

  watchRoadshow(roadshowId: string, listener: Listener): { ready: Promise<void>; stop: () => void } {
    return this.watch(roadshowChannel(this.prefix, roadshowId), listener);
  }

  watchRun(runId: string, listener: Listener): { ready: Promise<void>; stop: () => void } {
    return this.watch(runChannel(this.prefix, runId), listener);
  }

  /** Called each time the subscriber connection is back: whatever was signalled meanwhile is lost. */
  onRestored(listener: Listener): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  /** False while the subscriber is down: readers then look on a timer instead. */
  get connected(): boolean {
    return this.subscriber?.status === 'ready' && !this.lost;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private async publish(channel: string): Promise<void> {
    try {
      await this.producer.client.publish(channel, '1');
    } catch (error) {
      this.logger.warn(`signal ${channel} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Calls `listener` on each signal of the channel until `stop`. `ready` resolves once Redis has
   * confirmed the subscription (at once while Redis is down, and after SUBSCRIBE_WAIT_MS at the
   * latest), so a caller that reads after it misses no signal sent after its read.
   */
  private watch(channel: string, listener: Listener): { ready: Promise<void>; stop: () => void } {
    const client = this.connect();
    let set = this.listeners.get(channel);
    let ready = Promise.resolve();
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      if (client.status === 'ready') ready = this.subscribe(client, channel);
    }
    set.add(listener);
    return { ready, stop: () => this.unwatch(channel, listener) };
  }

  private unwatch(channel: string, listener: Listener): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    set.delete(listener);
    if (set.size > 0) return;
    this.listeners.delete(channel);
    if (this.subscriber?.status === 'ready') {
      this.subscriber.unsubscribe(channel).catch((error: unknown) => {
        this.logger.debug(`unsubscribe ${channel}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }

  private async subscribe(client: Redis, channel: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.subscribe(channel),
        new Promise((done) => (timer = setTimeout(done, SUBSCRIBE_WAIT_MS))),
      ]);
    } catch (error) {
      this.logger.debug(`subscribe ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private connect(): Redis {
    if (this.subscriber) return this.subscriber;
    const client = new Redis({
      ...redisOptionsFor(this.url, 'producer'),
      lazyConnect: true,
      autoResubscribe: false,
      // A big screen waits for its signal to come back: retry at most a second apart.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    });
    client.on('error', (error: Error) => this.logger.debug(`subscriber: ${error.message}`));
    client.on('message', (channel: string) => this.listeners.get(channel)?.forEach((listener) => listener()));
    client.on('ready', () => void this.resubscribe(client));
    client.on('close', () => {
      if (this.lost || this.closing) return;
      this.lost = true;
      this.logger.warn('signal connection to Redis lost; readers fall back to reading Postgres on a timer');
    });
    client.connect().catch((error: unknown) => {
      this.logger.warn(
        `signal connection not ready, retrying: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    this.subscriber = client;
    return client;
  }

  private async resubscribe(client: Redis): Promise<void> {
    const channels = [...this.listeners.keys()];
    try {
      if (channels.length > 0) await client.subscribe(...channels);
    } catch (error) {
      this.logger.warn(`resubscribe failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.lost) {
      this.lost = false;
      this.logger.warn('signal connection to Redis restored; readers catch up from Postgres');
    }
    this.restoredListeners.forEach((listener) => listener());
  }
}
