import { AggregationRule, CompetitionRules, JudgeGroup } from '@app/domain';
import { AggregationPolicy, CombineMethod, Rubric } from '@app/scoring';

/** Judges enter at most 2 decimal places per criterion (e.g. 18.75). */
export const MARK_DECIMALS = 2;

/** Fixed order, so the policy (and therefore the result) never depends on JSON key order. */
const GROUP_ORDER: readonly JudgeGroup[] = [
  JudgeGroup.Expert,
  JudgeGroup.Department,
  JudgeGroup.Media,
  JudgeGroup.Resident,
];

/** The competition's rubric as libs/scoring reads it: gates apart, never adding to the total. */
export function scoringRubricOf(rules: CompetitionRules): Rubric {
  return {
    criteria: rules.rubric
      .filter((criterion) => !criterion.gate)
      .map((criterion) => ({
        key: criterion.key,
        label: { zh: criterion.labelZh, en: criterion.labelEn },
        maxPoints: criterion.maxPoints,
        weight: criterion.weight,
      })),
    gates: rules.rubric
      .filter((criterion) => criterion.gate)
      .map((criterion) => ({ key: criterion.key, label: { zh: criterion.labelZh, en: criterion.labelEn } })),
    markDecimals: MARK_DECIMALS,
  };
}

function combineMethodOf(rule: AggregationRule): CombineMethod {
  switch (rule.method) {
    case 'mean':
      return { kind: 'mean' };
    case 'median':
      return { kind: 'median' };
    case 'trimmed-mean':
      // "Trimming applies only while at least this many judges remain": with fewer, all count.
      return {
        kind: 'trimmed-mean',
        drop: rule.drop ?? 1,
        minRemaining: rule.minJudgesAfterTrim ?? 1,
        whenTooFew: 'mean',
      };
  }
}

/**
 * The competition's aggregation rule as a libs/scoring policy. A weighted group with no judge on
 * a project shares its weight out (recorded as a missing group) rather than blocking the lock.
 */
export function aggregationPolicyOf(rules: CompetitionRules): AggregationPolicy {
  const aggregation = rules.aggregation;
  const weights = aggregation.groupWeights;
  const groups = weights
    ? GROUP_ORDER.filter((group) => weights[group] !== undefined).map((group) => ({
        group,
        weight: weights[group] as string,
      }))
    : undefined;
  return {
    method: combineMethodOf(aggregation),
    decimals: aggregation.decimals,
    ...(groups ? { groups, missingGroup: 'renormalize' as const } : {}),
    gateRule: 'majority',
  };
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
