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
 * A window that, once used up, locks its key: for `windowSeconds` the first time, twice as long
 * each further time within a day (backoff), never longer than `maxLockSeconds`.
 */
export interface BackoffPolicy extends RatePolicy {
  readonly maxLockSeconds: number;
}

/**
 * For each key: start its window with the first event (SET NX EX), then count the event (INCR); all
 * keys in one atomic step. A script rather than MULTI: ioredis builds every MULTI as a pipeline that
 * copies each script defined on the connection (the queues define dozens), which cost more CPU than
 * the counting itself on the vote path.
 */
const COUNT_EVENTS = `local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, '0', 'EX', ARGV[i], 'NX')
  counts[i] = redis.call('INCR', key)
end
return counts`;

/** How long a key's past lockouts make its next one longer. */
const STRIKE_MEMORY_SECONDS = 24 * 3600;

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

  /**
   * Counts one event and returns the window's count with it (undefined with Redis down); the first
   * event starts the window (SET NX EX), atomically with the count.
   */
  async add(policy: RatePolicy, key: string): Promise<number | undefined> {
    const [counted] = await this.addAll([{ policy, key }]);
    return counted;
  }

  /**
   * Counts one event under each of several keys in one round trip and one atomic step, as `add`
   * does for one; the counts in the same order (undefined with Redis down). A hot path counts all
   * its scopes at once.
   */
  async addAll(
    events: readonly { readonly policy: RatePolicy; readonly key: string }[],
  ): Promise<(number | undefined)[]> {
    if (events.length === 0) return [];
    const counts = await this.attempt(events[0].policy, () =>
      this.redis.client.eval(
        COUNT_EVENTS,
        events.length,
        ...events.map(({ policy, key }) => this.keyOf(policy, key)),
        ...events.map(({ policy }) => policy.windowSeconds),
      ),
    );
    return events.map((_, index) => {
      const counted = Array.isArray(counts) ? (counts as unknown[])[index] : undefined;
      return typeof counted === 'number' ? counted : undefined;
    });
  }

  /** When the key's lockout ends, or null when it is not locked out. */
  async lockedUntil(policy: BackoffPolicy, key: string): Promise<Date | null> {
    const ms = await this.attempt(policy, () => this.redis.client.pttl(this.lockKeyOf(policy, key)));
    return ms !== undefined && ms > 0 ? new Date(Date.now() + ms) : null;
  }

  /**
   * Counts one event; the event that uses the window up (exactly the limit-th, so two processes
   * never lock twice for one window) locks the key with backoff and starts a fresh window.
   * Returns the end of the lockout it started, if it started one.
   */
  async addWithBackoff(policy: BackoffPolicy, key: string): Promise<Date | null> {
    if ((await this.add(policy, key)) !== policy.limit) return null;
    const strikeKey = `${this.lockKeyOf(policy, key)}:strikes`;
    const replies = await this.attempt(policy, () =>
      this.redis.client.multi().incr(strikeKey).expire(strikeKey, STRIKE_MEMORY_SECONDS).exec(),
    );
    const strikes = replies?.[0]?.[1];
    const seconds = Math.min(
      policy.maxLockSeconds,
      policy.windowSeconds * 2 ** ((typeof strikes === 'number' ? strikes : 1) - 1),
    );
    await this.attempt(policy, () =>
      this.redis.client
        .multi()
        .set(this.lockKeyOf(policy, key), '1', 'EX', seconds)
        .del(this.keyOf(policy, key))
        .exec(),
    );
    return new Date(Date.now() + seconds * 1000);
  }

  /** Forgets the key's window, and its lockout and backoff when it has them. */
  async clear(policy: RatePolicy, key: string): Promise<void> {
    const lock = this.lockKeyOf(policy, key);
    await this.attempt(policy, () => this.redis.client.del(this.keyOf(policy, key), lock, `${lock}:strikes`));
  }

  /**
   * Notes in a list named `list` that `member` is locked out until `until`, so that whoever
   * answers for the list (the office, for its roadshow) can see every lockout in it.
   */
  async note(policy: BackoffPolicy, list: string, member: string, until: Date): Promise<void> {
    const listKey = this.listKeyOf(policy, list);
    await this.attempt(policy, () =>
      this.redis.client
        .multi()
        .hset(listKey, member, String(until.getTime()))
        .expire(listKey, policy.maxLockSeconds)
        .exec(),
    );
  }

  /** The members of a list still locked out, with the end of each lockout. */
  async noted(policy: BackoffPolicy, list: string): Promise<Map<string, Date>> {
    const entries = await this.attempt(policy, () => this.redis.client.hgetall(this.listKeyOf(policy, list)));
    const now = Date.now();
    const locked = new Map<string, Date>();
    for (const [member, until] of Object.entries(entries ?? {})) {
      if (Number(until) > now) locked.set(member, new Date(Number(until)));
    }
    return locked;
  }

  async forgetNoted(policy: BackoffPolicy, list: string): Promise<void> {
    await this.attempt(policy, () => this.redis.client.del(this.listKeyOf(policy, list)));
  }

  private listKeyOf(policy: RatePolicy, list: string): string {
    return `${this.prefix}:${policy.name}:list:${list}`;
  }

  private keyOf(policy: RatePolicy, key: string): string {
    return `${this.prefix}:${policy.name}:${key}`;
  }

  private lockKeyOf(policy: RatePolicy, key: string): string {
    return `${this.keyOf(policy, key)}:lock`;
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
