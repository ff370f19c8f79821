import { beijingDate } from './calendar';

export interface ProjectPeriod {
  /** YYYY-MM-DD, Beijing dates, both days included. */
  readonly start: string;
  readonly end: string;
}

/**
 * The project period the agreement prints and the ledger keeps: from the day the agreement is
 * generated to the last milestone the applicant planned. A plan whose milestones are all already
 * past (or absent) gets the usual one-year term of a 公益创投 project, so the period never ends
 * before it starts.
 */
export function projectPeriod(generatedAt: Date, milestones: readonly { readonly due: string }[]): ProjectPeriod {
  const start = beijingDate(generatedAt);
  const lastDue = milestones
    .map((m) => m.due)
    .reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  if (lastDue !== undefined && lastDue > start) {
    return { start, end: lastDue };
  }
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + 1, m - 1, d) - 24 * 3600 * 1000);
  return { start, end: end.toISOString().slice(0, 10) };
}
