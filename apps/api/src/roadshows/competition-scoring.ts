import { CompetitionRules } from '@app/domain';
import {
  AggregationPolicy,
  CompiledRubric,
  Rubric,
  aggregationPolicyOfRules,
  compileRubric,
  rubricOfRules,
} from '@app/scoring';

export interface ScoringRubric {
  readonly rubric: Rubric;
  readonly compiled: CompiledRubric;
}

/**
 * Per rules object, so every score post of a roadshow (whose rules JudgeScoringService keeps as one
 * object) and every sheet of a lock reuse one compilation. Rules are never changed in place.
 */
const RUBRICS = new WeakMap<PanelRules, ScoringRubric>();

/** The rubric and aggregation a panel scores by: a competition's roadshow, or one of its evaluations. */
export type PanelRules = Pick<CompetitionRules, 'rubric' | 'aggregation'>;

/** The panel's rubric as libs/scoring reads it, through the engine's own rules mapping. */
export function scoringRubricOf(rules: PanelRules): ScoringRubric {
  let found = RUBRICS.get(rules);
  if (!found) {
    const rubric = rubricOfRules(rules);
    found = { rubric, compiled: compileRubric(rubric) };
    RUBRICS.set(rules, found);
  }
  return found;
}

/** The competition's aggregation rule as the engine's policy, the same one a ranking run uses. */
export function aggregationPolicyOf(rules: CompetitionRules): AggregationPolicy {
  return aggregationPolicyOfRules(rules);
}

/** A category key with its labels; an unknown key (rules edited later) shows as itself. */
export function categoryOf(rules: CompetitionRules, key: string): { key: string; labelZh: string; labelEn: string } {
  const category = rules.categories.find((candidate) => candidate.key === key);
  return { key, labelZh: category?.labelZh ?? key, labelEn: category?.labelEn ?? key };
}
