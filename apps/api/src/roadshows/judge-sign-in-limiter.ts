import { Injectable } from '@nestjs/common';
import { RoadshowErrors, SignInPauseScope } from '@app/domain';
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

const POLICIES: Readonly<Record<SignInPauseScope, BackoffPolicy>> = {
  code: policy('code'),
  address: policy('address'),
  roadshow: policy('roadshow'),
};
/** Where the pauses of a roadshow are listed for the office. */
const LIST = policy('roadshow');
const SCOPES: readonly SignInPauseScope[] = ['roadshow', 'address', 'code'];

function policy(scope: SignInPauseScope): BackoffPolicy {
  return {
    name: `judge-sign-in:${scope}`,
    limit: SIGN_IN_LIMITS[scope],
    windowSeconds: SIGN_IN_WINDOW_SECONDS,
    maxLockSeconds: MAX_PAUSE_SECONDS,
  };
}

/** One sign-in attempt: the roadshow it names, where it came from, and a keyed digest of the code typed. */
export interface SignInAttempt {
  readonly roadshowId: string;
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
      return attempt.roadshowId;
    case 'address':
      return `${attempt.roadshowId}:${attempt.address}`;
    case 'code':
      return `${attempt.roadshowId}:${attempt.codeDigest}`;
  }
}

/** `scope:detail` as the roadshow's list names a pause. */
function memberOf(scope: SignInPauseScope, attempt: SignInAttempt): string {
  return scope === 'roadshow' ? scope : `${scope}:${scope === 'address' ? attempt.address : attempt.codeDigest}`;
}

/**
 * Counts wrong judge codes by what a guesser must hit — a code of one roadshow — so that thirty
 * judges behind a venue's one address are never locked out by each other's typos, while guessing
 * a roadshow's codes stops. Only wrong codes count; a pause refuses every attempt in its scope
 * (a right code too, or the pause would not stop guessing), and the office can lift it.
 */
@Injectable()
export class JudgeSignInLimiter {
  constructor(private readonly window: RateWindow) {}

  /**
   * Refuses while any scope of the attempt is paused. With Redis down the attempt goes through:
   * judges must be able to sign in on the day, and an outage is too short to guess a code.
   */
  async assertAllowed(attempt: SignInAttempt): Promise<void> {
    for (const scope of SCOPES) {
      const until = await this.window.lockedUntil(POLICIES[scope], keyOf(scope, attempt));
      if (until) throw RoadshowErrors.signInPaused(scope, until);
    }
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    for (const scope of SCOPES) {
      const until = await this.window.addWithBackoff(POLICIES[scope], keyOf(scope, attempt));
      if (until) await this.window.note(LIST, attempt.roadshowId, memberOf(scope, attempt), until);
    }
  }

  /** The roadshow's pauses in force, longest first. */
  async pausesOf(roadshowId: string): Promise<SignInPause[]> {
    const noted = await this.window.noted(LIST, roadshowId);
    return [...noted]
      .map(([member, until]) => {
        const colon = member.indexOf(':');
        const scope = (colon < 0 ? member : member.slice(0, colon)) as SignInPauseScope;
        return { scope, address: scope === 'address' ? member.slice(colon + 1) : null, until };
      })
      .sort((a, b) => b.until.getTime() - a.until.getTime());
  }

  /** Lifts every pause of the roadshow and forgets its counts and backoff; how many pauses were lifted. */
  async clear(roadshowId: string): Promise<number> {
    const noted = await this.window.noted(LIST, roadshowId);
    await this.window.clear(POLICIES.roadshow, roadshowId);
    for (const member of noted.keys()) {
      const colon = member.indexOf(':');
      if (colon < 0) continue;
      const scope = member.slice(0, colon) as SignInPauseScope;
      await this.window.clear(POLICIES[scope], `${roadshowId}:${member.slice(colon + 1)}`);
    }
    await this.window.forgetNoted(LIST, roadshowId);
    return noted.size;
  }
}
