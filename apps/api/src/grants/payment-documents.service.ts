import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { CompetitionErrors, GrantsErrors, PURCHASE_ROUTE_LABELS, PurchaseRoute, TrancheState } from '@app/domain';
import { beijingDate, describeCondition, paidFen } from '@app/grants';
import { AuditRepository, ProjectGrant } from '@app/persistence';
import { AgreementFonts, loadAgreementFonts, renderPaymentNoticePdf } from '@app/reports';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { officeOf } from './grant-access';
import { GrantsRepository } from './grants.repository';
import { trancheLedger } from './ledger-rows';
import { paymentsCsv } from './payments-csv';
import { TranchesService } from './tranches.service';

export interface PaymentDocument {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly contentType: string;
}

const NOTICE_STATES: readonly TrancheState[] = [TrancheState.Approved, TrancheState.Paid];

/**
 * The finance documents: the payment notice of a tranche (拨付通知) and the payments export. The
 * notice is drawn on request in the API: one page, tens of milliseconds, and a function of the
 * tranche's stored row (its date is the approval's or the payment's), so every reprint is the same
 * document and nothing needs storing or queueing. The fonts are parsed on the first notice only.
 */
@Injectable()
export class PaymentDocumentsService {
  private fonts: AgreementFonts | undefined;

  constructor(
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesService,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async notice(actor: Actor, trancheId: string): Promise<PaymentDocument> {
    const tranche = await this.tranches.visible(actor, trancheId);
    if (!NOTICE_STATES.includes(tranche.state) || !tranche.approvedAt || !tranche.payee) {
      throw GrantsErrors.trancheNotApproved(tranche.state);
    }
    const grant = await this.grants.findGrant(tranche.grantId);
    if (!grant) throw GrantsErrors.trancheNotFound();
    const all = await this.grants.tranchesOf(grant.id);
    const [titles, sourceName] = await Promise.all([this.grants.projectTitles([grant]), this.sourceName(grant)]);
    const noticeNumber = `${grant.agreementNumber}-${tranche.sequence}`;
    this.fonts ??= loadAgreementFonts(this.config.fonts.dir);
    const bytes = await renderPaymentNoticePdf(
      {
        noticeNumber,
        agreementNumber: grant.agreementNumber,
        competitionName: sourceName,
        funderName: grant.partyA.name,
        granteeName: grant.partyB.name,
        projectTitle: titles.get(grant.id) ?? '',
        tranche: {
          sequence: tranche.sequence,
          count: all.length,
          label: `第 ${tranche.sequence} 期`,
          condition: describeCondition(tranche.condition).zh,
          percent: tranche.percent,
          amountFen: tranche.amountFen,
        },
        grantFen: grant.amountFen,
        paidBeforeFen: paidFen(all.filter((t) => t.sequence < tranche.sequence).map(trancheLedger)),
        payee: tranche.payee,
        approvedOn: beijingDate(tranche.approvedAt),
        payment:
          tranche.state === TrancheState.Paid && tranche.voucherNumber && tranche.paidOn
            ? { voucherNumber: tranche.voucherNumber, paidOn: tranche.paidOn }
            : null,
        generatedAt: (tranche.paidAt ?? tranche.approvedAt).toISOString(),
      },
      this.fonts,
    );
    await this.audit.record({
      ...auditActor(actor),
      action: 'tranche.notice.download',
      subjectType: 'tranche',
      subjectId: trancheId,
      after: { noticeNumber, state: tranche.state },
    });
    return { bytes, filename: `拨付通知-${noticeNumber}.pdf`, contentType: 'application/pdf' };
  }

  async paymentsExport(actor: Actor, competitionId: string): Promise<PaymentDocument> {
    const competition = await this.grants.findCompetition(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    return this.export(actor, await this.grants.ofCompetition(competitionId), {
      type: 'competition',
      id: competitionId,
      filename: `payments-${competitionId}.csv`,
    });
  }

  /** The office's direct purchases (小额直接购买), the same export as a competition's. */
  async directPaymentsExport(actor: Actor): Promise<PaymentDocument> {
    return this.export(actor, await this.grants.ofDirectPurchases(officeOf(actor)), {
      type: 'tenant',
      id: officeOf(actor),
      filename: 'payments-direct-purchases.csv',
    });
  }

  private async export(
    actor: Actor,
    grants: readonly ProjectGrant[],
    subject: { type: string; id: string; filename: string },
  ): Promise<PaymentDocument> {
    const [tranches, titles] = await Promise.all([
      this.grants.tranchesOfGrants(grants.map((g) => g.id)),
      this.grants.projectTitles(grants),
    ]);
    const csv = paymentsCsv(
      grants.flatMap((grant) =>
        tranches
          .filter((t) => t.grantId === grant.id)
          .map((tranche) => ({
            grant,
            projectTitle: titles.get(grant.id) ?? '',
            tranche,
            approvedOn: tranche.approvedAt ? beijingDate(tranche.approvedAt) : null,
          })),
      ),
    );
    await this.audit.record({
      ...auditActor(actor),
      action: 'payments.export',
      subjectType: subject.type,
      subjectId: subject.id,
      after: { grants: grants.length, tranches: tranches.length },
    });
    return { bytes: Buffer.from(csv, 'utf8'), filename: subject.filename, contentType: 'text/csv; charset=utf-8' };
  }

  /** What the notice prints above the project: the competition's title, or the direct purchase's route. */
  private async sourceName(grant: ProjectGrant): Promise<string> {
    if (!grant.competitionId) return PURCHASE_ROUTE_LABELS[PurchaseRoute.Direct].zh;
    return (await this.grants.findCompetition(grant.competitionId))?.title ?? '';
  }
}
