import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RegistrationErrors } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

const HOUR = 3600;

/**
 * Public registration runs scrypt (≈ 0.1 s of a core) and creates an account, so it is counted
 * before the work: per client address (as Fastify computes it, behind the proxies TRUST_PROXY
 * names), so one network cannot register without end, and in total, so many addresses together
 * cannot take the API's CPU. Every attempt that reaches the work counts, whatever its outcome.
 */
@Injectable()
export class RegistrationLimiter {
  private readonly perAddress: RatePolicy;
  private readonly total: RatePolicy;

  constructor(
    private readonly window: RateWindow,
    config: AppConfig,
  ) {
    this.perAddress = { name: 'registrations:address', limit: config.registration.perAddress, windowSeconds: HOUR };
    this.total = { name: 'registrations:total', limit: config.registration.total, windowSeconds: HOUR };
  }

  /** Counts the attempt; refuses it once the address's or everyone's hour is used up. With Redis down, lets it through. */
  async take(clientIp: string): Promise<void> {
    const fromAddress = await this.window.add(this.perAddress, clientIp);
    if (fromAddress !== undefined && fromAddress > this.perAddress.limit) {
      throw RegistrationErrors.tooManyFromAddress(this.perAddress.limit);
    }
    const overall = await this.window.add(this.total, 'all');
    if (overall !== undefined && overall > this.total.limit) throw RegistrationErrors.tooManyOverall();
  }
}
