export * from './bundle.types';
export { canonicalJson } from './canonical-json';
export { computeResult, resultSteps, RESULT_STAGES, type ResultStage, type Sha256Hex } from './compute-result';
export { agreementStatistics, type CountedTotal } from './judge-statistics';
export { parseBundleInputs, parseResultBundle } from './parse-bundle';
export { diffJson, type FieldDifference } from './diff-json';
export { aggregationPolicyOf, finalPolicyOf, rubricOf } from './bundle-policies';
