export * from './isolated-database';
export * from './scored-competition.factory';
export * from './until';
