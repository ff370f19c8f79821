import type { AggregationInput, AggregationPolicy, CombineMethod, Rubric } from '../aggregate';
import { parseAllocationRequest, type AllocationInput, type AllocationPolicy } from '../allocate';
import type { ProjectFacts, ProjectRankingPolicy, ProjectTieBreak } from '../rank';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { resolveTieBreak, type TieBreakLabel } from '../rules/tie-breaks';
import type { BundleAggregation, BundleComponentValue, BundleInputs, BundleRules } from './bundle.types';

/**
 * Judge groups in a fixed order (the order the roadshow's live scoring uses), so the policy and
 * the breakdown never depend on the key order of stored JSON; unknown groups follow by name.
 */
export const GROUP_ORDER: readonly string[] = ['expert', 'department', 'media', 'resident'];

/** The rubric as the engine reads it: gate criteria apart, never adding to the total. */
export function rubricOf(rules: Pick<BundleRules, 'rubric' | 'markDecimals'>): Rubric {
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
    markDecimals: rules.markDecimals,
  };
}

function combineMethodOf(aggregation: BundleAggregation): CombineMethod {
  switch (aggregation.method) {
    case 'mean':
      return { kind: 'mean' };
    case 'median':
      return { kind: 'median' };
    case 'trimmed-mean':
      // "Trimming applies only while at least this many judges remain": with fewer, all count.
      return {
        kind: 'trimmed-mean',
        drop: aggregation.drop ?? 1,
        minRemaining: aggregation.minJudgesAfterTrim ?? 1,
        whenTooFew: 'mean',
      };
    default:
      throw new ScoringError(
        ScoringErrorCode.InvalidAggregation,
        `unknown aggregation method "${String(aggregation.method)}"`,
        'rules.aggregation.method',
      );
  }
}

function groupOrder(a: string, b: string): number {
  const x = GROUP_ORDER.indexOf(a);
  const y = GROUP_ORDER.indexOf(b);
  if (x !== y) return x < 0 ? 1 : y < 0 ? -1 : x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The aggregation rule as an engine policy, the same one that computed each slot's announced
 * score on roadshow day: a weighted group with no judge on a project shares its weight out, a gate
 * passes on a majority of counted judges.
 */
export function aggregationPolicyOf(rules: Pick<BundleRules, 'aggregation'>): AggregationPolicy {
  const weights = rules.aggregation.groupWeights;
  const groups = weights
    ? Object.keys(weights)
        .sort(groupOrder)
        .map((group) => ({ group, weight: weights[group] }))
    : undefined;
  return {
    method: combineMethodOf(rules.aggregation),
    decimals: rules.aggregation.decimals,
    ...(groups ? { groups, missingGroup: 'renormalize' as const } : {}),
    gateRule: 'majority',
  };
}

/**
 * The final score's policy, the one a ranking run uses: the panel's (as on stage), then per-judge
 * normalization and the components the rules state. The stage announces the panel's aggregate
 * alone, since normalization needs every project's sheets and the other components are not known
 * on roadshow day.
 */
export function finalPolicyOf(rules: Pick<BundleRules, 'aggregation' | 'components'>): AggregationPolicy {
  const { normalization } = rules.aggregation;
  return {
    ...aggregationPolicyOf(rules),
    ...(normalization
      ? {
          normalization: {
            kind: 'z-score' as const,
            sd: normalization.sd,
            minProjectsPerJudge: normalization.minProjectsPerJudge,
          },
        }
      : {}),
    ...(rules.components
      ? {
          components: rules.components.map((component) => ({
            key: component.key,
            source: component.source === 'roadshow' ? ('panel' as const) : ('input' as const),
            ...(component.weight !== undefined ? { weight: component.weight } : {}),
            ...(component.bonusCap !== undefined ? { bonusCap: component.bonusCap } : {}),
          })),
        }
      : {}),
  };
}

/** Each project's input and vote component values, exact, by project id then key. */
function componentValuesByProject(values: readonly BundleComponentValue[]): Map<string, Record<string, Rational>> {
  const byProject = new Map<string, Record<string, Rational>>();
  values.forEach((entry, i) => {
    const record = byProject.get(entry.projectId) ?? {};
    if (record[entry.key] !== undefined) {
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `project "${entry.projectId}" has two values for component "${entry.key}"`,
        `componentValues.${i}`,
      );
    }
    record[entry.key] = Rational.parseExact(entry.value, `componentValues.${i}.value`);
    byProject.set(entry.projectId, record);
  });
  return byProject;
}

