import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

/** A fixed window of wrong codes per client address. */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_SECONDS = 600;

const WRONG_CODES: RatePolicy = {
  name: 'judge-sign-in:failures',
  limit: SIGN_IN_FAILURE_LIMIT,
  windowSeconds: SIGN_IN_WINDOW_SECONDS,
};

/**
 * Counts only wrong codes: thirty judges behind the venue's one NAT address must all be able to
 * sign in at nine o'clock, while a guesser is stopped after ten misses.
 */
@Injectable()
export class JudgeSignInLimiter {
  constructor(private readonly window: RateWindow) {}

  /**
   * Refuses once the window is used up, even a right code: otherwise the eleventh guess could
   * still succeed. With Redis down the attempt goes through: 31^8 codes cannot be guessed in an
   * outage, and judges must be able to sign in on the day.
   */
  async assertAllowed(clientIp: string): Promise<void> {
    if (await this.window.exhausted(WRONG_CODES, clientIp)) {
      throw new DomainError(DomainErrorCode.RateLimited, {
        zh: `签到码错误次数过多，请 ${SIGN_IN_WINDOW_SECONDS / 60} 分钟后再试`,
        en: `too many wrong sign-in codes; try again in ${SIGN_IN_WINDOW_SECONDS / 60} minutes`,
      });
    }
  }

  async recordFailure(clientIp: string): Promise<void> {
    await this.window.add(WRONG_CODES, clientIp);
  }
}
