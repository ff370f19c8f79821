import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ProducerRedis } from '@app/application';
import { DomainError, VoteErrors } from '@app/domain';

/** How a feature says that SMS is down, in its own words (the vote points to its codes, the walls to theirs). */
export type SmsUnavailable = () => DomainError;

/** How long an SMS code is good for, and how soon another may be sent to the same number. */
export const SMS_CODE_SECONDS = 300;
export const SMS_RESEND_SECONDS = 60;

/**
 * The SMS codes in flight, in Redis (shared by every API process, gone when they expire): per
 * scope (a vote round's id, or the needs walls') and keyed phone hash, only a keyed digest of the
 * code. Without Redis there is nowhere to keep a code, so phone verification is refused (503, in
 * the caller's words) rather than faked; printed codes still work.
 */
@Injectable()
export class SmsChallenges {
  private readonly prefix: string;

  constructor(
    private readonly redis: ProducerRedis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queue.prefix}:voter-sms`;
  }

  /** Keeps the code's digest; refuses when a code went to this number less than a minute ago. */
  async issue(roundId: string, phoneDigest: string, codeDigest: string, unavailable: SmsUnavailable): Promise<void> {
    const key = this.keyOf(roundId, phoneDigest);
    const run = <T>(command: () => Promise<T>) => this.run(command, unavailable);
    const fresh = await run(() => this.redis.client.set(`${key}:sent`, '1', 'EX', SMS_RESEND_SECONDS, 'NX'));
    if (fresh === null) {
      const ms = await run(() => this.redis.client.pttl(`${key}:sent`));
      throw VoteErrors.smsTooSoon(Math.max(1, Math.ceil(ms / 1000)));
    }
    await run(() => this.redis.client.set(key, codeDigest, 'EX', SMS_CODE_SECONDS));
  }

  /**
   * True when the digest is the number's code in flight, which is then spent: a code confirms one
   * sign-in. Two sign-ins with one code at once get one true (DEL answers one of them 1).
   */
  async spend(roundId: string, phoneDigest: string, codeDigest: string, unavailable: SmsUnavailable): Promise<boolean> {
    const key = this.keyOf(roundId, phoneDigest);
    const stored = await this.run(() => this.redis.client.get(key), unavailable);
    if (stored === null || stored !== codeDigest) return false;
    return (await this.run(() => this.redis.client.del(key), unavailable)) === 1;
  }

  private keyOf(roundId: string, phoneDigest: string): string {
    return `${this.prefix}:${roundId}:${phoneDigest}`;
  }

  private async run<T>(command: () => Promise<T>, unavailable: SmsUnavailable): Promise<T> {
    try {
      return await command();
    } catch {
      throw unavailable();
    }
  }
}
