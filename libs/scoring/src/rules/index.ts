export * from './competition-rules';
export * from './tie-breaks';
