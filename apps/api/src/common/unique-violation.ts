import { QueryFailedError } from 'typeorm';

/**
 * True when the error is Postgres refusing a duplicate under the named unique constraint. The
 * constraint, not a prior SELECT, is what decides a race between two identical requests.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
