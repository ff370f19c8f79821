import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  GrantState,
  GrantsErrors,
  RefundBasis,
  SupervisionErrors,
  TerminationCause,
  TerminationProposalState,
} from '@app/domain';
import { beijingDate } from '@app/grants';
import { AuditRepository, TerminationProposal } from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { userOf } from '../grants/grant-access';
import { GrantsService } from '../grants/grants.service';
import { toSanctionResponse } from '../sanctions/dto/sanction.dto';
import { SanctionsRepository } from '../sanctions/sanctions.repository';
import {
  TerminationProposalDto,
  TerminationProposalPageDto,
  TerminationProposalQueryDto,
} from './dto/termination-proposal.dto';
import { TerminationProposalsRepository } from './termination-proposals.repository';

export interface ProposeTermination {
  readonly grantId: string;
  readonly cause: TerminationCause;
  /** What the rule saw or the office found, in words the office and the organization read. */
  readonly detail: string;
  readonly actor: Actor;
}

/**
 * 终止建议: rules (monthly checks, evaluations) and the office propose; only the office decides.
 * Confirming terminates the grant through the grants ledger's one termination path, on a breach
 * basis, so the sanction is recorded in the same transaction.
 */
@Injectable()
export class TerminationProposalsService {
  constructor(
    private readonly proposals: TerminationProposalsRepository,
    private readonly grants: GrantsService,
    private readonly sanctions: SanctionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * The grant's open proposal: a new one, or the one already open (whatever its cause), so a rule
   * that fires again proposes nothing twice. Inside the caller's transaction when one is given.
   */
  propose(input: ProposeTermination, manager?: EntityManager): Promise<TerminationProposal> {
    const work = async (m: EntityManager): Promise<TerminationProposal> => {
      const grant = await this.proposals.findGrant(m, input.grantId);
      if (!grant) throw GrantsErrors.grantNotFound();
      if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
        throw GrantsErrors.grantClosed(grant.state);
      }
      const id = randomUUID();
      const opened = await this.proposals.insertIfNoneOpen(m, {
        id,
        grantId: grant.id,
        cause: input.cause,
        detail: input.detail,
        state: TerminationProposalState.Open,
        proposedBy: userOf(input.actor),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        sanctionId: null,
      });
      if (opened) {
        await this.audit.record(
          {
            ...auditActor(input.actor),
            action: 'termination-proposal.open',
            subjectType: 'grant',
            subjectId: grant.id,
            before: null,
            after: { proposalId: id, cause: input.cause, detail: input.detail },
          },
          m,
        );
      }
      const open = await this.proposals.openOfGrant(m, grant.id);
      if (!open) throw SupervisionErrors.proposalNotFound();
      return open;
    };
    return manager ? work(manager) : this.proposals.transaction(work);
  }

  /** The office's own proposal on a breach clause of the agreement. */
  async proposeByOffice(
    actor: Actor,
    grantId: string,
    cause: TerminationCause,
    detail: string,
  ): Promise<TerminationProposalDto> {
    const proposal = await this.propose({ grantId, cause, detail, actor });
    return this.view(proposal.id);
  }

  async list(query: TerminationProposalQueryDto): Promise<TerminationProposalPageDto> {
    const page = pageOf(query);
    const [rows, total] = await this.proposals.list(
      { state: query.state, competitionId: query.competitionId, grantId: query.grantId },
      { skip: page.skip, take: page.pageSize },
    );
    return pageResponse(page, await this.views(rows), total);
  }

  /** 确认终止: the grant ends on a breach basis (unpaid tranches cancelled, paid money due back) and the organization is barred. */
  async confirm(actor: Actor, id: string, reason: string): Promise<TerminationProposalDto> {
    const now = new Date();
    await this.proposals.transaction(async (manager) => {
      const proposal = await this.lockOpen(manager, id);
      const sanction = await this.grants.terminateIn(
        manager,
        actor,
        proposal.grantId,
        { basis: RefundBasis.Breach, reason, cause: proposal.cause },
        now,
      );
      await this.decide(
        manager,
        actor,
        proposal,
        TerminationProposalState.Confirmed,
        reason,
        now,
        sanction?.id ?? null,
      );
    });
    return this.view(id);
  }

  /** 不予采纳: the grant goes on; the reason is kept with the proposal and in the audit log. */
  async override(actor: Actor, id: string, reason: string): Promise<TerminationProposalDto> {
    const now = new Date();
    await this.proposals.transaction(async (manager) => {
      const proposal = await this.lockOpen(manager, id);
      await this.decide(manager, actor, proposal, TerminationProposalState.Overridden, reason, now, null);
    });
    return this.view(id);
  }

  private async lockOpen(manager: EntityManager, id: string): Promise<TerminationProposal> {
    const proposal = await this.proposals.lock(manager, id);
    if (!proposal) throw SupervisionErrors.proposalNotFound();
    if (proposal.state !== TerminationProposalState.Open) throw SupervisionErrors.proposalDecided(proposal.state);
    return proposal;
  }

  private async decide(
    manager: EntityManager,
    actor: Actor,
    proposal: TerminationProposal,
    state: TerminationProposalState,
    reason: string,
    now: Date,
    sanctionId: string | null,
  ): Promise<void> {
    proposal.state = state;
    proposal.decidedBy = userOf(actor);
    proposal.decidedAt = now;
    proposal.decisionReason = reason;
    proposal.sanctionId = sanctionId;
    await this.proposals.save(manager, proposal);
    await this.audit.record(
      {
        ...auditActor(actor),
        action:
          state === TerminationProposalState.Confirmed
            ? 'termination-proposal.confirm'
            : 'termination-proposal.override',
        subjectType: 'grant',
        subjectId: proposal.grantId,
        before: { proposalId: proposal.id, state: TerminationProposalState.Open },
        after: { proposalId: proposal.id, state, reason, sanctionId },
      },
      manager,
    );
  }

  private async view(id: string): Promise<TerminationProposalDto> {
    const proposal = await this.proposals.find(id);
    if (!proposal) throw SupervisionErrors.proposalNotFound();
    const [view] = await this.views([proposal]);
    return view;
  }

  private async views(proposals: readonly TerminationProposal[]): Promise<TerminationProposalDto[]> {
    const [grants, sanctions] = await Promise.all([
      this.proposals.grantsOf(proposals.map((p) => p.grantId)),
      this.sanctions.findByIds(proposals.flatMap((p) => (p.sanctionId ? [p.sanctionId] : []))),
    ]);
    const named = await this.sanctions.named(sanctions);
    const today = beijingDate(new Date());
    const grantById = new Map(grants.map((g) => [g.id, g]));
    const sanctionById = new Map(named.map((row) => [row.sanction.id, toSanctionResponse(row, today)]));
    return proposals.map((p) => {
      const grant = grantById.get(p.grantId);
      if (!grant) throw GrantsErrors.grantNotFound();
      return {
        id: p.id,
        grantId: p.grantId,
        competitionId: grant.competitionId,
        organizationId: grant.organizationId,
        organizationName: grant.partyB.name,
        agreementNumber: grant.agreementNumber,
        grantState: grant.state,
        cause: p.cause,
        detail: p.detail,
        state: p.state,
        proposedAt: p.proposedAt.toISOString(),
        decidedBy: p.decidedBy,
        decidedAt: p.decidedAt?.toISOString() ?? null,
        decisionReason: p.decisionReason,
        sanction: p.sanctionId ? (sanctionById.get(p.sanctionId) ?? null) : null,
      };
    });
  }
}
