import { NamedFile } from '../common/file-response';
import { Injectable } from '@nestjs/common';
import { OrganizationErrors, ProjectOutcome } from '@app/domain';
import { beijingDate, exitWatch, grantProgress } from '@app/grants';
import { AuditRepository } from '@app/persistence';
import { AccountabilityRepository, GrantProgressRow } from '../accountability/accountability.repository';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { toSanctionResponse } from '../sanctions/dto/sanction.dto';
import { SanctionsRepository } from '../sanctions/sanctions.repository';
import {
  MonthlyRecord,
  OrganizationHistoryDto,
  toEnteredSubmission,
  toOrganizationGrant,
} from './dto/organization-history.dto';
import { toOrganizationResponse } from './dto/organization.dto';
import { organizationHistoryCsv } from './organization-history-csv';
import { OrganizationHistoryRepository } from './organization-history.repository';
import { OrganizationsRepository } from './organizations.repository';

/** 组织档案: the competitions an organization entered, its results and grants, for the office. */
@Injectable()
export class OrganizationHistoryService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly history: OrganizationHistoryRepository,
    private readonly grants: AccountabilityRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async of(organizationId: string): Promise<OrganizationHistoryDto> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw OrganizationErrors.notFound();
    const [entered, grantRows, sanctionRows] = await Promise.all([
      this.history.entered(organizationId),
      this.grants.ofOrganization(organizationId),
      this.history.sanctions(organizationId).then((rows) => this.sanctions.named(rows)),
    ]);
    const today = beijingDate(new Date());
    const sanctions = sanctionRows.map((row) => toSanctionResponse(row, today));
    const submissions = entered.map(toEnteredSubmission);
    const progress = grantRows.map((row) => grantProgress(row, row.tranches));
    const monthly = await this.monthlyRecords(grantRows);
    const grants = grantRows.map((row, i) => toOrganizationGrant(row, progress[i], monthly(row)));
    return {
      organization: toOrganizationResponse(organization),
      summary: {
        competitionsEntered: new Set(submissions.map((s) => s.competitionId)).size,
        submissions: submissions.length,
        grants: grants.length,
        grantsTerminated: progress.filter(
          (p) => p.outcome === ProjectOutcome.Terminated || p.outcome === ProjectOutcome.Exited,
        ).length,
        grantedFen: grants.reduce((sum, g) => sum + g.progress.amountFen, 0),
        paidFen: grants.reduce((sum, g) => sum + g.progress.paidFen, 0),
        activeSanctions: sanctions.filter((sanction) => sanction.active).length,
      },
      submissions,
      grants,
      sanctions,
    };
  }

  /**
   * Each grant's monthly scores read against its competition's exit line (辛店: below 6); a
   * competition without monthly checks has no line, and no month of it reads as below.
   */
  private async monthlyRecords(
    grants: readonly GrantProgressRow[],
  ): Promise<(grant: GrantProgressRow) => MonthlyRecord> {
    const [checks, competitions] = await Promise.all([
      this.history.monthlyChecks(grants.map((g) => g.grantId)),
      this.history.competitions([...new Set(grants.map((g) => g.competitionId))]),
    ]);
    const exitRules = new Map(competitions.map((c) => [c.id, c.rules.supervision.monthlyChecks?.exit ?? null]));
    return (grant) => {
      const rule = exitRules.get(grant.competitionId) ?? null;
      const series = checks.filter((check) => check.grantId === grant.grantId);
      return {
        months: series.map((check) => ({
          month: check.month,
          score: check.score,
          below: rule !== null && check.score < rule.below,
        })),
        monthsBelowInRow: rule ? exitWatch(series, rule).monthsBelow.length : 0,
      };
    };
  }

  /** The history as CSV; every export is audited, since it carries an organization's record out of the system. */
  async csv(actor: Actor, organizationId: string): Promise<NamedFile> {
    const history = await this.of(organizationId);
    await this.audit.record({
      ...auditActor(actor),
      action: 'organization-history.export',
      subjectType: 'organization',
      subjectId: organizationId,
      after: {
        submissions: history.summary.submissions,
        grants: history.summary.grants,
        sanctions: history.sanctions.length,
      },
    });
    return {
      filename: `organization-${organizationId}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: Buffer.from(organizationHistoryCsv(history), 'utf8'),
    };
  }
}
