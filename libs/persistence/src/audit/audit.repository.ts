import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { currentTenantScope } from '../tenancy/tenant-scope';
import { AuditChainRow } from './audit-chain';
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
  /**
   * The office whose chain the row joins when the caller knows it (a worker acting on a competition);
   * otherwise the current tenant scope's office, and failing that the transaction's `app.tenant_id`.
   */
  readonly tenantId?: string | null;
}

/** What a reader narrows the log to; every field is optional and they combine with AND. */
export interface AuditFilter {
  readonly tenantId?: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly actorType?: ActorType;
  readonly actorId?: string;
  readonly action?: string;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
}

/** A row as the chain hashed it, with the acting account's name when the actor is one. */
export interface AuditRow extends AuditChainRow {
  readonly actorName: string | null;
}

interface RawAuditRow {
  readonly id: string;
  readonly occurred_at: string;
  readonly tenant_id: string | null;
  readonly chain_seq: string;
  readonly actor_type: string;
  readonly actor_id: string | null;
  readonly actor_name: string | null;
  readonly action: string;
  readonly subject_type: string;
  readonly subject_id: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly request_id: string | null;
  readonly prev_hash: string | null;
  readonly hash: string;
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
        tenantId: entry.tenantId !== undefined ? entry.tenantId : (currentTenantScope()?.tenantId ?? null),
      }),
    );
  }

  /** Oldest first: the order in which things happened. */
  async forSubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }

  /**
   * Rows matching `filter`, newest first (`order: 'desc'`, a page of the log) or oldest first (an
   * export), after the keyset cursor `afterId` in that order.
   * Fields are the texts the chain hashed; the actor's name is joined for people to read.
   */
  async read(filter: AuditFilter, order: 'asc' | 'desc', limit: number, afterId?: string): Promise<AuditRow[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.tenantId !== undefined) where((p) => `e.tenant_id = ${p}`, filter.tenantId);
    if (filter.subjectType !== undefined) where((p) => `e.subject_type = ${p}`, filter.subjectType);
    if (filter.subjectId !== undefined) where((p) => `e.subject_id = ${p}`, filter.subjectId);
    if (filter.actorType !== undefined) where((p) => `e.actor_type = ${p}`, filter.actorType);
    if (filter.actorId !== undefined) where((p) => `e.actor_id = ${p}`, filter.actorId);
    if (filter.action !== undefined) where((p) => `e.action = ${p}`, filter.action);
    if (filter.from !== undefined) where((p) => `e.occurred_at >= ${p}`, filter.from);
    if (filter.to !== undefined) where((p) => `e.occurred_at < ${p}`, filter.to);
    if (afterId !== undefined) where((p) => `e.id ${order === 'asc' ? '>' : '<'} ${p}::bigint`, afterId);
    parameters.push(limit);
    const rows = await this.events.manager.query<RawAuditRow[]>(
      `SELECT e.id::text AS id, audit_event_time(e.occurred_at) AS occurred_at, e.tenant_id::text AS tenant_id,
              e.chain_seq::text AS chain_seq, e.actor_type, e.actor_id, u.display_name AS actor_name, e.action, e.subject_type, e.subject_id,
              e.before::text AS before, e.after::text AS after, e.request_id, e.prev_hash, e.hash
         FROM audit_event e
         LEFT JOIN app_user u ON u.id::text = e.actor_id AND e.actor_type IN ('office', 'admin', 'applicant')
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.id ${order === 'asc' ? 'ASC' : 'DESC'}
        LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      tenantId: row.tenant_id,
      chainSeq: row.chain_seq,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  }
}
