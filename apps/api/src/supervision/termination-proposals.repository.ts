import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TerminationProposalState } from '@app/domain';
import { ProjectGrant, RowWindow, TerminationProposal } from '@app/persistence';

export interface ProposalFilter {
  readonly state?: TerminationProposalState;
  readonly competitionId?: string;
  readonly grantId?: string;
}

/** 终止建议, with the grants they are about. */
@Injectable()
export class TerminationProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts unless the grant already has an open proposal (the partial unique index decides, even under a race). */
  async insertIfNoneOpen(manager: EntityManager, proposal: Omit<TerminationProposal, 'proposedAt'>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TerminationProposal)
      .values(proposal)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  openOfGrant(manager: EntityManager, grantId: string): Promise<TerminationProposal | null> {
    return manager.getRepository(TerminationProposal).findOneBy({ grantId, state: TerminationProposalState.Open });
  }

  find(id: string): Promise<TerminationProposal | null> {
    return this.dataSource.getRepository(TerminationProposal).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<TerminationProposal | null> {
    return manager.getRepository(TerminationProposal).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, proposal: TerminationProposal): Promise<TerminationProposal> {
    return manager.getRepository(TerminationProposal).save(proposal);
  }

  findGrant(manager: EntityManager, id: string): Promise<ProjectGrant | null> {
    return manager.getRepository(ProjectGrant).findOneBy({ id });
  }

  grantsOf(ids: readonly string[]): Promise<ProjectGrant[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProjectGrant).find({ where: { id: In([...new Set(ids)]) } });
  }

  list(filter: ProposalFilter, window: RowWindow): Promise<[TerminationProposal[], number]> {
    const query = this.dataSource
      .getRepository(TerminationProposal)
      .createQueryBuilder('p')
      .innerJoin(ProjectGrant, 'g', 'g.id = p.grant_id');
    if (filter.state) query.andWhere('p.state = :state', { state: filter.state });
    if (filter.grantId) query.andWhere('p.grant_id = :grantId', { grantId: filter.grantId });
    if (filter.competitionId) {
      query.andWhere('g.competition_id = :competitionId', { competitionId: filter.competitionId });
    }
    return (
      query
        .orderBy('p.proposedAt', 'DESC')
        .addOrderBy('p.id', 'ASC')
        // Joined one-to-one: plain offset and limit, no DISTINCT sub-query (which cannot order by the join).
        .offset(window.skip)
        .limit(window.take)
        .getManyAndCount()
    );
  }
}
