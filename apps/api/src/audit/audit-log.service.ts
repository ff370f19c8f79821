import { Injectable } from '@nestjs/common';
import { AuditErrors, Role } from '@app/domain';
import { AUDIT_EXPORT_COLUMNS, AuditFilter, AuditRepository, auditExportRow } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { csvHeader, csvLines } from '../common/csv';
import { AuditFilterQueryDto, AuditPageDto, AuditPageQueryDto, toAuditEventResponse } from './dto/audit-event.dto';

/** Rows an export reads per query: a year of a district's log streams without holding it in memory. */
const EXPORT_BATCH = 1000;

/** The audit log for people: an office reads its own chain, an administrator any. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditRepository) {}

  async page(actor: Actor, query: AuditPageQueryDto): Promise<AuditPageDto> {
    const filter = this.filterOf(actor, query);
    const rows = await this.audit.read(filter, 'desc', query.pageSize + 1, query.before);
    const items = rows.slice(0, query.pageSize);
    return {
      items: items.map(toAuditEventResponse),
      pageSize: query.pageSize,
      nextBefore: rows.length > query.pageSize ? items[items.length - 1].id : null,
    };
  }

  /**
   * The export, oldest first: the header, then the rows batch by batch. Recorded before the first
   * row, so a later export shows this one.
   */
  async export(actor: Actor, query: AuditFilterQueryDto): Promise<AsyncIterable<string>> {
    const filter = this.filterOf(actor, query);
    await this.audit.record({
      ...auditActor(actor),
      action: 'audit.export',
      subjectType: 'audit-log',
      subjectId: filter.tenantId ?? 'all',
      after: { ...query },
      tenantId: actor.kind === 'user' && actor.role === Role.Office ? actor.tenantId : null,
    });
    const audit = this.audit;
    return (async function* () {
      yield csvHeader(AUDIT_EXPORT_COLUMNS);
      let after: string | undefined;
      for (;;) {
        const rows = await audit.read(filter, 'asc', EXPORT_BATCH, after);
        if (rows.length === 0) return;
        yield csvLines(rows.map(auditExportRow));
        after = rows[rows.length - 1].id;
      }
    })();
  }

  private filterOf(actor: Actor, query: AuditFilterQueryDto): AuditFilter {
    if (query.subjectId !== undefined && query.subjectType === undefined) throw AuditErrors.subjectIdWithoutType();
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && to <= from) throw AuditErrors.timeRangeReversed();
    return {
      tenantId: this.tenantOf(actor, query.tenantId),
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      actorType: query.actorType,
      actorId: query.actorId,
      action: query.action,
      from,
      to,
    };
  }

  private tenantOf(actor: Actor, asked: string | undefined): string | undefined {
    if (actor.kind === 'user' && actor.role === Role.Admin) return asked;
    if (actor.kind === 'user' && actor.role === Role.Office) {
      if (asked !== undefined && asked !== actor.tenantId) throw AuditErrors.tenantNotFound();
      return actor.tenantId;
    }
    throw new Error(`the audit log is not open to ${actor.role}`);
  }
}
