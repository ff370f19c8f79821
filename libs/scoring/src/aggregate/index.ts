export type * from './aggregation.types';
export { aggregateProjects, WHOLE_PANEL } from './aggregate-projects';
export { aggregateMarks, type JudgeMark, type MarksAggregate } from './aggregate-marks';
export { compileRubric, rubricTotal, type CompiledRubric } from './rubric';
export { validatePolicy, validateCombineMethod } from './aggregation-policy';
export { RATIO_DECIMALS, NORMALIZED_DECIMALS } from './z-score';
