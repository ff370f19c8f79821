import { Injectable } from '@nestjs/common';
import { GrantsErrors, RefundState, ReportState, TrancheState } from '@app/domain';
import { beijingDate, daysLate, paidFen, reportSchedule, spentByLine, trancheStateToday } from '@app/grants';
import { GrantRefund, GrantTranche, ProjectGrant } from '@app/persistence';
import { GrantDetailDto, GrantSummaryDto, ReportDueDto, toRefundResponse } from './dto/grant.dto';
import { toTrancheResponse } from './dto/tranche.dto';
import { GrantReportsRepository } from './grant-reports.repository';
import { GrantsRepository } from './grants.repository';
import { signedAgreementOf, trancheLedger } from './ledger-rows';

const OPEN: readonly TrancheState[] = [TrancheState.Planned, TrancheState.Eligible, TrancheState.Approved];

/** How grants read to the office and the grantee: the ledger's rows with what libs/grants derives from them. */
@Injectable()
export class GrantViews {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly reports: GrantReportsRepository,
  ) {}

  summary(
    grant: ProjectGrant,
    tranches: readonly GrantTranche[],
    refunds: readonly GrantRefund[],
    projectTitle: string,
    now: Date,
  ): GrantSummaryDto {
    const today = beijingDate(now);
    const next = tranches.filter((t) => OPEN.includes(t.state)).sort((a, b) => a.sequence - b.sequence)[0];
    return {
      id: grant.id,
      competitionId: grant.competitionId,
      submissionId: grant.submissionId,
      orderId: grant.orderId,
      agreementId: signedAgreementOf(grant),
      agreementNumber: grant.agreementNumber,
      projectTitle,
      community: grant.partyB.community ?? '',
      granteeName: grant.partyB.name,
      amountFen: grant.amountFen,
      paidFen: paidFen(tranches.map(trancheLedger)),
      refundDueFen: refunds.filter((r) => r.state === RefundState.Open).reduce((sum, r) => sum + r.amountFen, 0),
      state: grant.state,
      stateReason: grant.stateReason,
      nextTranche: next ? toTrancheResponse(next, trancheStateToday(next, today)) : null,
      createdAt: grant.createdAt.toISOString(),
    };
  }

  async page(grants: readonly ProjectGrant[], now: Date): Promise<GrantSummaryDto[]> {
    const ids = grants.map((g) => g.id);
    const [tranches, refunds, titles] = await Promise.all([
      this.grants.tranchesOfGrants(ids),
      this.grants.refundsOfGrants(ids),
      this.grants.projectTitles(grants),
    ]);
    return grants.map((grant) =>
      this.summary(
        grant,
        tranches.filter((t) => t.grantId === grant.id),
        refunds.filter((r) => r.grantId === grant.id),
        titles.get(grant.id) ?? '',
        now,
      ),
    );
  }

  /** Everything about one grant, read after the caller's transaction committed. */
  async detail(grantId: string, now: Date): Promise<GrantDetailDto> {
    const grant = await this.grants.findGrant(grantId);
    if (!grant) throw GrantsErrors.grantNotFound();
    const [tranches, refunds, titles, history, reports, terms] = await Promise.all([
      this.grants.tranchesOf(grantId),
      this.grants.refundsOf(grantId),
      this.grants.projectTitles([grant]),
      this.grants.budgetHistory(grantId),
      this.reports.ofGrant(grantId),
      this.grants.termsOf(grant),
    ]);
    const today = beijingDate(now);
    const current = history[history.length - 1];
    const spent = spentByLine(
      current.lines.length,
      reports.filter((r) => r.state === ReportState.Accepted).map((r) => r.spending),
    );
    const schedule: ReportDueDto[] = terms
      ? reportSchedule({ start: grant.periodStart, end: grant.periodEnd }, terms.grants.reports).map((due) => {
          const filed = reports.find((r) => r.kind === due.kind && r.period === due.period);
          return {
            kind: due.kind,
            period: due.period,
            opensOn: due.opensOn,
            dueOn: due.dueOn,
            reportId: filed?.id ?? null,
            state: filed?.state ?? null,
            daysLate: daysLate(due.dueOn, filed?.firstSubmittedAt ?? null, now),
          };
        })
      : [];
    return {
      ...this.summary(grant, tranches, refunds, titles.get(grant.id) ?? '', now),
      matchingFen: grant.matchingFen,
      partyA: grant.partyA,
      partyB: grant.partyB,
      payee: grant.payee,
      periodStart: grant.periodStart,
      periodEnd: grant.periodEnd,
      tranches: tranches.map((t) => toTrancheResponse(t, trancheStateToday(t, today))),
      budget: {
        version: current.version,
        lines: current.lines.map((line, i) => ({
          ...line,
          spentGrantFen: spent[i].grantFen,
          spentMatchingFen: spent[i].matchingFen,
        })),
        history: history.map((b) => ({
          version: b.version,
          reason: b.reason,
          changeId: b.changeId,
          lines: b.lines,
          createdAt: b.createdAt.toISOString(),
        })),
      },
      reportSchedule: schedule,
      refunds: refunds.map((r) => toRefundResponse(r, today)),
    };
  }
}
