import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CompetitionLifecycle } from '@app/application';
import { CompetitionState, GrantState, GrantsErrors, RefundBasis, TerminationCause, TrancheRule } from '@app/domain';
import {
  BudgetLineFunding,
  GrantLedger,
  LedgerAction,
  Step,
  agreedBudget,
  beijingDate,
  completeGrant,
  createGrant,
  planSchedule,
  resumeGrant,
  returnRefund,
  spentByLine,
  sumFen,
  suspendGrant,
  terminateGrant,
} from '@app/grants';
import {
  AuditRepository,
  GrantParty,
  GrantRefund,
  Organization,
  OrganizationSanction,
  ProjectGrant,
} from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { SanctionsService } from '../sanctions/sanctions.service';
import {
  CompleteGrantDto,
  GrantDetailDto,
  GrantPageDto,
  GrantQueryDto,
  RecordRefundReturnDto,
  RefundDto,
  TerminateGrantDto,
  toRefundResponse,
} from './dto/grant.dto';
import { PayeeDto } from './dto/ledger-fields.dto';
import { canSee, ownOrganization, userOf } from './grant-access';
import { GrantViews } from './grant-views';
import { GrantSnapshot, GrantsRepository } from './grants.repository';
import {
  changedTranches,
  grantLedger,
  recordEvents,
  refundLedger,
  signedAgreementOf,
  trancheLedger,
  trancheRow,
} from './ledger-rows';

/** What a new grant row is made of, whichever its source (the CHECK on the table keeps exactly one). */
export type GrantSource = Omit<
  ProjectGrant,
  'id' | 'tenantId' | 'payee' | 'state' | 'stateReason' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

/** 乙方 as the ledger keeps it: the organization's record names one responsible person. */
export function granteeParty(organization: Organization): GrantParty {
  return {
    name: organization.name,
    representative: organization.contactName,
    community: organization.community,
    creditCode: organization.creditCode,
  };
}

/** A termination as a step asks for it; `cause` names the breach a sanction records (null: the basis decides). */
export interface TerminationRequest {
  readonly basis: RefundBasis;
  readonly reason: string;
  readonly cause: TerminationCause | null;
}

/**
 * 资助管理: grants from accepted signed agreements, their state, the grantee's bank account,
 * terminations and refunds. Every step locks the grant, lets libs/grants decide, and writes the
 * rows with the audit rows the step owes in one transaction.
 */
