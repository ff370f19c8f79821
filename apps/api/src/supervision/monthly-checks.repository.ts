import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MonthlyCheck, ProjectGrant } from '@app/persistence';

/** 月度考核: every revision kept; a month reads as its highest. */
@Injectable()
export class MonthlyChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes the checks of one grant, so the exit rule reads every month another clerk recorded. */
  lockGrant(manager: EntityManager, id: string): Promise<ProjectGrant | null> {
    return manager.getRepository(ProjectGrant).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  latest(manager: EntityManager, grantId: string, month: string): Promise<MonthlyCheck | null> {
    return manager.getRepository(MonthlyCheck).findOne({ where: { grantId, month }, order: { revision: 'DESC' } });
  }

  insert(manager: EntityManager, check: Omit<MonthlyCheck, 'createdAt'>): Promise<MonthlyCheck> {
    const repository = manager.getRepository(MonthlyCheck);
    return repository.save(repository.create(check));
  }

  /** Each month's latest revision, oldest month first. */
  series(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<MonthlyCheck[]> {
    return manager
      .getRepository(MonthlyCheck)
      .createQueryBuilder('c')
      .distinctOn(['c.month'])
      .where('c.grant_id = :grantId', { grantId })
      .orderBy('c.month', 'ASC')
      .addOrderBy('c.revision', 'DESC')
      .getMany();
  }
}
