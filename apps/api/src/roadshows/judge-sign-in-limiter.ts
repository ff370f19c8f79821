import { Injectable } from '@nestjs/common';
import { DomainError, RoadshowErrors, SignInPauseScope } from '@app/domain';
import { BackoffPolicy, RateWindow } from '../redis/rate-window';

/** Wrong codes are counted in windows of this length; a used-up window pauses its scope as long, doubling on repeat. */
export const SIGN_IN_WINDOW_SECONDS = 600;
const MAX_PAUSE_SECONDS = 4 * 3600;

/**
 * Wrong codes allowed per window, by scope. A roadshow's budget bounds every guess at its codes from
 * any number of addresses (150 per 10 minutes, fewer and fewer as pauses lengthen: against ~30
 * codes among 31^8 that is hopeless); one address gets a third of it, so a guesser elsewhere
 * cannot pause the hall alone; one code five tries, so a tablet retrying an old code does not eat
 * the hall's budget. A venue's shared address is never counted on its own.
 */
export const SIGN_IN_LIMITS: Readonly<Record<SignInPauseScope, number>> = { code: 5, address: 50, roadshow: 150 };

const SCOPES: readonly SignInPauseScope[] = ['roadshow', 'address', 'code'];

function policy(
  prefix: string,
  scope: SignInPauseScope,
  limits: Readonly<Record<SignInPauseScope, number>>,
): BackoffPolicy {
  return {
    name: `${prefix}:${scope}`,
    limit: limits[scope],
    windowSeconds: SIGN_IN_WINDOW_SECONDS,
    maxLockSeconds: MAX_PAUSE_SECONDS,
  };
}

/**
 * One sign-in attempt: what it signs in to (a roadshow, or an evaluation round, whose codes are
 * counted as one budget: the `roadshow` scope), where it came from, and a keyed digest of the code typed.
 */
export interface SignInAttempt {
  readonly targetId: string;
  readonly address: string;
  readonly codeDigest: string;
}

/** A pause the office sees: the whole roadshow, one address, or one code (never shown). */
export interface SignInPause {
  readonly scope: SignInPauseScope;
  readonly address: string | null;
  readonly until: Date;
}

function keyOf(scope: SignInPauseScope, attempt: SignInAttempt): string {
  switch (scope) {
    case 'roadshow':
      return attempt.targetId;
    case 'address':
      return `${attempt.targetId}:${attempt.address}`;
    case 'code':
      return `${attempt.targetId}:${attempt.codeDigest}`;
  }
}

/** `scope:detail` as the roadshow's list names a pause. */
function memberOf(scope: SignInPauseScope, attempt: SignInAttempt): string {
  return scope === 'roadshow' ? scope : `${scope}:${scope === 'address' ? attempt.address : attempt.codeDigest}`;
}

/**
 * Counts wrong codes by what a guesser must hit — a code of one roadshow or round — so that thirty
 * judges behind a venue's one address are never locked out by each other's typos, while guessing
 * a roadshow's codes stops. Only wrong codes count; a pause refuses every attempt in its scope
 * (a right code too, or the pause would not stop guessing), and the office can lift it.
 */
export class SignInLimiter {
  private readonly policies: Readonly<Record<SignInPauseScope, BackoffPolicy>>;
  /** Where the pauses of a target are listed for the office. */
  private readonly list: BackoffPolicy;

  constructor(
    private readonly window: RateWindow,
    prefix: string,
    private readonly paused: (scope: SignInPauseScope, until: Date) => DomainError,
    limits: Readonly<Record<SignInPauseScope, number>> = SIGN_IN_LIMITS,
  ) {
    this.policies = {
      code: policy(prefix, 'code', limits),
      address: policy(prefix, 'address', limits),
      roadshow: policy(prefix, 'roadshow', limits),
    };
    this.list = this.policies.roadshow;
  }

  /**
   * One sign-in behind the limits: a paused scope refuses before anything is checked, and a check
   * that finds nothing counts against every scope and is answered by `refusal`, whatever was wrong,
   * so a guesser learns nothing from the answer.
   */
  async admit<T>(
    attempt: SignInAttempt,
    check: () => T | null | false | Promise<T | null | false>,
    refusal: () => DomainError,
  ): Promise<T> {
    await this.assertAllowed(attempt);
    const found = await check();
    if (found !== null && found !== false) return found;
    await this.recordFailure(attempt);
    throw refusal();
  }

  /**
   * Refuses while any scope of the attempt is paused. With Redis down the attempt goes through:
   * judges must be able to sign in on the day, and an outage is too short to guess a code.
   */
  private async assertAllowed(attempt: SignInAttempt): Promise<void> {
    for (const scope of SCOPES) {
      const until = await this.window.lockedUntil(this.policies[scope], keyOf(scope, attempt));
      if (until) throw this.paused(scope, until);
    }
  }

  private async recordFailure(attempt: SignInAttempt): Promise<void> {
    for (const scope of SCOPES) {
      const until = await this.window.addWithBackoff(this.policies[scope], keyOf(scope, attempt));
      if (until) await this.window.note(this.list, attempt.targetId, memberOf(scope, attempt), until);
    }
  }

  /** The target's pauses in force, longest first. */
  async pausesOf(targetId: string): Promise<SignInPause[]> {
    const noted = await this.window.noted(this.list, targetId);
    return [...noted]
      .map(([member, until]) => {
        const colon = member.indexOf(':');
        const scope = (colon < 0 ? member : member.slice(0, colon)) as SignInPauseScope;
        return { scope, address: scope === 'address' ? member.slice(colon + 1) : null, until };
      })
      .sort((a, b) => b.until.getTime() - a.until.getTime());
  }

  /** Lifts every pause of the target and forgets its counts and backoff; how many pauses were lifted. */
  async clear(targetId: string): Promise<number> {
    const noted = await this.window.noted(this.list, targetId);
    await this.window.clear(this.policies.roadshow, targetId);
    for (const member of noted.keys()) {
      const colon = member.indexOf(':');
      if (colon < 0) continue;
      const scope = member.slice(0, colon) as SignInPauseScope;
      await this.window.clear(this.policies[scope], `${targetId}:${member.slice(colon + 1)}`);
    }
    await this.window.forgetNoted(this.list, targetId);
    return noted.size;
  }
}

/** Judges' wrong codes, counted per roadshow. */
@Injectable()
export class JudgeSignInLimiter extends SignInLimiter {
  constructor(window: RateWindow) {
    super(window, 'judge-sign-in', RoadshowErrors.signInPaused);
  }
}
