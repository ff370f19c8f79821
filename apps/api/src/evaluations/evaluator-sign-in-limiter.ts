import { Injectable } from '@nestjs/common';
import { EvaluationErrors } from '@app/domain';
import { RateWindow } from '../redis/rate-window';
import { SignInLimiter } from '../roadshows/judge-sign-in-limiter';

/** Evaluators' wrong codes, counted per round by the judges' scopes and limits. */
@Injectable()
export class EvaluatorSignInLimiter extends SignInLimiter {
  constructor(window: RateWindow) {
    super(window, 'evaluator-sign-in', EvaluationErrors.evaluatorSignInPaused);
  }
}
