export * from './rational';
export * from './scoring.error';
export * from './aggregate';
export * from './rank';
export * from './agreement';
export * from './allocate';
export * from './bundle';
export * from './yuan-text';
