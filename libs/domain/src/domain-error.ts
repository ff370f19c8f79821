import { DomainErrorCode } from './domain-error-code';

/** A message in both languages the platform speaks: Chinese first, English second. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * The one error type that shared code throws. `code` is the kind of refusal (it decides the HTTP
 * status); `reason` says what happened (`SLOT_LOCKED`, `RULES_FROZEN`, …), so a client, the tablet's
 * outbox or the worker can decide by it; the message is for the person in front of the screen.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly reason: string;
  readonly messageZh: string;
  readonly messageEn: string;
  /** The input field at fault as a dotted path of the request (`budgetLines.2.amountFen`), when one is. */
  readonly field?: string;

  constructor(code: DomainErrorCode, message: BilingualMessage, field?: string, reason: string = code) {
    super(message.en);
    this.name = 'DomainError';
    this.code = code;
    this.reason = reason;
    this.messageZh = message.zh;
    this.messageEn = message.en;
    this.field = field;
  }
}
