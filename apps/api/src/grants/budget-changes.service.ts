import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BudgetChangeState, GrantState, GrantsErrors } from '@app/domain';
import { LedgerAction, checkBudgetChange, spentByLine } from '@app/grants';
import { AuditRepository, BudgetChange } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { isUniqueViolation } from '../common/unique-violation';
import {
  BudgetChangeDto,
  BudgetChangePageDto,
  BudgetChangeQueryDto,
  CreateBudgetChangeDto,
  toBudgetChangeResponse,
} from './dto/budget-change.dto';
import { canSee, ownOrganization, userOf } from './grant-access';
import { BudgetChangesRepository } from './budget-changes.repository';
import { GrantsRepository } from './grants.repository';

/**
 * 预算调整: the grantee asks to move money between budget lines with a reason; the office approves
 * (a new budget version, kept with its history) or refuses with a reason.
 */
@Injectable()
export class BudgetChangesService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly changes: BudgetChangesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async request(actor: Actor, grantId: string, dto: CreateBudgetChangeDto): Promise<BudgetChangeDto> {
    const grant = await this.grants.findGrant(grantId);
    if (!grant || !canSee(actor, grant)) throw GrantsErrors.grantNotFound();
    let id: string;
    try {
      id = await this.grants.transaction(async (manager) => {
        const snapshot = await this.grants.lockGrant(manager, grantId);
        if (!snapshot) throw GrantsErrors.grantNotFound();
        if (snapshot.grant.state === GrantState.Completed || snapshot.grant.state === GrantState.Terminated) {
          throw GrantsErrors.grantClosed(snapshot.grant.state);
        }
        if (await this.changes.hasPending(manager, grantId)) throw GrantsErrors.budgetChangePending();
        const budget = await this.grants.currentBudget(grantId, manager);
        const lines = dto.lines.map(({ item, kind, grantFen, matchingFen }) => ({ item, kind, grantFen, matchingFen }));
        const spent = spentByLine(budget.lines.length, await this.grants.acceptedSpending(manager, grantId));
        checkBudgetChange(budget.lines, lines, spent);
        const change = await this.changes.insert(manager, {
          grantId,
          baseVersion: budget.version,
          lines,
          reason: dto.reason,
          state: BudgetChangeState.Pending,
          requestedBy: userOf(actor),
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
        });
        await this.record(manager, actor, LedgerAction.BudgetChangeRequest, change, null, {
          grantId,
          baseVersion: budget.version,
          lines,
          reason: dto.reason,
        });
        return change.id;
      });
    } catch (error) {
      // Two requests at once: the partial unique index lets one wait.
      if (isUniqueViolation(error, 'budget_change_pending_uq')) throw GrantsErrors.budgetChangePending();
      throw error;
    }
    return this.get(actor, id);
  }

  /** Approved: the proposed lines become the next budget version, with the request as its reason. */
  async approve(actor: Actor, id: string, reason: string | undefined): Promise<BudgetChangeDto> {
    const found = await this.visible(actor, id);
    await this.grants.transaction(async (manager) => {
      const snapshot = await this.grants.lockGrant(manager, found.grantId);
      const change = await this.changes.lock(manager, id);
      if (!snapshot || !change) throw GrantsErrors.budgetChangeNotFound();
      if (change.state !== BudgetChangeState.Pending) throw GrantsErrors.budgetChangeDecided();
      const budget = await this.grants.currentBudget(change.grantId, manager);
      if (budget.version !== change.baseVersion)
        throw GrantsErrors.budgetChangeStale(change.baseVersion, budget.version);
      const spent = spentByLine(budget.lines.length, await this.grants.acceptedSpending(manager, change.grantId));
      checkBudgetChange(budget.lines, change.lines, spent);
      this.decide(change, actor, BudgetChangeState.Approved, reason ?? null);
      await this.changes.save(manager, change);
      await this.grants.insertBudget(manager, {
        grantId: change.grantId,
        version: budget.version + 1,
        lines: change.lines,
        reason: change.reason,
        changeId: change.id,
        createdBy: userOf(actor),
      });
      await this.record(manager, actor, LedgerAction.BudgetChangeApprove, change, BudgetChangeState.Pending, {
        budgetVersion: budget.version + 1,
        reason: reason ?? null,
      });
    });
    return this.get(actor, id);
  }

  async refuse(actor: Actor, id: string, reason: string): Promise<BudgetChangeDto> {
    await this.visible(actor, id);
    await this.grants.transaction(async (manager) => {
      const change = await this.changes.lock(manager, id);
      if (!change) throw GrantsErrors.budgetChangeNotFound();
      if (change.state !== BudgetChangeState.Pending) throw GrantsErrors.budgetChangeDecided();
      this.decide(change, actor, BudgetChangeState.Refused, reason);
      await this.changes.save(manager, change);
      await this.record(manager, actor, LedgerAction.BudgetChangeRefuse, change, BudgetChangeState.Pending, { reason });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: BudgetChangeQueryDto): Promise<BudgetChangePageDto> {
    const page = pageOf(query);
    const [rows, total] = await this.changes.list(
      {
        state: query.state,
        grantId: query.grantId,
        competitionId: query.competitionId,
        organizationId: ownOrganization(actor),
      },
      { skip: page.skip, take: page.pageSize },
    );
    return pageResponse(page, await Promise.all(rows.map((change) => this.toResponse(change))), total);
  }

  async get(actor: Actor, id: string): Promise<BudgetChangeDto> {
    return this.toResponse(await this.visible(actor, id));
  }

  private async toResponse(change: BudgetChange): Promise<BudgetChangeDto> {
    const [grant, history] = await Promise.all([
      this.grants.findGrant(change.grantId),
      this.grants.budgetHistory(change.grantId),
    ]);
    const base = history.find((b) => b.version === change.baseVersion);
    return toBudgetChangeResponse(change, grant?.agreementNumber ?? '', base?.lines ?? []);
  }

  private async visible(actor: Actor, id: string): Promise<BudgetChange> {
    const change = await this.changes.find(id);
    const grant = change && (await this.grants.findGrant(change.grantId));
    if (!change || !grant || !canSee(actor, grant)) throw GrantsErrors.budgetChangeNotFound();
    return change;
  }

  private decide(change: BudgetChange, actor: Actor, state: BudgetChangeState, reason: string | null): void {
    change.state = state;
    change.decidedBy = userOf(actor);
    change.decidedAt = new Date();
    change.decisionReason = reason;
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    action: LedgerAction,
    change: BudgetChange,
    before: BudgetChangeState | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        ...auditActor(actor),
        action,
        subjectType: 'budget-change',
        subjectId: change.id,
        before: before ? { state: before } : null,
        after: { state: change.state, ...details },
      },
      manager,
    );
  }
}
