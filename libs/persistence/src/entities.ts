import { AuditEvent } from './audit/audit-event.entity';

export const ENTITIES = [AuditEvent];
