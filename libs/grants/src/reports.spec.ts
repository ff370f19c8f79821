import { COMPETITION_PRESETS, GrantsRefusal, ReportKind } from '@app/domain';
import { refusalOf } from '../test/ledger.factory';
import { daysLate, dueReport, reportSchedule } from './reports';

const TERMS = COMPETITION_PRESETS['party-building'].grants.reports;
const PERIOD = { start: '2026-12-02', end: '2027-12-15' };

describe('reportSchedule', () => {
  const schedule = reportSchedule(PERIOD, TERMS);

  it('calls for a monthly report for each month of the period, due by the 10th of the next month', () => {
    const monthly = schedule.filter((r) => r.kind === ReportKind.Monthly);
    expect(monthly).toHaveLength(13);
    expect(monthly[0]).toEqual({ kind: 'monthly', period: '2026-12', opensOn: '2026-12-02', dueOn: '2027-01-10' });
    expect(monthly.at(-1)).toMatchObject({ period: '2027-12', opensOn: '2027-12-01', dueOn: '2028-01-10' });
  });

  it('puts the mid-term report at the middle month and the final report 30 days after the period', () => {
    expect(schedule.find((r) => r.kind === ReportKind.MidTerm)).toEqual({
      kind: 'mid-term',
      period: '',
      opensOn: '2027-06-01',
      dueOn: '2027-07-10',
    });
    expect(schedule.find((r) => r.kind === ReportKind.Final)).toMatchObject({
      opensOn: '2027-12-01',
      dueOn: '2028-01-14',
    });
  });

  it('leaves out what the rules do not call for, and keeps a due day of 31 inside short months', () => {
    const quarterly = reportSchedule(PERIOD, { ...TERMS, monthly: false, midTerm: false, monthlyDueDay: 31 });
    expect(quarterly.map((r) => r.kind)).toEqual(['final']);
    const lateDay = reportSchedule({ start: '2027-01-05', end: '2027-03-01' }, { ...TERMS, monthlyDueDay: 31 });
    expect(lateDay[0].dueOn).toBe('2027-02-28');
  });
});

describe('dueReport', () => {
  const now = new Date('2027-02-01T02:00:00Z');

  it('opens a month’s report from the first of that month', () => {
    expect(dueReport(PERIOD, TERMS, ReportKind.Monthly, '2027-01', now).dueOn).toBe('2027-02-10');
    expect(refusalOf(() => dueReport(PERIOD, TERMS, ReportKind.Monthly, '2027-03', now))).toMatchObject({
      reason: GrantsRefusal.ReportNotOpenYet,
      messageZh: '该报告自 2027-03-01 起才能填写',
    });
  });

  it('refuses a month outside the period, a monthly report without one, and a month on a final report', () => {
    for (const [kind, month] of [
      [ReportKind.Monthly, '2026-11'],
      [ReportKind.Monthly, undefined],
      [ReportKind.Final, '2027-01'],
    ] as const) {
      expect(refusalOf(() => dueReport(PERIOD, TERMS, kind, month, now))).toMatchObject({
        reason: GrantsRefusal.ReportPeriodInvalid,
        field: 'period',
      });
    }
  });

  it('refuses a kind of report the rules do not call for', () => {
    expect(
      refusalOf(() => dueReport(PERIOD, { ...TERMS, midTerm: false }, ReportKind.MidTerm, undefined, now)),
    ).toMatchObject({
      reason: GrantsRefusal.ReportKindNotRequired,
      field: 'kind',
    });
  });
});

describe('daysLate', () => {
  it('counts Beijing days past the due date from the first submission, or from today while missing', () => {
    expect(daysLate('2027-02-10', new Date('2027-02-10T15:59:00Z'), new Date('2027-03-01T00:00:00Z'))).toBe(0);
    expect(daysLate('2027-02-10', new Date('2027-02-10T16:01:00Z'), new Date('2027-03-01T00:00:00Z'))).toBe(1);
    expect(daysLate('2027-02-10', null, new Date('2027-02-15T02:00:00Z'))).toBe(5);
    expect(daysLate('2027-02-10', null, new Date('2027-02-01T02:00:00Z'))).toBe(0);
  });
});
