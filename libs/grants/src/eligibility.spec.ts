import { EligibilityRules, ReportKind, TerminationCause } from '@app/domain';
import { EligibilityFacts, eligibilityRefusal, overdueReports } from './eligibility';

const ALL: EligibilityRules = {
  noActiveSanction: true,
  noOverdueReport: true,
  maxActiveGrants: 2,
  noFailedEvaluationInLast: 2,
};
const CLEAN: EligibilityFacts = { sanctions: [], overdueReports: [], runningGrants: 0, evaluations: [] };
const MONTHLY = { monthly: true, monthlyDueDay: 10, midTerm: false, final: false, finalDueDays: 30 };

describe('eligibility (申报资格)', () => {
  it('lets an organization that breaks no rule submit', () => {
    expect(eligibilityRefusal(ALL, { ...CLEAN, runningGrants: 1 })).toBeNull();
  });

  it('refuses a sanctioned organization with the day the last sanction ends', () => {
    const sanctions = [
      { cause: TerminationCause.Diversion, endsOn: '2030-06-15' },
      { cause: TerminationCause.MonthlyChecks, endsOn: '2029-01-01' },
    ];
    const refusal = eligibilityRefusal(ALL, { ...CLEAN, sanctions });
    expect(refusal).toMatchObject({ reason: 'NOT_ELIGIBLE_SANCTIONED', code: 'CONFLICT' });
    expect(refusal?.messageZh).toContain('限制申报期内不得申报');
    expect(refusal?.messageZh).toContain('挪用资金');
    expect(refusal?.messageZh).toContain('2030-06-15 起方可申报');
    expect(refusal?.messageEn).toContain('until 2030-06-15');
  });

  it('refuses an organization with a report overdue, naming the report and its due date', () => {
    const overdue = [
      { agreementNumber: 'GYCT-2026-0002', kind: ReportKind.Monthly, period: '2027-03', dueOn: '2027-04-10' },
    ];
    const refusal = eligibilityRefusal(ALL, { ...CLEAN, overdueReports: overdue });
    expect(refusal).toMatchObject({ reason: 'NOT_ELIGIBLE_REPORT_OVERDUE' });
    expect(refusal?.messageZh).toContain('协议 GYCT-2026-0002 的2027-03 月度报告应于 2027-04-10 前提交');
  });

  it('refuses an organization with as many running grants as the rules allow', () => {
    expect(eligibilityRefusal(ALL, { ...CLEAN, runningGrants: 2 })).toMatchObject({
      reason: 'NOT_ELIGIBLE_TOO_MANY_GRANTS',
      messageZh: expect.stringContaining('在执行资助项目不超过 2 个'),
    });
  });

  it('applies only the rules the competition switches on', () => {
    const none: EligibilityRules = {
      noActiveSanction: false,
      noOverdueReport: false,
      maxActiveGrants: null,
      noFailedEvaluationInLast: null,
    };
    const facts: EligibilityFacts = {
      sanctions: [{ cause: TerminationCause.FalseClaims, endsOn: '2030-01-01' }],
      overdueReports: [{ agreementNumber: 'GYCT-2026-0001', kind: ReportKind.Final, period: '', dueOn: '2027-01-30' }],
      runningGrants: 9,
      evaluations: [{ agreementNumber: 'GYCT-2026-0001', band: 'C', passed: false, closedOn: '2027-06-30' }],
    };
    expect(eligibilityRefusal(none, facts)).toBeNull();
  });

  it('refuses a failed evaluation among the last N results, and lets an older one pass', () => {
    const result = (band: string, passed: boolean, closedOn: string) => ({
      agreementNumber: 'GYCT-2026-0010',
      band,
      passed,
      closedOn,
    });
    const recentC = [result('B', true, '2027-09-30'), result('C', false, '2027-06-30')];
    expect(eligibilityRefusal(ALL, { ...CLEAN, evaluations: recentC })).toMatchObject({
      reason: 'NOT_ELIGIBLE_FAILED_EVALUATION',
      messageZh: expect.stringContaining('最近 2 次评估中不得有不合格'),
      messageEn: expect.stringContaining('rated C (failed) on 2027-06-30'),
    });
    const olderC = [result('A', true, '2027-12-20'), result('B', true, '2027-09-30'), result('C', false, '2027-06-30')];
    expect(eligibilityRefusal(ALL, { ...CLEAN, evaluations: olderC })).toBeNull();
  });

  it('a report is overdue after its due day until it is first submitted, even if returned for changes since', () => {
    const period = { start: '2027-01-01', end: '2027-12-31' };
    const due = (today: string, filed = [] as { kind: ReportKind; period: string; firstSubmittedAt: Date | null }[]) =>
      overdueReports(period, MONTHLY, filed, today).map((r) => r.period);
    expect(due('2027-02-10')).toEqual([]);
    expect(due('2027-02-11')).toEqual(['2027-01']);
    expect(due('2027-03-11', [{ kind: ReportKind.Monthly, period: '2027-01', firstSubmittedAt: new Date() }])).toEqual([
      '2027-02',
    ]);
    expect(due('2027-03-11', [{ kind: ReportKind.Monthly, period: '2027-01', firstSubmittedAt: null }])).toEqual([
      '2027-01',
      '2027-02',
    ]);
  });
});
