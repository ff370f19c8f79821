import { Injectable } from '@nestjs/common';
import { SignInPauseScope, VoteErrors } from '@app/domain';
import { RateWindow } from '../redis/rate-window';
import { SignInLimiter } from '../roadshows/judge-sign-in-limiter';

/**
 * Wrong voter codes and SMS codes allowed per 10-minute window, by scope. A city's residents make
 * typos by the hundred, so a round's budget is far above a roadshow's (still hopeless against
 * 31^8 codes or a 6-digit code that expires in minutes); a community centre's shared Wi-Fi gets
 * room for its queue; one code or one phone number gets five tries.
 */
export const VOTER_SIGN_IN_LIMITS: Readonly<Record<SignInPauseScope, number>> = {
  code: 5,
  address: 200,
  roadshow: 5000,
};

/** Voters' wrong codes, printed or sent by SMS, counted per round by the judges' scopes. */
@Injectable()
export class VoterSignInLimiter extends SignInLimiter {
  constructor(window: RateWindow) {
    super(window, 'voter-sign-in', (_scope, until) => VoteErrors.voterSignInPaused(until), VOTER_SIGN_IN_LIMITS);
  }
}
