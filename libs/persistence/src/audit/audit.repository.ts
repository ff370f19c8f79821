import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ActorType, AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  readonly actorType: ActorType;
  readonly actorId?: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Appends within the caller's transaction when one is given, so the audit row and the change
   * it describes commit or roll back together.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    return repository.save(
      repository.create({
        actorType: entry.actorType,
        actorId: entry.actorId ?? null,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: entry.requestId ?? null,
      }),
    );
  }

  /**
   * The body of a data-modifying CTE that appends one audit row per row of `source`, for a
   * repository that writes a change and its audit row in a single statement (one round trip, and
   * the row commits or rolls back with the change like record()'s). `source` names a CTE with the
   * columns actor_type, actor_id, action, subject_type, subject_id, before and after.
   */
  static appendFrom(source: string): string {
    return `INSERT INTO audit_event (actor_type, actor_id, action, subject_type, subject_id, before, after)
            SELECT actor_type, actor_id, action, subject_type, subject_id, before, after FROM ${source}`;
  }

  /** Oldest first: the order in which things happened. */
  async forSubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }
}
