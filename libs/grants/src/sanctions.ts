import { dayOfMonth } from './calendar';

export interface SanctionTerm {
  readonly startsOn: string;
  /** The first day the organization may submit again. */
  readonly endsOn: string;
}

/**
 * 限制申报: a breach confirmed on `today` bars the organization for `years` whole years; from a
 * 29 February the bar ends on the last day of the next February, never later than the years say.
 */
export function sanctionTerm(today: string, years: number): SanctionTerm {
  const year = Number(today.slice(0, 4)) + years;
  return { startsOn: today, endsOn: dayOfMonth(`${year}${today.slice(4, 7)}`, Number(today.slice(8, 10))) };
}

/** A sanction holds from its first day until the day before it ends. */
export function sanctionActive(term: SanctionTerm, today: string): boolean {
  return term.startsOn <= today && today < term.endsOn;
}
