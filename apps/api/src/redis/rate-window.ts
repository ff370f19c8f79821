import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ProducerRedis } from '@app/application';

/** What is counted, how many are allowed, and for how long a window lasts once its first event came. */
export interface RatePolicy {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Fixed windows of counted events per key in Redis, shared by every API process. Keys carry the
 * deployment's Redis prefix, so test runs and environments sharing a Redis never block each other.
 * With Redis down it counts nothing and lets everything through: locking communities, the office
 * or judges out during an outage is worse than a few more attempts.
 */
@Injectable()
export class RateWindow {
  private readonly logger = new Logger(RateWindow.name);
  private readonly prefix: string;

  constructor(
    private readonly redis: ProducerRedis,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
  }

  /** True once the key's window holds `limit` events. */
  async exhausted(policy: RatePolicy, key: string): Promise<boolean> {
    const used = await this.attempt(policy, () => this.redis.client.get(this.keyOf(policy, key)));
    return used !== undefined && Number(used ?? 0) >= policy.limit;
  }

  /** Counts one event; the first starts the window (SET NX EX), atomically with the count (MULTI). */
  async add(policy: RatePolicy, key: string): Promise<void> {
    const redisKey = this.keyOf(policy, key);
    await this.attempt(policy, () =>
      this.redis.client.multi().set(redisKey, '0', 'EX', policy.windowSeconds, 'NX').incr(redisKey).exec(),
    );
  }

  async clear(policy: RatePolicy, key: string): Promise<void> {
    await this.attempt(policy, () => this.redis.client.del(this.keyOf(policy, key)));
  }

  private keyOf(policy: RatePolicy, key: string): string {
    return `${this.prefix}:${policy.name}:${key}`;
  }

  private async attempt<T>(policy: RatePolicy, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.logger.warn(
        `rate window ${policy.name} unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }
}
