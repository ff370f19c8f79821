export * from './pabulib.types';
export { parsePabulib } from './pabulib-parser';
export { selectPabulib, PABULIB_RULES } from './pabulib-rules';
export type { PabulibRule, PabulibSelection } from './pabulib-rules';
export { equalSharesAdd1 } from './equal-shares';
