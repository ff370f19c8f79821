import { Injectable } from '@nestjs/common';
import { OrganizationErrors, ProjectOutcome } from '@app/domain';
import { beijingDate, grantProgress } from '@app/grants';
import { AuditRepository } from '@app/persistence';
import { AccountabilityRepository } from '../accountability/accountability.repository';
import { Actor } from '../auth/actor';
import { toSanctionResponse } from '../sanctions/dto/sanction.dto';
import { SanctionsRepository } from '../sanctions/sanctions.repository';
import { auditActor } from '../auth/audit-actor';
import { OrganizationHistoryDto, toEnteredSubmission, toOrganizationGrant } from './dto/organization-history.dto';
import { toOrganizationResponse } from './dto/organization.dto';
import { organizationHistoryCsv } from './organization-history-csv';
import { OrganizationHistoryRepository } from './organization-history.repository';
import { OrganizationsRepository } from './organizations.repository';

export interface HistoryFile {
  readonly filename: string;
  readonly body: string;
}

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
    const grants = grantRows.map((row, i) => toOrganizationGrant(row, progress[i]));
    return {
      organization: toOrganizationResponse(organization),
      summary: {
        competitionsEntered: new Set(submissions.map((s) => s.competitionId)).size,
        submissions: submissions.length,
        grants: grants.length,
        grantsTerminated: progress.filter((p) => p.outcome === ProjectOutcome.Terminated).length,
        grantedFen: grants.reduce((sum, g) => sum + g.progress.amountFen, 0),
        paidFen: grants.reduce((sum, g) => sum + g.progress.paidFen, 0),
        activeSanctions: sanctions.filter((sanction) => sanction.active).length,
      },
      submissions,
      grants,
      sanctions,
    };
  }

  /** The history as CSV; every export is audited, since it carries an organization's record out of the system. */
  async csv(actor: Actor, organizationId: string): Promise<HistoryFile> {
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
    return { filename: `organization-${organizationId}.csv`, body: organizationHistoryCsv(history) };
  }
}
