import {
  DomainError,
  EligibilityRules,
  GrantRules,
  ReportKind,
  SupervisionErrors,
  TerminationCause,
} from '@app/domain';
import { ProjectPeriod } from './project-period';
import { ReportDue, reportSchedule } from './reports';

/** What the eligibility rules read about an organization on the day it creates or submits a submission. */
export interface EligibilityFacts {
  /** Sanctions barring it today. */
  readonly sanctions: readonly { readonly cause: TerminationCause; readonly endsOn: string }[];
  /** Reports of its running grants past their due date and never submitted, earliest first. */
  readonly overdueReports: readonly {
    readonly agreementNumber: string;
    readonly kind: ReportKind;
    readonly period: string;
    readonly dueOn: string;
  }[];
  /** Its grants still running (active or suspended). */
  readonly runningGrants: number;
  /** Its evaluation results, newest first. */
  readonly evaluations: readonly {
    readonly agreementNumber: string;
    readonly band: string;
    readonly passed: boolean;
    readonly closedOn: string;
  }[];
}

type EligibilityCheck = (rules: EligibilityRules, facts: EligibilityFacts) => DomainError | null;

/**
 * 申报资格, one entry per rule of the competition's eligibility, in the order a refusal names them:
 * a rule adds its entry here and its field to EligibilityRules.
 */
const ELIGIBILITY_CHECKS: readonly EligibilityCheck[] = [
  (rules, { sanctions }) => {
    if (!rules.noActiveSanction || sanctions.length === 0) return null;
    // The one that ends last is the day the organization may submit again.
    const last = sanctions.reduce((a, b) => (b.endsOn > a.endsOn ? b : a));
    return SupervisionErrors.sanctioned(last.cause, last.endsOn);
  },
  (rules, { overdueReports }) => {
    if (!rules.noOverdueReport || overdueReports.length === 0) return null;
    const [first] = overdueReports;
    return SupervisionErrors.reportOverdue(first.agreementNumber, first.kind, first.period, first.dueOn);
  },
  (rules, { runningGrants }) =>
    rules.maxActiveGrants !== null && runningGrants >= rules.maxActiveGrants
      ? SupervisionErrors.tooManyGrants(runningGrants, rules.maxActiveGrants)
      : null,
  (rules, { evaluations }) => {
    if (rules.noFailedEvaluationInLast === null) return null;
    const failed = evaluations.slice(0, rules.noFailedEvaluationInLast).find((e) => !e.passed);
    return failed
      ? SupervisionErrors.failedEvaluation(
          rules.noFailedEvaluationInLast,
          failed.agreementNumber,
          failed.band,
          failed.closedOn,
        )
      : null;
  },
];

/** The refusal of the first eligibility rule the organization breaks, or null when it may submit. */
export function eligibilityRefusal(rules: EligibilityRules, facts: EligibilityFacts): DomainError | null {
  for (const check of ELIGIBILITY_CHECKS) {
    const refusal = check(rules, facts);
    if (refusal) return refusal;
  }
  return null;
}

/** A report the grantee filed: submitted at least once when `firstSubmittedAt` is set. */
export interface FiledReport {
  readonly kind: ReportKind;
  readonly period: string;
  readonly firstSubmittedAt: Date | null;
}

/** The reports a running grant owes that were due before `today` and never submitted, in due order. */
export function overdueReports(
  period: ProjectPeriod,
  terms: GrantRules['reports'],
  filed: readonly FiledReport[],
  today: string,
): ReportDue[] {
  return reportSchedule(period, terms).filter(
    (due) =>
      due.dueOn < today &&
      !filed.some((r) => r.kind === due.kind && r.period === due.period && r.firstSubmittedAt !== null),
  );
}
