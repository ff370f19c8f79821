import { Injectable } from '@nestjs/common';
import {
  CompetitionState,
  DEFAULT_SMALL_PURCHASE_LIMIT_FEN,
  DIRECT_PURCHASE_ELIGIBILITY,
  GrantState,
  NeedsErrors,
  NeedState,
  OrderOfferState,
  PurchaseRoute,
  Role,
  ServiceOrderState,
  SubmissionState,
} from '@app/domain';
import { AuditRepository, ResidentNeed, ServiceOrder, Tenant } from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { EligibilityService } from '../supervision/eligibility.service';
import {
  DeliverOrderDto,
  DraftOrderDto,
  LinkSubmissionDto,
  OfferDto,
  PickOfferDto,
  ServiceOrderDto,
} from './dto/needs.dto';
import { CommunityNeedsService } from './community-needs.service';
import { applicantOrganization, toModeratedNeedResponse } from './need-views';
import { NeedsRepository } from './needs.repository';

/**
 * The office's small-purchase limit: `settings.needs.smallPurchaseLimitFen` on its tenant row,
 * else the platform's default.
 */
export function smallPurchaseLimitOf(office: Tenant): number {
  const limit = office.settings.needs?.smallPurchaseLimitFen;
  return typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0
    ? limit
    : DEFAULT_SMALL_PURCHASE_LIMIT_FEN;
}

/**
 * 制单 → 承单 → 买单 → delivery. A community drafts a service order from its listed needs and
 * publishes it into a category of its office's open competition or as a direct purchase within the
 * office's small-purchase limit. In a competition, organizations take it by linking a submission,
 * screened against the order (its competition and category, the cap, every deliverable among the
 * submission's targets); the competition's award makes the grant in the grants ledger, which is
 * the order's 买单. For a direct purchase, organizations offer and the community picks one with a
 * stated reason, the supervision eligibility rules applied to the taker.
 */
