import { CompetitionRules, JudgeGroup } from '@app/domain';
import {
  AggregationPolicy,
  CompiledRubric,
  Rubric,
  aggregationPolicyOf as engineAggregationPolicyOf,
  compileRubric,
  rubricOf,
} from '@app/scoring';

/** Judges enter at most 2 decimal places per criterion (e.g. 18.75). */
export const MARK_DECIMALS = 2;

export interface ScoringRubric {
  readonly rubric: Rubric;
  readonly compiled: CompiledRubric;
}

/**
 * Per rules object, so every score post of a roadshow (whose rules JudgeScoringService keeps as one
 * object) and every sheet of a lock reuse one compilation. Rules are never changed in place.
 */
const RUBRICS = new WeakMap<CompetitionRules, ScoringRubric>();

/**
 * The competition's rubric as libs/scoring reads it: gates apart, never adding to the total. The
 * engine's own mapping, the one every ranking run uses, so the score announced at the lock and the
 * published result cannot drift apart.
 */
export function scoringRubricOf(rules: CompetitionRules): ScoringRubric {
  let found = RUBRICS.get(rules);
  if (!found) {
    const rubric = rubricOf({
      rubric: rules.rubric.map((criterion) => ({ ...criterion, gate: criterion.gate === true })),
      markDecimals: MARK_DECIMALS,
    });
    found = { rubric, compiled: compileRubric(rubric) };
    RUBRICS.set(rules, found);
  }
  return found;
}

/** The competition's aggregation rule as the engine's policy, the same one a ranking run uses. */
export function aggregationPolicyOf(rules: CompetitionRules): AggregationPolicy {
  const { groupWeights, ...rest } = rules.aggregation;
  const weights = groupWeights
    ? Object.fromEntries(
        Object.entries(groupWeights).filter((entry): entry is [string, string] => entry[1] !== undefined),
      )
    : undefined;
  return engineAggregationPolicyOf({ aggregation: { ...rest, ...(weights ? { groupWeights: weights } : {}) } });
}

/** A judge whose group the rules give no weight could never be counted: refuse them up front. */
export function isGroupWeighted(rules: CompetitionRules, group: JudgeGroup): boolean {
  const weights = rules.aggregation.groupWeights;
  return !weights || weights[group] !== undefined;
}

/** A category key with its labels; an unknown key (rules edited later) shows as itself. */
export function categoryOf(rules: CompetitionRules, key: string): { key: string; labelZh: string; labelEn: string } {
  const category = rules.categories.find((candidate) => candidate.key === key);
  return { key, labelZh: category?.labelZh ?? key, labelEn: category?.labelEn ?? key };
}
