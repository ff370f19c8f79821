import { ScoringError } from '../scoring.error';

/**
 * The ScoringError a call throws, so a test can assert its code and field; anything else thrown
 * propagates, and throwing nothing fails the test.
 */
export function scoringErrorOf(call: () => unknown): ScoringError {
  try {
    call();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  throw new Error('expected a ScoringError, but nothing was thrown');
}
