import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Notifier, WebhookEvents } from '@app/application';
import { GrantsErrors, NotificationKind, TrancheState, WebhookTopic } from '@app/domain';
import {
  ConditionFacts,
  GrantLedger,
  Step,
  TrancheLedger,
  approveTranche,
  beijingDate,
  decideCondition,
  payTranche,
  trancheStateToday,
  withholdTranche,
} from '@app/grants';
import { AuditRepository, GrantTranche } from '@app/persistence';
import { Actor } from '../auth/actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { isUniqueViolation } from '../common/unique-violation';
import {
  PayTrancheDto,
  TrancheDto,
  TranchePageDto,
  TrancheQueueQueryDto,
  toTrancheQueueItem,
  toTrancheResponse,
} from './dto/tranche.dto';
import { canSee, userOf } from './grant-access';
import { GrantSnapshot, GrantsRepository } from './grants.repository';
import { conditionFacts } from './ledger-facts';
import { changedTranches, grantLedger, recordEvents, trancheLedger } from './ledger-rows';

const VOUCHER_INDEX = 'grant_tranche_voucher_uq';

interface TrancheContext {
  readonly snapshot: GrantSnapshot;
  readonly grant: GrantLedger;
  readonly tranches: readonly TrancheLedger[];
  readonly tranche: TrancheLedger;
  readonly facts: ConditionFacts;
  readonly now: Date;
}

/**
 * 拨付: the queue of tranches to approve and pay, the office's condition decisions, and the two
 * signatures (approve, then pay with the voucher by another account). Each step locks the grant
 * first, so of two clerks acting on one tranche at once one succeeds and the other is refused
 * with the reason, after seeing what the first did.
 */
@Injectable()
export class TranchesService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly audit: AuditRepository,
    private readonly events: WebhookEvents,
    private readonly notifier: Notifier,
  ) {}

  async queue(query: TrancheQueueQueryDto): Promise<TranchePageDto> {
    const page = pageOf(query);
    const today = beijingDate(new Date());
    const [rows, total] = await this.grants.trancheQueue(
      { state: query.state ?? TrancheState.Eligible, competitionId: query.competitionId, today },
      { skip: page.skip, take: page.pageSize },
    );
    const grants = new Map(
      (await this.grants.grantsById([...new Set(rows.map((t) => t.grantId))])).map((g) => [g.id, g]),
    );
    const titles = await this.grants.projectTitles([...grants.values()]);
    const items = rows.flatMap((t) => {
      const grant = grants.get(t.grantId);
      return grant ? [toTrancheQueueItem(t, trancheStateToday(t, today), grant, titles.get(grant.id) ?? '')] : [];
    });
    return pageResponse(page, items, total);
  }

  decideCondition(actor: Actor, id: string, reason: string): Promise<TrancheDto> {
    return this.step(actor, id, (c) => decideCondition(c.grant, c.tranche, userOf(actor), reason, c.now));
  }

  approve(actor: Actor, id: string): Promise<TrancheDto> {
    return this.step(actor, id, (c) =>
      approveTranche(c.grant, c.tranches, id, userOf(actor), c.snapshot.grant.payee, c.facts, c.now),
    );
  }

  /** The checker's signature: refused to the approver, and for a voucher any payment already carries. */
  async pay(actor: Actor, id: string, dto: PayTrancheDto): Promise<TrancheDto> {
    try {
      return await this.step(actor, id, async (c, manager) => {
        const step = payTranche(c.grant, c.tranche, userOf(actor), dto.voucherNumber, dto.paidOn, c.now);
        if (await this.grants.voucherTaken(manager, dto.voucherNumber)) {
          throw GrantsErrors.voucherAlreadyUsed(dto.voucherNumber);
        }
        return step;
      });
    } catch (error) {
      // Two payments typed with one voucher at the same moment: the unique index decides.
      if (isUniqueViolation(error, VOUCHER_INDEX)) throw GrantsErrors.voucherAlreadyUsed(dto.voucherNumber);
      throw error;
    }
  }

  withhold(actor: Actor, id: string, reason: string): Promise<TrancheDto> {
    return this.step(actor, id, (c) => withholdTranche(c.grant, c.tranche, userOf(actor), reason, c.now));
  }

  /** A tranche the actor may see, with its grant. */
  async visible(actor: Actor, id: string): Promise<GrantTranche> {
    const tranche = await this.grants.findTranche(id);
    const grant = tranche && (await this.grants.findGrant(tranche.grantId));
    if (!tranche || !grant || !canSee(actor, grant)) throw GrantsErrors.trancheNotFound();
    return tranche;
  }

  private async step(
    actor: Actor,
    id: string,
    decide: (context: TrancheContext, manager: EntityManager) => Step<TrancheLedger> | Promise<Step<TrancheLedger>>,
  ): Promise<TrancheDto> {
    const found = await this.visible(actor, id);
    const now = new Date();
    const saved = await this.grants.transaction(async (manager) => {
      const snapshot = await this.grants.lockGrant(manager, found.grantId);
      const stored = snapshot?.tranches.find((t) => t.id === id);
      if (!snapshot || !stored) throw GrantsErrors.trancheNotFound();
      const tranches = snapshot.tranches.map(trancheLedger);
      const step = await decide(
        {
          snapshot,
          grant: grantLedger(snapshot.grant),
          tranches,
          tranche: trancheLedger(stored),
          facts: await conditionFacts(this.grants, manager, snapshot.grant, now),
          now,
        },
        manager,
      );
      const [row] = changedTranches(snapshot.tranches, [step.value]);
      await this.grants.saveTranches(manager, [row]);
      await recordEvents(this.audit, manager, actor, step.events);
      if (row.state === TrancheState.Paid && stored.state !== TrancheState.Paid) {
        await this.announcePaid(manager, snapshot, row);
      }
      return row;
    });
    return toTrancheResponse(saved);
  }

  private async announcePaid(manager: EntityManager, snapshot: GrantSnapshot, tranche: GrantTranche): Promise<void> {
    const { grant } = snapshot;
    const title = (await this.grants.projectTitles([grant])).get(grant.id) ?? '';
    // Webhook receivers subscribe to a competition's events; a direct purchase has none to announce to.
    if (grant.competitionId) {
      await this.events.record(manager, {
        topic: WebhookTopic.TranchePaid,
        competitionId: grant.competitionId,
        subject: {
          type: 'tranche',
          id: tranche.id,
          grantId: grant.id,
          submissionId: grant.submissionId,
          projectTitle: title,
          amountFen: tranche.amountFen,
          state: tranche.state,
        },
      });
    }
    if (!grant.tenantId) return;
    await this.notifier.toOrganization(manager, {
      tenantId: grant.tenantId,
      organizationId: grant.organizationId,
      dedupKey: `tranche-paid-${tranche.id}`,
      facts: { kind: NotificationKind.TranchePaid, projectTitle: title, amountFen: tranche.amountFen },
    });
  }
}
