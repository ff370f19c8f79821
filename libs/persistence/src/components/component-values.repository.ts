import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScreeningStatus, SubmissionState } from '@app/domain';
import { Submission } from '../competition/submission.entity';
import { ComponentValueLock } from './component-value-lock.entity';
import { ComponentValue } from './component-value.entity';

export interface ComponentValueWrite {
  readonly submissionId: string;
  readonly value: string;
}

/** Stores and loads component values and their locks; what may be written is decided by the use-case. */
@Injectable()
export class ComponentValuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every value of a competition, by component key then project id. */
  valuesOf(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<ComponentValue[]> {
    return manager
      .getRepository(ComponentValue)
      .find({ where: { competitionId }, order: { componentKey: 'ASC', submissionId: 'ASC' } });
  }

  locksOf(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<ComponentValueLock[]> {
    return manager.getRepository(ComponentValueLock).find({ where: { competitionId }, order: { componentKey: 'ASC' } });
  }

  findLock(manager: EntityManager, competitionId: string, componentKey: string): Promise<ComponentValueLock | null> {
    return manager.getRepository(ComponentValueLock).findOneBy({ competitionId, componentKey });
  }

  /** The component's current values for these projects, by project id. */
  async valuesFor(
    manager: EntityManager,
    competitionId: string,
    componentKey: string,
  ): Promise<Map<string, ComponentValue>> {
    const rows = await manager.getRepository(ComponentValue).findBy({ competitionId, componentKey });
    return new Map(rows.map((row) => [row.submissionId, row]));
  }

  /** Of these ids, the competition's submitted projects. */
  async submittedIds(manager: EntityManager, competitionId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.getRepository(Submission).find({
      select: { id: true },
      where: { competitionId, id: In([...ids]), state: SubmissionState.Submitted },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** The competition's submitted projects that passed screening: the ones a run may rank. */
  async screenedInIds(manager: EntityManager, competitionId: string): Promise<string[]> {
    const rows = await manager.getRepository(Submission).find({
      select: { id: true },
      where: { competitionId, state: SubmissionState.Submitted, screening: ScreeningStatus.Passed },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  /** Project titles by id, for lists the office reads. */
  async titlesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Submission)
      .find({ select: { id: true, title: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** Inserts new values and updates changed ones, bumping their version; one statement per row. */
  async upsert(
    manager: EntityManager,
    competitionId: string,
    componentKey: string,
    source: 'input' | 'vote',
    writes: readonly ComponentValueWrite[],
    actorId: string | null,
  ): Promise<void> {
    for (const write of writes) {
      await manager.query(
        `INSERT INTO component_values (competition_id, component_key, submission_id, value, source, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (competition_id, component_key, submission_id) DO UPDATE
           SET value = EXCLUDED.value, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by,
               updated_at = now(), version = component_values.version + 1
           WHERE component_values.value <> EXCLUDED.value`,
        [competitionId, componentKey, write.submissionId, write.value, source, actorId],
      );
    }
  }

  async lock(
    manager: EntityManager,
    competitionId: string,
    componentKey: string,
    actorId: string | null,
  ): Promise<void> {
    await manager.getRepository(ComponentValueLock).insert({ competitionId, componentKey, lockedBy: actorId });
  }

  async unlock(manager: EntityManager, competitionId: string, componentKey: string): Promise<void> {
    await manager.getRepository(ComponentValueLock).delete({ competitionId, componentKey });
  }
}
