/** Codes for every input the report renderer refuses; callers map them to bilingual messages. */
export enum ReportsErrorCode {
  InvalidAmount = 'REPORTS_INVALID_AMOUNT',
  InvalidShares = 'REPORTS_INVALID_SHARES',
  AmountMismatch = 'REPORTS_AMOUNT_MISMATCH',
  InvalidView = 'REPORTS_INVALID_VIEW',
  InvalidFont = 'REPORTS_INVALID_FONT',
  InvalidTemplateOutput = 'REPORTS_INVALID_TEMPLATE_OUTPUT',
}

export class ReportsError extends Error {
  readonly code: ReportsErrorCode;
  /** The view-model field at fault, as a dotted path, when one field is to blame. */
  readonly field?: string;

  constructor(code: ReportsErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ReportsError';
    this.code = code;
    this.field = field;
  }
}
