export * from './evaluation-bundle.types';
export * from './rating';
export { computeEvaluation } from './compute-evaluation';
export { evaluationBundleRulesOf, type StoredEvaluationRules } from './evaluation-rules';
export { parseEvaluationBundle, parseEvaluationInputs } from './parse-evaluation-bundle';
