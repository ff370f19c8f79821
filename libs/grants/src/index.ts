export * from './calendar';
export * from './fen';
export * from './project-period';
export * from './schedule';
export * from './conditions';
export * from './budget';
export * from './ledger';
export * from './reports';
