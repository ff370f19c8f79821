export { ratingMatrix, panelOffsets, type Rating, type RatingMatrix, type PanelOffset } from './ratings';
export { parseRatingsCsv } from './ratings-csv';
export {
  intraclassCorrelation,
  type IccForm,
  type IccValue,
  type IccResult,
  type FTest,
} from './intraclass-correlation';
export { kendallW, type KendallWResult } from './kendall-w';
export {
  judgeLeniency,
  DEFAULT_OUTLIER_RULE,
  type OutlierRule,
  type JudgeLeniency,
  type LeniencyReport,
} from './judge-leniency';
export {
  affiliationBias,
  type Affiliations,
  type JudgeAffiliationBias,
  type AffiliationBiasReport,
} from './affiliation-bias';
export {
  chiSquareSurvival,
  fSurvival,
  lnGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './distributions';
export { toStatNumber } from './stat-number';
