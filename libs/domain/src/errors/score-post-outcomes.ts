import { DomainErrorCode } from '../domain-error-code';
import { AuthRefusal } from './auth.errors';
import { RoadshowRefusal } from './roadshow.errors';

/**
 * How a tablet treats a refused score post (a 4xx), by the refusal's reason. A later try can pass
 * when the server asked it to slow down or the request arrived too slowly; the judge must sign in
 * again (the score waits on the tablet) when the sign-in is over; any other refusal is final for
 * that sheet, which goes back to the judge to fix. A server fault or no answer is always retried.
 * The tablet reads these lists from /vocabulary.js.
 */
export const SCORE_POST_RETRY_REASONS: readonly string[] = [
  DomainErrorCode.RateLimited,
  DomainErrorCode.RequestTimeout,
];

export const SCORE_POST_SIGNED_OUT_REASONS: readonly string[] = [
  DomainErrorCode.Unauthenticated,
  AuthRefusal.SignInRequired,
  RoadshowRefusal.JudgeSessionEnded,
];
