/**
 * Calendar days as the office keeps them: Beijing dates written YYYY-MM-DD. Every function takes
 * its instant from the caller, so the ledger never reads a clock.
 */

import { BEIJING_TIME_ZONE } from '@app/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

/** Built once: constructing a formatter costs about half a millisecond, every vote asks for its day. */
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING_TIME_ZONE });

/** The calendar day in Beijing, where the competitions take place, as YYYY-MM-DD. */
export function beijingDate(instant: Date): string {
  return BEIJING_DAY.format(instant);
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** "2027-03" of "2027-03-15". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after "2027-12" is "2028-01". */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the one of `start` to the one of `end`, both included. */
export function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(start); month <= monthOf(end); month = nextMonth(month)) months.push(month);
  return months;
}

/** Day `day` of `month`, or the month's last day when it is shorter (a due day of 31 in February). */
export function dayOfMonth(month: string, day: number): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
