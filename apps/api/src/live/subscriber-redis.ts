import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { redisOptionsFor } from '@app/queue';
import { liveChannel } from './live-events.service';

const SUBSCRIBE_WAIT_MS = 2_000;

export interface LiveSignalHandlers {
  /** Something new may have been appended for this roadshow. */
  signal(roadshowId: string): void;
  /** The connection is back and subscribed again: signals sent while it was down are gone. */
  restored(): void;
}

/**
 * The process's one subscriber connection. A connection in subscriber mode can send nothing but
 * (UN)SUBSCRIBE, so it cannot be the producer's. The channels wanted are kept here and subscribed
 * again on every (re)connection, instead of ioredis's auto-resubscribe, which forgets a channel
 * whose SUBSCRIBE failed while Redis was down.
 */
@Injectable()
export class SubscriberRedis implements OnModuleInit, OnApplicationShutdown {
  private readonly client: Redis;
  private readonly logger = new Logger('live');
  private readonly roadshowsByChannel = new Map<string, string>();
  private handlers: LiveSignalHandlers | undefined;
  private lost = false;
  private closing = false;

  constructor(config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFor(config.redis.url, 'producer'),
      lazyConnect: true,
      autoResubscribe: false,
      // A big screen waits for the signal to come back: retry at most a second apart.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    });
    this.client.on('error', (error: Error) => this.logger.debug(`subscriber: ${error.message}`));
    this.client.on('message', (channel: string) => {
      const roadshowId = this.roadshowsByChannel.get(channel);
      if (roadshowId) this.handlers?.signal(roadshowId);
    });
    this.client.on('ready', () => void this.resubscribe());
    this.client.on('close', () => {
      if (this.lost || this.closing) return;
      this.lost = true;
      this.logger.warn('live signal connection to Redis lost; streams fall back to reading Postgres every second');
    });
  }

  get connected(): boolean {
    return this.client.status === 'ready' && !this.lost;
  }

  listen(handlers: LiveSignalHandlers): void {
    this.handlers = handlers;
  }

  onModuleInit(): void {
    this.client.connect().catch((error: unknown) => {
      this.logger.warn(
        `live signal connection not ready at start, retrying: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  onApplicationShutdown(): void {
    this.closing = true;
    this.client.disconnect();
  }

  /**
   * Resolves once Redis has confirmed the subscription, at once when Redis is down (restored()
   * follows), and after SUBSCRIBE_WAIT_MS at the latest: the room's first read waits for this.
   */
  async add(roadshowId: string): Promise<void> {
    const channel = liveChannel(roadshowId);
    this.roadshowsByChannel.set(channel, roadshowId);
    if (this.client.status !== 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.client.subscribe(channel),
        new Promise((done) => (timer = setTimeout(done, SUBSCRIBE_WAIT_MS))),
      ]);
    } catch (error) {
      this.logger.debug(`subscribe ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  remove(roadshowId: string): void {
    const channel = liveChannel(roadshowId);
    this.roadshowsByChannel.delete(channel);
    if (this.client.status !== 'ready') return;
    this.client.unsubscribe(channel).catch((error: unknown) => {
      this.logger.debug(`unsubscribe ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.roadshowsByChannel.keys()];
    try {
      if (channels.length > 0) await this.client.subscribe(...channels);
    } catch (error) {
      this.logger.warn(`resubscribe failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.lost) {
      this.lost = false;
      this.logger.warn('live signal connection to Redis restored; catching up from Postgres');
    }
    this.handlers?.restored();
  }
}
