export * from './audit/audit-event.entity';
export * from './audit/audit.repository';
export * from './data-source';
export * from './persistence.module';
