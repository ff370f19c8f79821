import { UnrecoverableError } from 'bullmq';
import { BilingualMessage, DomainError, DomainErrorCode, agreementRenderingProblem, scoringProblem } from '@app/domain';
import { ReportsError } from '@app/reports';
import { ScoringError } from '@app/scoring';

/** A failure that retrying cannot change: its kind, its reason and what a person is told. */
export interface PermanentFailure {
  readonly code: string;
  readonly reason: string;
  readonly message: BilingualMessage;
  readonly field?: string;
}

/**
 * Whether a refusal of this kind can come out differently on another attempt. Refusals about the
 * data or the state (bad rules, a missing row, a competition in the wrong state) fail the same way
 * every time; a service that is busy or away may be back.
 */
function isPermanentKind(code: DomainErrorCode): boolean {
  switch (code) {
    case DomainErrorCode.ValidationFailed:
    case DomainErrorCode.NotFound:
    case DomainErrorCode.Unauthenticated:
    case DomainErrorCode.Forbidden:
    case DomainErrorCode.Conflict:
    case DomainErrorCode.PayloadTooLarge:
    case DomainErrorCode.UnsupportedMediaType:
    case DomainErrorCode.UriTooLong:
    case DomainErrorCode.HeadersTooLarge:
      return true;
    case DomainErrorCode.RequestTimeout:
    case DomainErrorCode.RateLimited:
    case DomainErrorCode.ServiceUnavailable:
    case DomainErrorCode.Internal:
      return false;
  }
}

/**
 * The one place the worker decides retry or not: a refusal by its kind, the scoring engine's and
 * the renderer's refusals (their code is the reason) always; anything else (the database or Redis
 * away) is worth retrying and gives undefined.
 */
export function permanentFailure(error: unknown): PermanentFailure | undefined {
  if (error instanceof DomainError) {
    if (!isPermanentKind(error.code)) return undefined;
    return {
      code: error.code,
      reason: error.reason,
      message: { zh: error.messageZh, en: error.messageEn },
      field: error.field,
    };
  }
  if (error instanceof ScoringError) {
    return {
      code: error.code,
      reason: error.code,
      message: scoringProblem(error.code, error.field),
      field: error.field,
    };
  }
  if (error instanceof ReportsError) {
    return {
      code: error.code,
      reason: error.code,
      message: agreementRenderingProblem(),
      field: error.field,
    };
  }
  return undefined;
}

/** What a job throws for BullMQ: UnrecoverableError for a permanent failure, so it is not retried. */
export function forBullmq(error: unknown): unknown {
  const failure = permanentFailure(error);
  if (!failure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UnrecoverableError(`${failure.reason}: ${detail}`);
}
