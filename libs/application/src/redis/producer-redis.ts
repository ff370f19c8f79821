import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { closeRedis, redisOptionsFor } from '@app/queue';

/**
 * The API's one Redis connection for enqueuing and health checks. It is passed to BullMQ as a
 * shared connection because BullMQ's own close() calls QUIT, which a fail-fast client cannot send
 * while Redis is down; its reconnect loop would then keep the process alive after shutdown.
 */
export class ProducerRedis implements Pick<Redis, 'ping'> {
  readonly client: Redis;
  private readonly logger = new Logger('redis');

  constructor(url: string) {
    this.client = new Redis({ ...redisOptionsFor(url, 'producer'), lazyConnect: true });
    this.client.on('error', (error: Error) => this.logger.debug(error.message));
  }

  /**
   * Waits for the first connection so the first request does not race it. The API still starts
   * when Redis is down: it reports Redis down on /health and keeps reconnecting.
   */
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      this.logger.warn(`redis not reachable at start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  ping(): Promise<'PONG'> {
    return this.client.ping();
  }

  /** Resolves once the connection is closed. */
  disconnect(): Promise<void> {
    return closeRedis(this.client);
  }
}
