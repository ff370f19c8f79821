export * from './refusal';
export * from './competition.errors';
export * from './publicity.errors';
export * from './ranking.errors';
export * from './roadshow.errors';
export * from './grants.errors';
export * from './registration.errors';
