/** Codes for every precondition the scoring engine refuses; the API and CLI map them to messages. */
export enum ScoringErrorCode {
  InvalidNumber = 'SCORING_INVALID_NUMBER',
  DivisionByZero = 'SCORING_DIVISION_BY_ZERO',
  InvalidRubric = 'SCORING_INVALID_RUBRIC',
  MissingCriterion = 'SCORING_MISSING_CRITERION',
  UnknownCriterion = 'SCORING_UNKNOWN_CRITERION',
  CriterionOutOfRange = 'SCORING_CRITERION_OUT_OF_RANGE',
  InvalidAggregation = 'SCORING_INVALID_AGGREGATION',
  NotEnoughJudges = 'SCORING_NOT_ENOUGH_JUDGES',
  InvalidWeights = 'SCORING_INVALID_WEIGHTS',
  InvalidRanking = 'SCORING_INVALID_RANKING',
  DuplicateId = 'SCORING_DUPLICATE_ID',
  InvalidPolicy = 'SCORING_INVALID_POLICY',
  InvalidAmount = 'SCORING_INVALID_AMOUNT',
  InvalidInput = 'SCORING_INVALID_INPUT',
  UnknownReference = 'SCORING_UNKNOWN_REFERENCE',
  MissingComponent = 'SCORING_MISSING_COMPONENT',
  MissingRating = 'SCORING_MISSING_RATING',
}

export class ScoringError extends Error {
  readonly code: ScoringErrorCode;
  /** The input field at fault, as a dotted path, when one field is to blame. */
  readonly field?: string;

  constructor(code: ScoringErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ScoringError';
    this.code = code;
    this.field = field;
  }
}