@Injectable()
export class ServiceOrdersService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly communities: CommunityNeedsService,
    private readonly audit: AuditRepository,
    private readonly eligibility: EligibilityService,
  ) {}

  async draft(actor: Actor, dto: DraftOrderDto): Promise<ServiceOrderDto> {
    const { community, wall } = await this.communities.wallOf(actor);
    if (dto.periodEnd <= dto.periodStart) throw NeedsErrors.periodInvalid();
    if (dto.purchase.route === PurchaseRoute.Competition) {
      const competition = await this.needs.competition(dto.purchase.competitionId ?? '');
      if (!competition || competition.tenantId !== wall.tenantId) throw NeedsErrors.competitionNotFound();
      if (competition.state !== CompetitionState.Open) throw NeedsErrors.competitionNotOpen();
      const category = dto.purchase.competitionCategory ?? '';
      if (!competition.rules.categories.some((c) => c.key === category)) {
        throw NeedsErrors.categoryNotInCompetition(category);
      }
      if (dto.budgetCapFen > competition.rules.maxRequestFen) {
        throw NeedsErrors.aboveCompetitionMax(dto.budgetCapFen, competition.rules.maxRequestFen);
      }
    } else {
      const office = await this.needs.tenant(wall.tenantId);
      const limit = office ? smallPurchaseLimitOf(office) : DEFAULT_SMALL_PURCHASE_LIMIT_FEN;
      if (dto.budgetCapFen > limit) throw NeedsErrors.aboveSmallPurchaseLimit(dto.budgetCapFen, limit);
    }
    const orderId = await this.needs.transaction(async (manager) => {
      const needs = await this.orderableNeeds(manager, community.id, dto.needIds);
      const competition = dto.purchase.route === PurchaseRoute.Competition;
      const order = await this.needs.insertOrder(manager, {
        tenantId: wall.tenantId,
        communityId: community.id,
        title: dto.title,
        scope: dto.scope,
        beneficiariesWho: dto.beneficiariesWho,
        beneficiariesCount: dto.beneficiariesCount,
        deliverables: dto.deliverables,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        budgetCapFen: dto.budgetCapFen,
        route: dto.purchase.route,
        competitionId: competition ? (dto.purchase.competitionId ?? null) : null,
        competitionCategory: competition ? (dto.purchase.competitionCategory ?? null) : null,
        state: ServiceOrderState.Draft,
        pickedOfferId: null,
        pickReason: null,
        delivery: null,
        createdBy: auditActor(actor).actorId,
      });
      for (const need of needs) need.orderId = order.id;
      await this.needs.saveNeeds(manager, needs);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'service-order.draft',
          subjectType: 'service-order',
          subjectId: order.id,
          after: {
            title: order.title,
            route: order.route,
            competitionId: order.competitionId,
            competitionCategory: order.competitionCategory,
            budgetCapFen: order.budgetCapFen,
            needIds: dto.needIds,
          },
        },
        manager,
      );
      return order.id;
    });
    return this.get(actor, orderId);
  }

  async publish(actor: Actor, orderId: string): Promise<ServiceOrderDto> {
    const community = await this.communities.community(actor);
    await this.needs.transaction(async (manager) => {
      const order = await this.ownOrder(manager, orderId, community.id);
      if (order.state !== ServiceOrderState.Draft)
        throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Draft);
      if (order.route === PurchaseRoute.Competition) {
        const competition = await this.needs.competition(order.competitionId ?? '', manager);
        if (!competition || competition.state !== CompetitionState.Open) throw NeedsErrors.competitionNotOpen();
      }
      order.state = ServiceOrderState.Published;
      order.publishedAt = new Date();
      await this.needs.saveOrder(manager, order);
      await this.moveNeeds(manager, order.id, NeedState.Ordered, order.publishedAt);
      await this.record(manager, actor, 'service-order.publish', order, ServiceOrderState.Draft);
    });
    return this.get(actor, orderId);
  }

  async offer(actor: Actor, orderId: string, dto: OfferDto): Promise<ServiceOrderDto> {
    const organizationId = applicantOrganization(actor) as string;
    await this.eligibility.assertEligible(organizationId, DIRECT_PURCHASE_ELIGIBILITY, new Date());
    await this.needs.transaction(async (manager) => {
      const order = await this.visibleOrder(manager, orderId, actor);
      if (order.route !== PurchaseRoute.Direct) throw NeedsErrors.orderWrongRoute(order.route);
      if (order.state !== ServiceOrderState.Published) {
        throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Published);
      }
      if (dto.amountFen > order.budgetCapFen) throw NeedsErrors.offerAboveCap(dto.amountFen, order.budgetCapFen);
      const offer = await this.needs.insertOffer(manager, {
        tenantId: order.tenantId,
        orderId: order.id,
        organizationId,
        amountFen: dto.amountFen,
        plan: dto.plan,
        state: OrderOfferState.Offered,
        createdBy: auditActor(actor).actorId,
      });
      if (!offer) throw NeedsErrors.alreadyOffered();
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'service-order.offer',
          subjectType: 'service-order',
          subjectId: order.id,
          after: { offerId: offer.id, organizationId, amountFen: offer.amountFen },
        },
        manager,
      );
    });
    return this.get(actor, orderId);
  }

  async pick(actor: Actor, orderId: string, dto: PickOfferDto): Promise<ServiceOrderDto> {
    const community = await this.communities.community(actor);
    await this.needs.transaction(async (manager) => {
      const order = await this.ownOrder(manager, orderId, community.id);
      if (order.route !== PurchaseRoute.Direct) throw NeedsErrors.orderWrongRoute(order.route);
      if (order.state !== ServiceOrderState.Published) {
        throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Published);
      }
      const offers = await this.needs.offers(order.id, manager);
      const picked = offers.find((o) => o.id === dto.offerId);
      if (!picked) throw NeedsErrors.offerNotFound();
      // Eligibility is read again at the pick: a sanction recorded since the offer bars the taker.
      await this.eligibility.assertEligible(picked.organizationId, DIRECT_PURCHASE_ELIGIBILITY, new Date());
      for (const offer of offers)
        offer.state = offer.id === picked.id ? OrderOfferState.Picked : OrderOfferState.NotPicked;
      await this.needs.saveOffers(manager, offers);
      order.state = ServiceOrderState.Taken;
      order.pickedOfferId = picked.id;
      order.pickReason = dto.reason;
      order.takenAt = new Date();
      await this.needs.saveOrder(manager, order);
      await this.moveNeeds(manager, order.id, NeedState.Taken, order.takenAt);
      await this.record(manager, actor, 'service-order.pick', order, ServiceOrderState.Published, {
        offerId: picked.id,
        organizationId: picked.organizationId,
        amountFen: picked.amountFen,
        reason: dto.reason,
      });
    });
    return this.get(actor, orderId);
  }

  async linkSubmission(actor: Actor, orderId: string, dto: LinkSubmissionDto): Promise<ServiceOrderDto> {
    const organizationId = applicantOrganization(actor) as string;
    await this.needs.transaction(async (manager) => {
      const order = await this.visibleOrder(manager, orderId, actor);
      if (order.route !== PurchaseRoute.Competition) throw NeedsErrors.orderWrongRoute(order.route);
      if (order.state !== ServiceOrderState.Published && order.state !== ServiceOrderState.Taken) {
        throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Published);
      }
      const submission = await this.needs.submission(dto.submissionId, manager);
      if (
        !submission ||
        submission.organizationId !== organizationId ||
        submission.state === SubmissionState.Withdrawn
      ) {
        throw NeedsErrors.submissionNotFound();
      }
      if (submission.competitionId !== order.competitionId || submission.category !== order.competitionCategory) {
        throw NeedsErrors.submissionOutsideOrder(order.competitionCategory ?? '');
      }
      if (submission.requestedFen > order.budgetCapFen) {
        throw NeedsErrors.submissionAboveCap(submission.requestedFen, order.budgetCapFen);
      }
      const targets = new Set(submission.targets.map((t) => t.trim()));
      const missing = order.deliverables.filter((d) => !targets.has(d.trim()));
      if (missing.length > 0) throw NeedsErrors.deliverablesNotCovered(missing);
      if (await this.needs.linkedSubmission(manager, submission.id)) throw NeedsErrors.submissionAlreadyLinked();
      await this.needs.linkSubmission(manager, {
        submissionId: submission.id,
        orderId: order.id,
        tenantId: order.tenantId,
        organizationId,
        createdBy: auditActor(actor).actorId,
      });
      const first = order.state === ServiceOrderState.Published;
      if (first) {
        order.state = ServiceOrderState.Taken;
        order.takenAt = new Date();
        await this.needs.saveOrder(manager, order);
        await this.moveNeeds(manager, order.id, NeedState.Taken, order.takenAt);
      }
      await this.record(
        manager,
        actor,
        'service-order.take',
        order,
        first ? ServiceOrderState.Published : order.state,
        {
          submissionId: submission.id,
          organizationId,
          requestedFen: submission.requestedFen,
        },
      );
    });
    return this.get(actor, orderId);
  }

  async deliver(actor: Actor, orderId: string, dto: DeliverOrderDto): Promise<ServiceOrderDto> {
    const organizationId = applicantOrganization(actor) as string;
    await this.needs.transaction(async (manager) => {
      const order = await this.visibleOrder(manager, orderId, actor);
      if (order.state !== ServiceOrderState.Taken)
        throw NeedsErrors.orderWrongState(order.state, ServiceOrderState.Taken);
      if (!(await this.takers(manager, order)).includes(organizationId)) throw NeedsErrors.notTaker();
      const reported = new Set(dto.items.map((i) => i.deliverable));
      const missing = order.deliverables.filter((d) => !reported.has(d));
      if (missing.length > 0) throw NeedsErrors.deliveryIncomplete(missing);
      order.state = ServiceOrderState.Delivered;
      order.deliveredAt = new Date();
      order.delivery = {
        summary: dto.summary,
        items: order.deliverables.map((deliverable) => {
          const item = dto.items.find((i) => i.deliverable === deliverable);
          return { deliverable, done: item?.done ?? false, note: item?.note ?? '' };
        }),
        reportedBy: organizationId,
      };
      await this.needs.saveOrder(manager, order);
      await this.moveNeeds(manager, order.id, NeedState.Delivered, order.deliveredAt);
      await this.record(manager, actor, 'service-order.deliver', order, ServiceOrderState.Taken, {
        summary: dto.summary,
        items: order.delivery.items,
      });
    });
    return this.get(actor, orderId);
  }

  /**
   * The office the orders of the offices it sees (its own; a district's, its streets' too, which
   * row-level security decides); a community its own; any organization the published ones.
   */
  async list(actor: Actor): Promise<ServiceOrderDto[]> {
    const orders =
      actor.kind === 'user' && actor.role === Role.Office
        ? await this.needs.orders({})
        : await this.ordersOfApplicant(actor);
    return Promise.all(orders.map((o) => this.view(actor, o)));
  }

  async get(actor: Actor, orderId: string): Promise<ServiceOrderDto> {
    const order = await this.needs.order(orderId);
    if (!order || !this.canSee(actor, order)) throw NeedsErrors.orderNotFound();
    return this.view(actor, order);
  }

  private async ordersOfApplicant(actor: Actor): Promise<ServiceOrder[]> {
    const own = applicantOrganization(actor);
    const [published, mine] = await Promise.all([
      this.needs.orders({ published: true }),
      own ? this.needs.orders({ communityId: own }) : Promise.resolve([]),
    ]);
    const seen = new Set(published.map((o) => o.id));
    return [...published, ...mine.filter((o) => !seen.has(o.id))];
  }

  /**
   * Another community's draft reads as missing. Offices read what row-level security shows them: an
   * office outside the order's never finds the row, its district does, as it reads its streets' grants.
   */
  private canSee(actor: Actor, order: ServiceOrder): boolean {
    if (actor.kind === 'user' && (actor.role === Role.Office || actor.role === Role.Admin)) return true;
    return order.state !== ServiceOrderState.Draft || order.communityId === applicantOrganization(actor);
  }

  private async view(actor: Actor, order: ServiceOrder): Promise<ServiceOrderDto> {
    const [offers, links, grants, needs] = await Promise.all([
      this.needs.offers(order.id),
      this.needs.linkedSubmissions(order.id),
      this.needs.grantsOf(order.id),
      this.needs.needsWithCounts({ orderIds: [order.id] }),
    ]);
    const own = applicantOrganization(actor);
    const seesAllOffers = own === undefined || own === order.communityId;
    const shownOffers = offers.filter((o) => seesAllOffers || o.organizationId === own);
    const [submissions, organizations] = await Promise.all([
      this.needs.submissions(links.map((l) => l.submissionId)),
      this.needs.organizations([
        order.communityId,
        ...shownOffers.map((o) => o.organizationId),
        ...links.map((l) => l.organizationId),
      ]),
    ]);
    const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? '';
    return {
      id: order.id,
      tenantId: order.tenantId,
      communityId: order.communityId,
      community: organizations.find((o) => o.id === order.communityId)?.community ?? '',
      title: order.title,
      scope: order.scope,
      beneficiariesWho: order.beneficiariesWho,
      beneficiariesCount: order.beneficiariesCount,
      deliverables: order.deliverables,
      periodStart: order.periodStart,
      periodEnd: order.periodEnd,
      budgetCapFen: order.budgetCapFen,
      route: order.route,
      competitionId: order.competitionId,
      competitionCategory: order.competitionCategory,
      state: order.state,
      pickReason: order.pickReason,
      offers: shownOffers.map((o) => ({
        id: o.id,
        organizationId: o.organizationId,
        organizationName: nameOf(o.organizationId),
        amountFen: o.amountFen,
        plan: o.plan,
        state: o.state,
      })),
      submissions: links.map((l) => {
        const submission = submissions.find((s) => s.id === l.submissionId);
        return {
          submissionId: l.submissionId,
          organizationId: l.organizationId,
          organizationName: nameOf(l.organizationId),
          title: submission?.title ?? '',
          requestedFen: submission?.requestedFen ?? 0,
        };
      }),
      grants: grants.map((g) => ({
        grantId: g.grantId,
        agreementNumber: g.agreementNumber,
        organizationId: g.organizationId,
        amountFen: g.amountFen,
        state: g.state,
      })),
      delivery: order.delivery ? { summary: order.delivery.summary, items: [...order.delivery.items] } : null,
      needs: needs.map(toModeratedNeedResponse),
    };
  }

  /**
   * Who may report the order delivered: the picked offer's organization, or an organization whose
   * linked submission the competition funded (a live grant in the ledger).
   */
  private async takers(manager: EntityManager, order: ServiceOrder): Promise<string[]> {
    if (order.route === PurchaseRoute.Direct) {
      const offers = await this.needs.offers(order.id, manager);
      return offers.filter((o) => o.id === order.pickedOfferId).map((o) => o.organizationId);
    }
    const grants = await this.needs.grantsOf(order.id, manager);
    return grants.filter((g) => g.state !== GrantState.Terminated).map((g) => g.organizationId);
  }

  private async ownOrder(manager: EntityManager, orderId: string, communityId: string): Promise<ServiceOrder> {
    const order = await this.needs.lockOrder(manager, orderId);
    if (!order || order.communityId !== communityId) throw NeedsErrors.orderNotFound();
    return order;
  }

  private async visibleOrder(manager: EntityManager, orderId: string, actor: Actor): Promise<ServiceOrder> {
    const order = await this.needs.lockOrder(manager, orderId);
    if (!order || !this.canSee(actor, order)) throw NeedsErrors.orderNotFound();
    return order;
  }

  /** The named needs, locked: each the community's, listed and on no other order. */
  private async orderableNeeds(
    manager: EntityManager,
    communityId: string,
    ids: readonly string[],
  ): Promise<ResidentNeed[]> {
    const found = await this.needs.lockNeeds(manager, ids);
    return ids.map((id, index) => {
      const need = found.find((n) => n.id === id);
      if (!need || need.communityId !== communityId) {
        throw NeedsErrors.needsNotEligible(index, { zh: '不是本社区的需求', en: 'is not one of the community’s' });
      }
      if (need.state !== NeedState.Listed || need.orderId !== null || ids.indexOf(id) !== index) {
        throw NeedsErrors.needsNotEligible(index, {
          zh: '须已列入需求清单且未被其他订单回应',
          en: 'must be listed and answered by no other order',
        });
      }
      return need;
    });
  }

  private async moveNeeds(manager: EntityManager, orderId: string, state: NeedState, at: Date): Promise<void> {
    const needs = await this.needs.lockNeedsOnOrder(manager, orderId);
    for (const need of needs) {
      need.state = state;
      if (state === NeedState.Ordered) need.orderedAt = at;
      if (state === NeedState.Taken) need.takenAt = at;
      if (state === NeedState.Delivered) need.deliveredAt = at;
    }
    await this.needs.saveNeeds(manager, needs);
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    action: string,
    order: ServiceOrder,
    before: ServiceOrderState,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(
      {
        ...auditActor(actor),
        action,
        subjectType: 'service-order',
        subjectId: order.id,
        before: { state: before },
        after: { state: order.state, ...details },
      },
      manager,
    );
  }
}
