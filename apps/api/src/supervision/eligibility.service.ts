import { Injectable } from '@nestjs/common';
import { EligibilityRules } from '@app/domain';
import { EligibilityFacts, beijingDate, eligibilityRefusal, overdueReports } from '@app/grants';
import { GrantsRepository } from '../grants/grants.repository';
import { EligibilityRepository } from './eligibility.repository';

/**
 * 申报资格 (侯家塘, 鄞州): before an organization creates or submits a submission, the competition's
 * eligibility rules read its sanctions, its running grants, the reports they owe and its evaluations.
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly facts: EligibilityRepository,
    private readonly grants: GrantsRepository,
  ) {}

  async assertEligible(organizationId: string, rules: EligibilityRules, now: Date): Promise<void> {
    const refusal = eligibilityRefusal(rules, await this.factsOf(organizationId, beijingDate(now)));
    if (refusal) throw refusal;
  }

  private async factsOf(organizationId: string, today: string): Promise<EligibilityFacts> {
    const [sanctions, grants, evaluations] = await Promise.all([
      this.facts.activeSanctions(organizationId, today),
      this.facts.runningGrants(organizationId),
      this.facts.evaluations(organizationId),
    ]);
    const [terms, reports] = await Promise.all([
      this.grants.termsOfGrants(grants),
      this.facts.reportsOf(grants.map((g) => g.id)),
    ]);
    const overdue = grants.flatMap((grant) => {
      const reportTerms = terms.get(grant.id)?.grants.reports;
      if (!reportTerms) return [];
      const filed = reports.filter((r) => r.grantId === grant.id);
      return overdueReports({ start: grant.periodStart, end: grant.periodEnd }, reportTerms, filed, today).map(
        (due) => ({ agreementNumber: grant.agreementNumber, kind: due.kind, period: due.period, dueOn: due.dueOn }),
      );
    });
    return {
      sanctions: sanctions.map((s) => ({ cause: s.cause, endsOn: s.endsOn })),
      overdueReports: overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
      runningGrants: grants.length,
      evaluations,
    };
  }
}
