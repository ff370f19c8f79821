import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import {
  AdminErrors,
  DIRECT_PURCHASE_TERMS,
  NeedsErrors,
  PURCHASE_ROUTE_LABELS,
  PurchaseRoute,
  ServiceOrderState,
} from '@app/domain';
import { agreedBudget, beijingDate, planSchedule } from '@app/grants';
import { AuditRepository, GrantorParty, Organization, ServiceOrder } from '@app/persistence';
import {
  AgreementFonts,
  AgreementView,
  defaultGranteeObligations,
  loadAgreementFonts,
  renderAgreementPdf,
} from '@app/reports';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { GrantDetailDto } from '../grants/dto/grant.dto';
import { canSee, officeOf } from '../grants/grant-access';
import { GrantsRepository } from '../grants/grants.repository';
import { GrantsService, granteeParty } from '../grants/grants.service';
import { smallPurchaseLimitOf } from './service-orders.service';
import { StoredFile } from '../common/file-response';

/** The purchase agreement as a download: its bytes, stored hash and file name. */
/** One budget line, the whole amount: a small purchase buys a service, not a project's cost lines. */
const PURCHASE_BUDGET_LINE = { item: '购买社区服务费用', kind: '服务费' } as const;

/** GMXY-<year in Beijing>-<the office's purchase agreements so far + 1, 4 digits>. */
function purchaseAgreementNumber(now: Date, sequence: number): string {
  return `GMXY-${beijingDate(now).slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

/** The Chinese service purchase agreement of a picked offer, with the tranches the ledger will pay. */
function purchaseAgreementView(input: {
  readonly number: string;
  readonly grantor: GrantorParty;
  readonly taker: Organization;
  readonly order: ServiceOrder;
  readonly amountFen: number;
  readonly now: Date;
}): AgreementView {
  const { order, taker, amountFen } = input;
  const route = PURCHASE_ROUTE_LABELS[PurchaseRoute.Direct].zh;
  return {
    locale: 'zh',
    agreementNumber: input.number,
    competitionName: route,
    purchase: {
      beneficiaries: `${order.beneficiariesWho}（${order.beneficiariesCount} 人）`,
      deliverables: order.deliverables,
    },
    funder: { ...input.grantor },
    grantee: {
      name: taker.name,
      unifiedSocialCreditCode: taker.creditCode,
      community: taker.community,
      representative: taker.contactName,
      contactPerson: taker.contactName,
      contactPhone: taker.contactPhone,
    },
    bankAccount: null,
    project: {
      title: order.title,
      category: route,
      summary: order.scope,
      periodStart: order.periodStart,
      periodEnd: order.periodEnd,
    },
    grantFen: BigInt(amountFen),
    budgetLines: [{ ...PURCHASE_BUDGET_LINE, amountFen: BigInt(amountFen) }],
    tranches: planSchedule(amountFen, DIRECT_PURCHASE_TERMS.tranches).map((tranche, i) => ({
      label: `第 ${i + 1} 期`,
      condition: tranche.labelZh,
      percent: tranche.percent,
      amountFen: BigInt(tranche.amountFen),
    })),
    obligations: defaultGranteeObligations('zh'),
    copiesPerParty: 2,
    signingDate: null,
    generatedAt: input.now.toISOString(),
  };
}

/**
 * 政府买单 of a direct purchase: the office buys the order's picked offer, and the purchase becomes
 * a grant in the same grants ledger as a competition's (tranches, reports, payments, the finance
 * export), held to {@link DIRECT_PURCHASE_TERMS} frozen on the grant, with a Chinese service purchase
 * agreement rendered in the same transaction. No second money system: the ledger's own start step.
 */
@Injectable()
export class PurchasesService {
  private fonts: AgreementFonts | undefined;

  constructor(
    private readonly grants: GrantsRepository,
    private readonly ledger: GrantsService,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async buy(actor: Actor, orderId: string): Promise<GrantDetailDto> {
    const office = officeOf(actor);
    const now = new Date();
    const grantId = await this.grants.transaction(async (manager) => {
      const order = await this.grants.lockOrder(manager, orderId);
      if (!order || order.tenantId !== office) throw NeedsErrors.orderNotFound();
      if (order.route !== PurchaseRoute.Direct) throw NeedsErrors.orderWrongRoute(order.route);
      const funded = await this.grants.grantOfOrder(order.id, manager);
      if (funded) throw NeedsErrors.orderAlreadyFunded(funded.agreementNumber);
      if (!order.pickedOfferId) throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Taken);
      const offer = await this.grants.findOffer(manager, order.pickedOfferId);
      const taker = offer && (await this.grants.findOrganization(manager, offer.organizationId));
      const tenant = await this.grants.findTenant(manager, office);
      if (!offer || !taker || !tenant) throw NeedsErrors.orderNotFound();
      // The limit is read again: an office that lowered it since the order was drafted no longer buys above it.
      const limit = smallPurchaseLimitOf(tenant);
      if (offer.amountFen > limit) throw NeedsErrors.purchaseAboveLimit(offer.amountFen, limit);
      const grantor = tenant.settings.grantor;
      if (!grantor) throw AdminErrors.grantorNotSet();
      const number = purchaseAgreementNumber(now, (await this.grants.numberPurchaseAgreement(manager, office)) + 1);
      this.fonts ??= loadAgreementFonts(this.config.fonts.dir);
      const pdf = await renderAgreementPdf(
        purchaseAgreementView({ number, grantor, taker, order, amountFen: offer.amountFen, now }),
        this.fonts,
      );
      const agreement = await this.grants.insertPurchaseAgreement(manager, {
        orderId: order.id,
        offerId: offer.id,
        number,
        amountFen: offer.amountFen,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        sizeBytes: pdf.length,
        createdBy: auditActor(actor).actorId,
      });
      const id = await this.ledger.start(
        manager,
        actor,
        {
          competitionId: null,
          submissionId: null,
          orderId: order.id,
          organizationId: taker.id,
          agreementId: null,
          purchaseAgreementId: agreement.id,
          terms: DIRECT_PURCHASE_TERMS,
          agreementNumber: number,
          amountFen: offer.amountFen,
          matchingFen: 0,
          partyA: { ...grantor },
          partyB: granteeParty(taker),
          periodStart: order.periodStart,
          periodEnd: order.periodEnd,
        },
        {
          tranches: DIRECT_PURCHASE_TERMS.tranches,
          lines: agreedBudget([{ ...PURCHASE_BUDGET_LINE, amountFen: offer.amountFen }], offer.amountFen, 0),
          reason: '服务购买协议约定的预算 / the budget of the service purchase agreement',
        },
        now,
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'service-order.buy',
          subjectType: 'service-order',
          subjectId: order.id,
          before: { state: order.state },
          after: {
            grantId: id,
            agreementNumber: number,
            amountFen: offer.amountFen,
            offerId: offer.id,
            organizationId: taker.id,
            sha256: agreement.sha256,
          },
        },
        manager,
      );
      return id;
    });
    return this.ledger.get(actor, grantId);
  }

  /**
   * The office and the taker download the purchase agreement (another office never finds the order;
   * a district finds its streets'); each download is audited.
   */
  async agreement(actor: Actor, orderId: string): Promise<StoredFile> {
    const order = await this.grants.findOrder(orderId);
    const grant = order && (await this.grants.grantOfOrder(order.id));
    if (!grant?.purchaseAgreementId || !canSee(actor, grant)) throw NeedsErrors.orderNotFound();
    const agreement = await this.grants.purchaseAgreementPdf(grant.purchaseAgreementId);
    if (!agreement) throw NeedsErrors.orderNotFound();
    await this.audit.record({
      ...auditActor(actor),
      action: 'purchase-agreement.download',
      subjectType: 'service-order',
      subjectId: orderId,
      after: { number: agreement.number, sha256: agreement.sha256 },
    });
    return {
      bytes: agreement.pdf,
      sha256: agreement.sha256,
      filename: `服务购买协议-${agreement.number}.pdf`,
      contentType: 'application/pdf',
    };
  }
}
