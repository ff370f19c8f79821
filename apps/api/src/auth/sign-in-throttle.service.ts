import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';
import { ProducerRedis } from '../redis/producer-redis';

export const SIGN_IN_MAX_FAILURES = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed password sign-ins per login in Redis, so guessing is slowed across every API
 * process. When Redis is down it lets sign-in through: locking every office out of the system
 * during an outage is worse than a few more guesses against a slow KDF.
 */
@Injectable()
export class SignInThrottleService {
  private readonly logger = new Logger(SignInThrottleService.name);
  private readonly prefix: string;

  constructor(
    private readonly redis: ProducerRedis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queue.prefix}:sign-in-failures:`;
  }

  async assertAllowed(login: string): Promise<void> {
    const failures = await this.attempt(() => this.redis.client.get(this.key(login)));
    if (failures !== undefined && Number(failures) >= SIGN_IN_MAX_FAILURES) {
      throw new DomainError(DomainErrorCode.RateLimited, {
        zh: '登录失败次数过多，请 15 分钟后再试',
        en: 'too many failed sign-ins; try again in 15 minutes',
      });
    }
  }

  async recordFailure(login: string): Promise<void> {
    const key = this.key(login);
    await this.attempt(() => this.redis.client.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec());
  }

  async reset(login: string): Promise<void> {
    await this.attempt(() => this.redis.client.del(this.key(login)));
  }

  /** The login is hashed so Redis never holds a list of account names. */
  private key(login: string): string {
    return this.prefix + createHash('sha256').update(login).digest('base64url');
  }

  private async attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.logger.warn(`sign-in throttle unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
