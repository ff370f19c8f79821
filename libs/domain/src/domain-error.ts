import { DomainErrorCode } from './domain-error-code';

/** A message in both languages the platform speaks: Chinese first, English second. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * The one error type that shared code throws. It carries a code and a message for the person in
 * front of the screen; the transport (HTTP filter, worker, CLI) decides how to present it.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  /** The input field at fault as a dotted path (`budgetLines.2.amountFen`), when one is. */
  readonly field?: string;

  constructor(code: DomainErrorCode, message: BilingualMessage, field?: string) {
    super(message.en);
    this.name = 'DomainError';
    this.code = code;
    this.messageZh = message.zh;
    this.messageEn = message.en;
    this.field = field;
  }
}
