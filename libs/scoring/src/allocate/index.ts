export * from './allocation.types';
export { allocate } from './allocate';
export { defaultRankOrder } from './rank-order';
export { OPTIMAL_MAX_CELLS } from './optimal-rule';
export { parseAllocationRequest, allocationResultToJson } from './allocation-json';
export type { AllocationRequest, AllocationJson } from './allocation-json';
