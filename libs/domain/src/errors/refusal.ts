import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage, DomainError } from '../domain-error';

/**
 * A fresh error for one refusal: every throw gets its own stack and nothing is shared between
 * requests, so the per-feature factories call this instead of keeping module-level error objects.
 */
export function refusal(code: DomainErrorCode, reason: string, message: BilingualMessage, field?: string): DomainError {
  return new DomainError(code, message, field, reason);
}
