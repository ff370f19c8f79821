import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { redisOptionsFor } from '@app/queue';

/**
 * The pub/sub channel the ranking worker publishes a run's progress on
 * (apps/worker/src/handlers/run-progress.publisher.ts spells the same name; apps do not import
 * each other).
 */
export function runProgressChannel(runId: string): string {
  return `ranking-run:${runId}`;
}

type Listener = () => void;

/**
 * One subscriber connection per API process for runs' progress signals, subscribed per run while
 * someone watches it. A signal only says "read the run again": the stream also reads the row on a
 * timer, so a signal lost while Redis is away delays an update and loses nothing.
 */
@Injectable()
export class RunSignals implements OnApplicationShutdown {
  private readonly client: Redis;
  private readonly logger = new Logger('results');
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFor(config.redis.url, 'producer'),
      lazyConnect: true,
      autoResubscribe: false,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    });
    this.client.on('error', (error: Error) => this.logger.debug(`run signals: ${error.message}`));
    const prefix = runProgressChannel('');
    this.client.on('message', (channel: string) => {
      if (!channel.startsWith(prefix)) return;
      this.listeners.get(channel.slice(prefix.length))?.forEach((listener) => listener());
    });
    // Channels are subscribed again on every (re)connection: a SUBSCRIBE sent while Redis was down is lost.
    this.client.on('ready', () => {
      const channels = [...this.listeners.keys()].map(runProgressChannel);
      if (channels.length > 0) this.client.subscribe(...channels).catch(() => undefined);
    });
  }

  /** Calls `listener` on each signal for the run until the returned function is called. */
  watch(runId: string, listener: Listener): () => void {
    let listeners = this.listeners.get(runId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(runId, listeners);
      this.connect();
      if (this.client.status === 'ready') {
        this.client.subscribe(runProgressChannel(runId)).catch((error: unknown) => {
          this.logger.debug(`subscribe run ${runId}: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    }
    listeners.add(listener);
    return () => this.unwatch(runId, listener);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }

  private connect(): void {
    if (this.client.status !== 'wait') return;
    this.client.connect().catch((error: unknown) => {
      this.logger.debug(`run signals not connected yet: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private unwatch(runId: string, listener: Listener): void {
    const listeners = this.listeners.get(runId);
    if (!listeners) return;
    listeners.delete(listener);
    if (listeners.size > 0) return;
    this.listeners.delete(runId);
    if (this.client.status === 'ready') {
      this.client.unsubscribe(runProgressChannel(runId)).catch(() => undefined);
    }
  }
}
