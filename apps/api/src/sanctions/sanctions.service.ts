import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TerminationCause } from '@app/domain';
import { beijingDate, sanctionTerm } from '@app/grants';
import { AuditRepository, OrganizationSanction } from '@app/persistence';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { ownOrganization, userOf } from '../grants/grant-access';
import { SanctionPageDto, SanctionQueryDto, toSanctionResponse } from './dto/sanction.dto';
import { SanctionsRepository } from './sanctions.repository';

export interface SanctionFacts {
  readonly organizationId: string;
  readonly grantId: string;
  readonly cause: TerminationCause;
  readonly reason: string;
  /** From the competition's rules. */
  readonly years: number;
  readonly now: Date;
}

/** 限制申报: what a confirmed breach bars, recorded with the termination that caused it. */
@Injectable()
export class SanctionsService {
  constructor(
    private readonly sanctions: SanctionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Inside the termination's transaction, so a terminated breach never lacks its sanction. */
  async record(manager: EntityManager, actor: Actor, facts: SanctionFacts): Promise<OrganizationSanction> {
    const term = sanctionTerm(beijingDate(facts.now), facts.years);
    const sanction = await this.sanctions.insert(manager, {
      id: randomUUID(),
      organizationId: facts.organizationId,
      grantId: facts.grantId,
      cause: facts.cause,
      reason: facts.reason,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
      recordedBy: userOf(actor),
    });
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'sanction.record',
        subjectType: 'organization',
        subjectId: facts.organizationId,
        before: null,
        after: { sanctionId: sanction.id, grantId: facts.grantId, cause: facts.cause, ...term },
      },
      manager,
    );
    return sanction;
  }

  /** The office sees every organization's sanctions; an organization its own. */
  async list(actor: Actor, query: SanctionQueryDto): Promise<SanctionPageDto> {
    const page = pageOf(query);
    const today = beijingDate(new Date());
    const [rows, total] = await this.sanctions.list(
      { organizationId: ownOrganization(actor) ?? query.organizationId, activeOn: query.active ? today : undefined },
      { skip: page.skip, take: page.pageSize },
    );
    return pageResponse(
      page,
      rows.map((row) => toSanctionResponse(row, today)),
      total,
    );
  }
}
