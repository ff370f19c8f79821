import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetChangeState } from '@app/domain';
import { BudgetChange, ProjectGrant, RowWindow } from '@app/persistence';

export interface BudgetChangeFilter {
  readonly state?: BudgetChangeState;
  readonly grantId?: string;
  readonly competitionId?: string;
  readonly organizationId?: string;
}

/** 预算调整 requests. */
@Injectable()
export class BudgetChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string): Promise<BudgetChange | null> {
    return this.dataSource.getRepository(BudgetChange).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<BudgetChange | null> {
    return manager.getRepository(BudgetChange).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  hasPending(manager: EntityManager, grantId: string): Promise<boolean> {
    return manager.getRepository(BudgetChange).existsBy({ grantId, state: BudgetChangeState.Pending });
  }

  insert(manager: EntityManager, change: Partial<BudgetChange>): Promise<BudgetChange> {
    const repository = manager.getRepository(BudgetChange);
    return repository.save(repository.create(change));
  }

  save(manager: EntityManager, change: BudgetChange): Promise<BudgetChange> {
    return manager.getRepository(BudgetChange).save(change);
  }

  ofGrant(grantId: string): Promise<BudgetChange[]> {
    return this.dataSource.getRepository(BudgetChange).find({ where: { grantId }, order: { createdAt: 'ASC' } });
  }

  list(filter: BudgetChangeFilter, window: RowWindow): Promise<[BudgetChange[], number]> {
    const query = this.dataSource
      .getRepository(BudgetChange)
      .createQueryBuilder('c')
      .innerJoin(ProjectGrant, 'g', 'g.id = c.grant_id');
    if (filter.state) query.andWhere('c.state = :state', { state: filter.state });
    if (filter.grantId) query.andWhere('c.grant_id = :grantId', { grantId: filter.grantId });
    if (filter.competitionId)
      query.andWhere('g.competition_id = :competitionId', { competitionId: filter.competitionId });
    if (filter.organizationId) query.andWhere('g.organization_id = :org', { org: filter.organizationId });
    return (
      query
        .orderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id', 'ASC')
        // Joined one-to-one: plain offset and limit, no DISTINCT sub-query (which cannot order by the join).
        .offset(window.skip)
        .limit(window.take)
        .getManyAndCount()
    );
  }
}