/** Sheets of every project, recusals included: the engine itself leaves recused sheets out. */
export function aggregationInputOf(
  inputs: Pick<BundleInputs, 'judges' | 'sheets' | 'recusals' | 'componentValues'> & {
    readonly rules: Pick<BundleRules, 'rubric' | 'markDecimals'>;
    readonly projects: readonly { readonly id: string }[];
  },
): AggregationInput {
  const components = componentValuesByProject(inputs.componentValues ?? []);
  inputs.judges.forEach((judge, i) => {
    if (!Rational.parse(judge.weight, `judges.${i}.weight`).eq(Rational.ONE)) {
      throw new ScoringError(
        ScoringErrorCode.InvalidWeights,
        `judge "${judge.id}" has personal weight ${judge.weight}; only 1 is supported (weight judge groups instead)`,
        `judges.${i}.weight`,
      );
    }
  });
  return {
    rubric: rubricOf(inputs.rules),
    judges: inputs.judges.map((judge) => ({ id: judge.id, group: judge.group, seat: judge.seat })),
    projects: inputs.projects.map((project) => {
      const values = components.get(project.id);
      return values ? { id: project.id, components: values } : { id: project.id };
    }),
    sheets: inputs.sheets.map((sheet) => ({
      projectId: sheet.projectId,
      judgeId: sheet.judgeId,
      marks: sheet.marks,
      gates: sheet.gates,
    })),
    recusals: inputs.recusals.map((recusal) => ({ projectId: recusal.projectId, judgeId: recusal.judgeId })),
  };
}

export interface MappedTieBreak {
  readonly tieBreak: ProjectTieBreak;
  readonly label: TieBreakLabel;
}

export function rankingPolicyOf(rules: BundleRules): {
  readonly policy: ProjectRankingPolicy;
  readonly tieBreaks: readonly MappedTieBreak[];
} {
  const tieBreaks = rules.tieBreaks.map((name, step) => {
    const { tieBreak, label } = resolveTieBreak(name, rules.rubric, `rules.tieBreaks.${step}`);
    return { tieBreak, label };
  });
  return { policy: { tieBreaks: tieBreaks.map((mapped) => mapped.tieBreak) }, tieBreaks };
}

export function rankingFactsOf(inputs: BundleInputs): ProjectFacts[] {
  return inputs.projects.map((project) => ({
    projectId: project.id,
    requestedAmountFen: project.requestedFen,
    submittedAt: project.submittedAt,
  }));
}

/**
 * The allocation request for the projects still eligible, best first, read by the same parser as
 * `scoring allocate`. The rules' share-of-budget cap and one-per-organization limit apply unless
 * the policy states its own.
 */
export function allocationRequestOf(
  inputs: BundleInputs,
  eligible: readonly { readonly projectId: string; readonly score: string }[],
): { readonly input: AllocationInput; readonly policy: AllocationPolicy } {
  const byId = new Map(inputs.projects.map((project) => [project.id, project]));
  const rules = inputs.rules;
  const policy: Record<string, unknown> = { ...rules.allocation };
  if (policy.maxShareOfBudget === undefined && rules.maxShareOfBudget !== undefined) {
    policy.maxShareOfBudget = rules.maxShareOfBudget;
  }
  if (policy.onePerOrganization === undefined && rules.onePerOrganization) policy.onePerOrganization = true;
  try {
    return parseAllocationRequest({
      pool: inputs.poolFen,
      policy,
      rankOrder: eligible.map((entry) => entry.projectId),
      projects: eligible.map((entry) => {
        const project = byId.get(entry.projectId);
        if (!project) {
          throw new ScoringError(ScoringErrorCode.UnknownReference, `no project "${entry.projectId}"`, 'projects');
        }
        return {
          id: project.id,
          score: entry.score,
          requested: project.requestedFen,
          budget: project.budgetFen,
          category: project.category,
          organization: project.organization,
          community: project.community,
        };
      }),
    });
  } catch (error) {
    // Name the field where the bundle holds it: the policy lives under rules.allocation.
    if (error instanceof ScoringError && error.field?.startsWith('policy')) {
      throw new ScoringError(error.code, error.message, `rules.allocation${error.field.slice('policy'.length)}`);
    }
    throw error;
  }
}
