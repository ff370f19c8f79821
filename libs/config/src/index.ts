export * from './app-config';
export * from './config.error';
export * from './config.module';
export * from './load-config';
export * from './create-logger';
export * from './log-context';
export * from './key-ring';
export * from './trust-proxy';
