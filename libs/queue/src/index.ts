export * from './job-contracts';
export * from './job-options';
export * from './queue-names';
export * from './redis-connection';
export * from './channels';
