import { aggregationPolicyOf, finalPolicyOf, rubricOf } from '../bundle/bundle-policies';
import type { BundleComponent, BundleNormalization, BundleRules } from '../bundle/bundle.types';
import type { AggregationPolicy, Rubric } from '../aggregate';

/** Judges enter at most this many decimal places per criterion (e.g. 18.75); the tablet and every run agree. */
export const MARK_DECIMALS = 2;

/** A rubric criterion as the platform stores it. */
export interface StoredCriterion {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly maxPoints: string;
  readonly weight: string;
  /** Pass/fail (e.g. 党建引领): recorded, never added to the total. */
  readonly gate?: boolean;
}

/** `z-score` states both sd and minProjectsPerJudge; `none` neither (the rules validator holds to it). */
export interface StoredNormalization {
  readonly kind: 'none' | 'z-score';
  /** sample divides by n − 1, population by n. */
  readonly sd?: BundleNormalization['sd'];
  /** Judges who scored fewer projects keep their raw totals. At least 2. */
  readonly minProjectsPerJudge?: number;
}

export interface StoredAggregation {
  readonly method: 'mean' | 'median' | 'trimmed-mean';
  /** For trimmed-mean: how many highest and how many lowest totals are dropped. */
  readonly drop?: number;
  /** Trimming applies only while at least this many judges remain. */
  readonly minJudgesAfterTrim?: number;
  readonly decimals: number;
  readonly groupWeights?: Readonly<Partial<Record<string, string>>>;
  /** Per-judge z-score of the roadshow totals, rescaled to the rubric (README); absent or none: raw totals. */
  readonly normalization?: StoredNormalization;
  /** A judge whose affiliation bias exceeds this many points is flagged for the office, never excluded. */
  readonly biasThreshold?: string;
}

/**
 * A competition's rules as the platform stores them, in the shape this engine reads. libs/scoring
 * imports nothing, so the shape is stated here; the stored rules satisfy it structurally.
 */
export interface StoredRules {
  readonly rubric: readonly StoredCriterion[];
  readonly aggregation: StoredAggregation;
  readonly components?: readonly BundleComponent[];
  readonly tieBreaks: readonly string[];
  readonly allocation: Readonly<Record<string, unknown>>;
  readonly maxShareOfBudget?: string;
  readonly onePerOrganization: boolean;
}

/**
 * The part of the stored rules that decides a result, as a result bundle states it. The announced
 * score on stage, the running ranking on the big screen and every ranking run read the rules
 * through this one mapping, so they cannot drift apart.
 */
export function bundleRulesOf(rules: StoredRules): BundleRules {
  const panel = panelRulesOf(rules);
  const { normalization, biasThreshold } = rules.aggregation;
  return {
    ...panel,
    aggregation: {
      ...panel.aggregation,
      ...(normalization?.kind === 'z-score'
        ? {
            normalization: {
              kind: 'z-score',
              sd: normalization.sd ?? 'sample',
              minProjectsPerJudge: normalization.minProjectsPerJudge ?? 2,
            },
          }
        : {}),
      ...(biasThreshold !== undefined ? { biasThreshold } : {}),
    },
    tieBreaks: [...rules.tieBreaks],
    allocation: rules.allocation,
    ...(rules.maxShareOfBudget !== undefined ? { maxShareOfBudget: rules.maxShareOfBudget } : {}),
    onePerOrganization: rules.onePerOrganization,
    ...(rules.components && rules.components.length > 0
      ? {
          components: rules.components.map((component) => ({
            key: component.key,
            labelZh: component.labelZh,
            labelEn: component.labelEn,
            source: component.source,
            ...(component.weight !== undefined ? { weight: component.weight } : {}),
            ...(component.bonusCap !== undefined ? { bonusCap: component.bonusCap } : {}),
            ...(component.maxPoints !== undefined ? { maxPoints: component.maxPoints } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The rubric, mark decimals and aggregation of stored rules as a bundle states them: the part a
 * panel's scores go through, shared by a competition's roadshow and its evaluation rounds.
 */
export function panelRulesOf(
  rules: Pick<StoredRules, 'rubric' | 'aggregation'>,
): Pick<BundleRules, 'rubric' | 'markDecimals' | 'aggregation'> {
  const { aggregation } = rules;
  const weights = aggregation.groupWeights
    ? Object.fromEntries(
        Object.entries(aggregation.groupWeights).filter((entry): entry is [string, string] => entry[1] !== undefined),
      )
    : undefined;
  return {
    rubric: rules.rubric.map((criterion) => ({
      key: criterion.key,
      labelZh: criterion.labelZh,
      labelEn: criterion.labelEn,
      maxPoints: criterion.maxPoints,
      weight: criterion.weight,
      gate: criterion.gate === true,
    })),
    markDecimals: MARK_DECIMALS,
    aggregation: {
      method: aggregation.method,
      ...(aggregation.drop !== undefined ? { drop: aggregation.drop } : {}),
      ...(aggregation.minJudgesAfterTrim !== undefined ? { minJudgesAfterTrim: aggregation.minJudgesAfterTrim } : {}),
      decimals: aggregation.decimals,
      ...(weights ? { groupWeights: weights } : {}),
    },
  };
}

/** The stored rules' rubric as the engine reads it: gates apart, never adding to the total. */
export function rubricOfRules(rules: Pick<StoredRules, 'rubric' | 'aggregation'>): Rubric {
  return rubricOf(panelRulesOf(rules));
}

/** The stored rules' panel aggregation as the engine's policy: the announced score on stage. */
export function aggregationPolicyOfRules(rules: StoredRules): AggregationPolicy {
  return aggregationPolicyOf(bundleRulesOf(rules));
}

/** The stored rules' final-score policy (normalization and components included): every ranking run's. */
export function finalPolicyOfRules(rules: StoredRules): AggregationPolicy {
  return finalPolicyOf(bundleRulesOf(rules));
}

/** The components whose values are stored per project (sources input and vote), in the rules' order. */
export function storedComponentsOf<C extends Pick<BundleComponent, 'source'>>(rules: {
  readonly components?: readonly C[];
}): readonly C[] {
  return (rules.components ?? []).filter((component) => component.source !== 'roadshow');
}

/** With group weights, a judge of a group the rules give no weight could never be counted. */
export function isGroupWeighted(rules: Pick<StoredRules, 'aggregation'>, group: string): boolean {
  const weights = rules.aggregation.groupWeights;
  return !weights || weights[group] !== undefined;
}