@Injectable()
export class GrantsService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly views: GrantViews,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly audit: AuditRepository,
    private readonly sanctions: SanctionsService,
  ) {}

  /**
   * 确认签约: the office accepts the grantee's signed scan of the Chinese agreement, and the grant
   * starts: its tranches from the rules, the budget of the agreement, the first tranche eligible
   * when it is paid on signing. The first grant moves the competition to 项目执行中.
   */
  async createFromAgreement(actor: Actor, agreementId: string): Promise<GrantDetailDto> {
    const now = new Date();
    const found = await this.grants.findAgreement(agreementId);
    if (!found || found.status === 'void') throw GrantsErrors.agreementNotFound();
    const grantId = await this.grants.transaction(async (manager) => {
      const competition = await this.lifecycle.lock(manager, found.competitionId, 'update');
      const agreement = await this.grants.lockAgreement(manager, agreementId);
      if (!agreement || agreement.status === 'void') throw GrantsErrors.agreementNotFound();
      if (agreement.locale !== 'zh') throw GrantsErrors.agreementNotGoverning();
      if (agreement.status !== 'signed') throw GrantsErrors.agreementNotSigned();
      if (await this.grants.grantOfSubmission(manager, agreement.submissionId)) {
        throw GrantsErrors.grantAlreadyExists(agreement.number);
      }
      const submission = await this.grants.findSubmission(manager, agreement.submissionId);
      const organization = submission && (await this.grants.findOrganization(manager, submission.organizationId));
      if (!submission || !organization) throw GrantsErrors.agreementNotFound();
      const id = await this.start(
        manager,
        actor,
        {
          competitionId: competition.id,
          submissionId: submission.id,
          orderId: null,
          organizationId: organization.id,
          agreementId,
          purchaseAgreementId: null,
          terms: null,
          agreementNumber: agreement.number,
          amountFen: agreement.grantFen,
          matchingFen: submission.matchingFen,
          partyA: { ...competition.grantor },
          partyB: granteeParty(organization),
          periodStart: agreement.periodStart,
          periodEnd: agreement.periodEnd,
        },
        {
          tranches: competition.rules.tranches,
          lines: agreedBudget(submission.budgetLines, agreement.grantFen, submission.matchingFen),
          reason: '协议书约定的预算 / the budget of the agreement',
        },
        now,
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'agreement.accept',
          subjectType: 'agreement',
          subjectId: agreementId,
          before: { status: agreement.status },
          after: { number: agreement.number, grantId: id },
        },
        manager,
      );
      if (competition.state === CompetitionState.Awarded) {
        await this.lifecycle.move(manager, competition, CompetitionState.InProgress, auditActor(actor), {
          reason: 'the first signed agreement was accepted',
          grantId: id,
        });
      }
      return id;
    });
    return this.views.detail(grantId, now);
  }

  /**
   * The one way a grant starts, inside the caller's transaction: the row from its source, the
   * tranches from the rules (the first eligible when paid on signing), the first budget version,
   * and the ledger's audit rows. Returns the new grant's id.
   */
  async start(
    manager: EntityManager,
    actor: Actor,
    source: GrantSource,
    plan: { readonly tranches: readonly TrancheRule[]; readonly lines: BudgetLineFunding[]; readonly reason: string },
    now: Date,
  ): Promise<string> {
    const id = randomUUID();
    const schedule = planSchedule(source.amountFen, plan.tranches).map((scheduled) => ({
      id: randomUUID(),
      scheduled,
    }));
    const grant: Omit<ProjectGrant, 'createdAt' | 'updatedAt'> = {
      ...source,
      id,
      payee: null,
      state: GrantState.Active,
      stateReason: null,
      createdBy: userOf(actor),
    };
    const created = createGrant(
      { id, amountFen: source.amountFen },
      schedule,
      { agreementId: signedAgreementOf(grant), acceptedReports: [], passedEvaluations: [], today: beijingDate(now) },
      now,
    );
    grant.state = created.value.grant.state;
    const tranches = created.value.tranches.map((t, i) => trancheRow({ grantId: id, ...schedule[i].scheduled }, t));
    await this.grants.insertGrant(manager, grant, tranches, {
      grantId: id,
      version: 1,
      lines: plan.lines,
      reason: plan.reason,
      changeId: null,
      createdBy: userOf(actor),
    });
    await recordEvents(this.audit, manager, actor, created.events);
    return id;
  }

  async list(actor: Actor, query: GrantQueryDto): Promise<GrantPageDto> {
    const page = pageOf(query);
    const [rows, total] = await this.grants.list(
      {
        competitionId: query.competitionId,
        state: query.state,
        source: query.source,
        organizationId: ownOrganization(actor),
      },
      { skip: page.skip, take: page.pageSize },
    );
    return pageResponse(page, await this.views.page(rows, new Date()), total);
  }

  async get(actor: Actor, id: string): Promise<GrantDetailDto> {
    await this.visible(actor, id);
    return this.views.detail(id, new Date());
  }

  /** 收款账户: entered by the grantee (or the office for it); each approval fixes the account it pays. */
  async setPayee(actor: Actor, id: string, dto: PayeeDto): Promise<GrantDetailDto> {
    await this.visible(actor, id);
    await this.grants.transaction(async (manager) => {
      const { grant } = await this.lock(manager, id);
      if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
        throw GrantsErrors.grantClosed(grant.state);
      }
      const before = grant.payee;
      grant.payee = { accountName: dto.accountName, bankName: dto.bankName, accountNumber: dto.accountNumber };
      await this.grants.saveGrant(manager, grant);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: LedgerAction.GrantPayee,
          subjectType: 'grant',
          subjectId: id,
          before: { payee: before },
          after: { payee: grant.payee },
        },
        manager,
      );
    });
    return this.views.detail(id, new Date());
  }

  suspend(actor: Actor, id: string, reason: string): Promise<GrantDetailDto> {
    return this.moveGrant(actor, id, (grant) => suspendGrant(grant, reason));
  }

  resume(actor: Actor, id: string, reason: string): Promise<GrantDetailDto> {
    return this.moveGrant(actor, id, (grant) => resumeGrant(grant, reason));
  }

  complete(actor: Actor, id: string, dto: CompleteGrantDto): Promise<GrantDetailDto> {
    return this.moveGrant(actor, id, (grant, snapshot) =>
      completeGrant(
        grant,
        snapshot.tranches.map(trancheLedger),
        snapshot.refunds.map(refundLedger),
        dto.reason ?? null,
      ),
    );
  }

  /**
   * 终止: unpaid tranches are cancelled; what was paid beyond the grant spending of accepted
   * reports (or, on a breach, everything paid) is to be refunded within the rules' days, and a
   * breach bars the organization for the rules' years.
   */
  async terminate(actor: Actor, id: string, dto: TerminateGrantDto): Promise<GrantDetailDto> {
    await this.visible(actor, id);
    const now = new Date();
    await this.grants.transaction((manager) =>
      this.terminateIn(manager, actor, id, { basis: dto.basis, reason: dto.reason, cause: null }, now),
    );
    return this.views.detail(id, now);
  }

  /**
   * The one termination path, inside the caller's transaction (a confirmed proposal decides and
   * terminates together). Returns the sanction a breach records, or null.
   */
  async terminateIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    terms: TerminationRequest,
    now: Date,
  ): Promise<OrganizationSanction | null> {
    const snapshot = await this.lock(manager, id);
    const rules = await this.grants.termsOf(snapshot.grant, manager);
    if (!rules) throw GrantsErrors.grantNotFound();
    const budget = await this.grants.currentBudget(id, manager);
    const spent = spentByLine(budget.lines.length, await this.grants.acceptedSpending(manager, id));
    const step = terminateGrant(grantLedger(snapshot.grant), snapshot.tranches.map(trancheLedger), {
      refundId: randomUUID(),
      basis: terms.basis,
      acceptedGrantSpendingFen: sumFen(spent.map((line) => line.grantFen)),
      refundDays: rules.grants.refundDays,
      reason: terms.reason,
      by: userOf(actor),
      now,
    });
    await this.saveGrantState(manager, snapshot.grant, step.value.grant);
    await this.grants.saveTranches(manager, changedTranches(snapshot.tranches, step.value.tranches));
    if (step.value.refund) {
      const refund = step.value.refund;
      await this.grants.saveRefund(manager, {
        ...refund,
        grantId: id,
        recordedBy: null,
        recordedAt: null,
      });
    }
    await recordEvents(this.audit, manager, actor, step.events);
    if (terms.basis !== RefundBasis.Breach) return null;
    return this.sanctions.record(manager, actor, {
      organizationId: snapshot.grant.organizationId,
      grantId: id,
      cause: terms.cause ?? TerminationCause.AgreementBreach,
      reason: terms.reason,
      years: rules.supervision.sanctionYears,
      now,
    });
  }

  /** The grantee's refund is back: recorded with the receipt's number and the day. */
  async recordRefundReturn(actor: Actor, refundId: string, dto: RecordRefundReturnDto): Promise<RefundDto> {
    const found = await this.grants.findRefund(refundId);
    if (!found) throw GrantsErrors.refundNotFound();
    const now = new Date();
    const saved = await this.grants.transaction(async (manager) => {
      const snapshot = await this.lock(manager, found.grantId);
      const refund = snapshot.refunds.find((r) => r.id === refundId);
      if (!refund) throw GrantsErrors.refundNotFound();
      const step = returnRefund(refundLedger(refund), dto.voucherNumber, dto.returnedOn, now);
      const row: GrantRefund = { ...refund, ...step.value, recordedBy: userOf(actor), recordedAt: now };
      await this.grants.saveRefund(manager, row);
      await recordEvents(this.audit, manager, actor, step.events);
      return row;
    });
    return toRefundResponse(saved, beijingDate(now));
  }

  /** A grant the actor may see, or the refusal a missing one gets. */
  async visible(actor: Actor, id: string): Promise<ProjectGrant> {
    const grant = await this.grants.findGrant(id);
    if (!grant || !canSee(actor, grant)) throw GrantsErrors.grantNotFound();
    return grant;
  }

  private async lock(manager: EntityManager, id: string): Promise<GrantSnapshot> {
    const snapshot = await this.grants.lockGrant(manager, id);
    if (!snapshot) throw GrantsErrors.grantNotFound();
    return snapshot;
  }

  private async moveGrant(
    actor: Actor,
    id: string,
    decide: (grant: GrantLedger, snapshot: GrantSnapshot) => Step<GrantLedger>,
  ): Promise<GrantDetailDto> {
    await this.visible(actor, id);
    await this.grants.transaction(async (manager) => {
      const snapshot = await this.lock(manager, id);
      const step = decide(grantLedger(snapshot.grant), snapshot);
      await this.saveGrantState(manager, snapshot.grant, step.value);
      await recordEvents(this.audit, manager, actor, step.events);
    });
    return this.views.detail(id, new Date());
  }

  private async saveGrantState(manager: EntityManager, row: ProjectGrant, next: GrantLedger): Promise<void> {
    row.state = next.state;
    row.stateReason = next.stateReason;
    await this.grants.saveGrant(manager, row);
  }
}
