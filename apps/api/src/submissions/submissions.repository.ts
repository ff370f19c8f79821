import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, Not, Repository } from 'typeorm';
import { ScreeningStatus, SubmissionState } from '@app/domain';
import { Organization, Submission } from '@app/persistence';
import { Page } from '../common/page-query.dto';

export interface SubmissionFilter {
  readonly competitionId?: string;
  readonly organizationId?: string;
  readonly state?: SubmissionState;
  readonly screening?: ScreeningStatus;
  readonly category?: string;
}

@Injectable()
export class SubmissionsRepository {
  constructor(@InjectRepository(Submission) private readonly submissions: Repository<Submission>) {}

  findById(id: string): Promise<Submission | null> {
    return this.submissions.findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<Submission | null> {
    return manager.getRepository(Submission).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Serializes one organization's submission writes, so two concurrent drafts cannot both pass a
   * one-project-per-organization check.
   */
  async lockOrganization(manager: EntityManager, organizationId: string): Promise<void> {
    await manager
      .getRepository(Organization)
      .findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The organization's projects in the competition that still count: drafts and submitted ones. */
  findActive(
    manager: EntityManager,
    competitionId: string,
    organizationId: string,
    exceptId?: string,
  ): Promise<Submission | null> {
    const where: FindOptionsWhere<Submission> = {
      competitionId,
      organizationId,
      state: Not(SubmissionState.Withdrawn),
      ...(exceptId ? { id: Not(exceptId) } : {}),
    };
    return manager.getRepository(Submission).findOne({ where, order: { createdAt: 'ASC' } });
  }

  list(filter: SubmissionFilter, page: Page): Promise<[Submission[], number]> {
    const where: FindOptionsWhere<Submission> = {};
    if (filter.competitionId) where.competitionId = filter.competitionId;
    if (filter.organizationId) where.organizationId = filter.organizationId;
    if (filter.state) where.state = filter.state;
    if (filter.screening) where.screening = filter.screening;
    if (filter.category) where.category = filter.category;
    return this.submissions.findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.skip,
      take: page.pageSize,
    });
  }
}
