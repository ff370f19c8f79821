import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';
import { ProducerRedis } from '../redis/producer-redis';

/** A fixed window of wrong codes per client address. */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_SECONDS = 600;

/**
 * Counts only wrong codes: thirty judges behind the venue's one NAT address must all be able to
 * sign in at nine o'clock, while a guesser is stopped after ten misses. Keys carry the deployment's
 * Redis prefix so test runs and environments sharing a Redis never block each other.
 */
@Injectable()
export class JudgeSignInLimiter {
  private readonly logger = new Logger(JudgeSignInLimiter.name);
  private readonly prefix: string;

  constructor(
    private readonly redis: ProducerRedis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queue.prefix}:judge-sign-in:failures:`;
  }

  /**
   * Refuses once the window is used up, even a right code: otherwise the eleventh guess could
   * still succeed. With Redis down it lets the attempt through: 31^8 codes cannot be guessed in
   * an outage, and judges must be able to sign in on the day.
   */
  async assertAllowed(clientIp: string): Promise<void> {
    let failures = 0;
    try {
      failures = Number((await this.redis.client.get(this.prefix + clientIp)) ?? 0);
    } catch (error) {
      this.logger.warn(`sign-in limiter unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (failures >= SIGN_IN_FAILURE_LIMIT) {
      throw new DomainError(DomainErrorCode.RateLimited, {
        zh: `签到码错误次数过多，请 ${SIGN_IN_WINDOW_SECONDS / 60} 分钟后再试`,
        en: `too many wrong sign-in codes; try again in ${SIGN_IN_WINDOW_SECONDS / 60} minutes`,
      });
    }
  }

  /** Starts the window on the first miss (SET NX EX) and counts, atomically (MULTI). */
  async recordFailure(clientIp: string): Promise<void> {
    const key = this.prefix + clientIp;
    try {
      await this.redis.client.multi().set(key, '0', 'EX', SIGN_IN_WINDOW_SECONDS, 'NX').incr(key).exec();
    } catch (error) {
      this.logger.warn(`sign-in failure not counted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
