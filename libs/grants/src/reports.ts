import { GrantRules, GrantsErrors, ReportKind, ReportState } from '@app/domain';
import { addDays, beijingDate, daysBetween, dayOfMonth, monthOf, monthsOf, nextMonth } from './calendar';
import { ProjectPeriod } from './project-period';

/** One report the rules call for: monthly ones name their month, the others an empty period. */
export interface ReportDue {
  readonly kind: ReportKind;
  readonly period: string;
  /** The first day it may be written (YYYY-MM-DD). */
  readonly opensOn: string;
  readonly dueOn: string;
}

/** The month halfway through the project period, which the mid-term report covers up to. */
export function midTermMonth(period: ProjectPeriod): string {
  return monthOf(addDays(period.start, Math.floor(daysBetween(period.start, period.end) / 2)));
}

/**
 * Every report the rules call for over the project period, in due order: a monthly report for
 * each month of the period, due by the rules' day of the following month; the mid-term report for
 * the period up to its middle month, due like that month's monthly report; the final report, open
 * from the first of the last month and due the rules' days after the period ends.
 */
export function reportSchedule(period: ProjectPeriod, terms: GrantRules['reports']): ReportDue[] {
  const due: ReportDue[] = [];
  if (terms.monthly) {
    for (const month of monthsOf(period.start, period.end)) {
      due.push({
        kind: ReportKind.Monthly,
        period: month,
        opensOn: month === monthOf(period.start) ? period.start : `${month}-01`,
        dueOn: dayOfMonth(nextMonth(month), terms.monthlyDueDay),
      });
    }
  }
  if (terms.midTerm) {
    const month = midTermMonth(period);
    due.push({
      kind: ReportKind.MidTerm,
      period: '',
      opensOn: month === monthOf(period.start) ? period.start : `${month}-01`,
      dueOn: dayOfMonth(nextMonth(month), terms.monthlyDueDay),
    });
  }
  if (terms.final) {
    const month = monthOf(period.end);
    due.push({
      kind: ReportKind.Final,
      period: '',
      opensOn: month === monthOf(period.start) ? period.start : `${month}-01`,
      dueOn: addDays(period.end, terms.finalDueDays),
    });
  }
  return due.sort((a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn < b.dueOn ? -1 : 1));
}

/**
 * The report the grantee asks to start, checked against the schedule: the rules must call for its
 * kind, a monthly one must name a month of the period (the others none), and it opens on its day.
 */
export function dueReport(
  period: ProjectPeriod,
  terms: GrantRules['reports'],
  kind: ReportKind,
  month: string | undefined,
  now: Date,
): ReportDue {
  const schedule = reportSchedule(period, terms);
  if (!schedule.some((r) => r.kind === kind)) throw GrantsErrors.reportKindNotRequired(kind);
  const found = schedule.find((r) => r.kind === kind && r.period === (kind === ReportKind.Monthly ? month : ''));
  if (!found || (kind !== ReportKind.Monthly && month !== undefined)) {
    throw GrantsErrors.reportPeriodInvalid(monthOf(period.start), monthOf(period.end));
  }
  if (beijingDate(now) < found.opensOn) throw GrantsErrors.reportNotOpenYet(found.opensOn);
  return found;
}

/**
 * Days past the due date: of the first submission when there was one (a report returned for
 * changes is not late again), else of today while it is still missing. Zero when on time.
 */
export function daysLate(dueOn: string, firstSubmittedAt: Date | null, now: Date): number {
  const day = beijingDate(firstSubmittedAt ?? now);
  return Math.max(0, daysBetween(dueOn, day));
}

const EDITABLE: readonly ReportState[] = [ReportState.Draft, ReportState.Returned];

/** A draft, or a report returned for changes, is the grantee's to edit; nothing else is. */
export function assertReportEditable(state: ReportState): void {
  if (!EDITABLE.includes(state)) throw GrantsErrors.reportNotEditable(state);
}

/** The office reviews submitted reports only. */
export function assertReportUnderReview(state: ReportState): void {
  if (state !== ReportState.Submitted) throw GrantsErrors.reportNotSubmitted(state);
}
