import { panelRulesOf, type StoredRules } from '../rules/competition-rules';
import type { EvaluationBundleRules } from './evaluation-bundle.types';
import type { BandRule, StarGateRule, StarRule } from './rating';

/**
 * A competition's evaluation rules as the platform stores them, in the shape this engine reads
 * (libs/scoring imports nothing, so the shape is stated here).
 */
export interface StoredEvaluationRules extends Pick<StoredRules, 'rubric' | 'aggregation'> {
  readonly bands: readonly BandRule[];
  readonly stars: readonly StarRule[];
  readonly starGates: readonly StarGateRule[];
}

/** The stored evaluation rules as an evaluation bundle states them; every round reads them through here. */
export function evaluationBundleRulesOf(rules: StoredEvaluationRules): EvaluationBundleRules {
  return {
    ...panelRulesOf(rules),
    bands: rules.bands.map(({ key, labelZh, labelEn, minScore }) => ({ key, labelZh, labelEn, minScore })),
    stars: rules.stars.map(({ stars, minScore }) => ({ stars, minScore })),
    starGates: rules.starGates.map(({ criterion, minShare, effect }) => ({ criterion, minShare, effect })),
  };
}
