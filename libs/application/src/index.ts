export * from './application.module';
export * from './audit-actor';
export * from './competition/competition-lifecycle';
export * from './components/score-components';
export * from './jobs/job-outbox';
export * from './publicity/award-competition';
export * from './redis/producer-redis';
export * from './signals/signal-bus';
