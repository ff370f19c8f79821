import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthErrors } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

export const SIGN_IN_MAX_FAILURES = 10;

const WINDOW_MINUTES = 15;

const FAILED_SIGN_INS: RatePolicy = {
  name: 'sign-in-failures',
  limit: SIGN_IN_MAX_FAILURES,
  windowSeconds: WINDOW_MINUTES * 60,
};

/**
 * Counts failed password sign-ins per login, so guessing is slowed across every API process.
 * With Redis down sign-in goes through: a few more guesses against a slow KDF are better than
 * every office locked out (see RateWindow).
 */
@Injectable()
export class SignInThrottleService {
  constructor(private readonly window: RateWindow) {}

  async assertAllowed(login: string): Promise<void> {
    if (await this.window.exhausted(FAILED_SIGN_INS, this.key(login))) {
      throw AuthErrors.tooManySignIns(WINDOW_MINUTES);
    }
  }

  async recordFailure(login: string): Promise<void> {
    await this.window.add(FAILED_SIGN_INS, this.key(login));
  }

  async reset(login: string): Promise<void> {
    await this.window.clear(FAILED_SIGN_INS, this.key(login));
  }

  /** The login is hashed so Redis never holds a list of account names. */
  private key(login: string): string {
    return createHash('sha256').update(login).digest('base64url');
  }
}
