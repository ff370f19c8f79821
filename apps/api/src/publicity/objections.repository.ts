import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Objection, Submission } from '@app/persistence';

/** An objection with the title of the project it concerns and the organization that owns it. */
export interface ObjectionRow {
  readonly objection: Objection;
  readonly projectTitle: string;
  readonly organizationId: string;
}

@Injectable()
export class ObjectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Objection | null> {
    return manager.getRepository(Objection).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<Objection | null> {
    return manager.getRepository(Objection).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, objection: Partial<Objection>): Promise<Objection> {
    return manager.getRepository(Objection).save(objection);
  }

  hasOpen(manager: EntityManager, publicationId: string, submissionId: string): Promise<boolean> {
    return manager.getRepository(Objection).existsBy({ publicationId, submissionId, status: 'open' });
  }

  /** The run an earlier upheld objection on the same notice already started. */
  async runStartedFor(manager: EntityManager, publicationId: string): Promise<string | null> {
    const upheld = await manager.getRepository(Objection).findOne({
      where: { publicationId, status: 'upheld', newRunId: Not(IsNull()) },
      order: { answeredAt: 'ASC' },
    });
    return upheld?.newRunId ?? null;
  }

  findSubmission(manager: EntityManager, id: string): Promise<Submission | null> {
    return manager.getRepository(Submission).findOneBy({ id });
  }

  /** Oldest first; limited to one organization's projects when `organizationId` is given. */
  async list(publicationId: string, organizationId?: string): Promise<ObjectionRow[]> {
    const objections = await this.dataSource.getRepository(Objection).find({
      where: { publicationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const submissions = new Map(
      (
        await this.dataSource
          .getRepository(Submission)
          .findBy({ id: In([...new Set(objections.map((o) => o.submissionId))]) })
      ).map((s) => [s.id, s]),
    );
    return objections.flatMap((objection) => {
      const submission = submissions.get(objection.submissionId);
      if (!submission || (organizationId && submission.organizationId !== organizationId)) return [];
      return [{ objection, projectTitle: submission.title, organizationId: submission.organizationId }];
    });
  }

  async row(id: string): Promise<ObjectionRow | null> {
    const objection = await this.find(id);
    if (!objection) return null;
    const submission = await this.dataSource.getRepository(Submission).findOneBy({ id: objection.submissionId });
    if (!submission) return null;
    return { objection, projectTitle: submission.title, organizationId: submission.organizationId };
  }
}
