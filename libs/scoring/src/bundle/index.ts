export * from './bundle.types';
export { canonicalJson, canonicalHash } from './canonical-json';
export { computeResult, resultSteps, RESULT_STAGES, type ResultStage } from './compute-result';
export { agreementStatistics, type CountedTotal } from './judge-statistics';
export { parseBundleInputs, parseResultBundle } from './parse-bundle';
export { diffJson, type FieldDifference } from './diff-json';
export { aggregationPolicyOf, rubricOf } from './bundle-policies';
