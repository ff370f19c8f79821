import { aggregateProjects, compileRubric } from '../aggregate';
import { aggregationInputOf, aggregationPolicyOf, rubricOf } from '../bundle/bundle-policies';
import type { Sha256Hex } from '../bundle/compute-result';
import { canonicalJson } from '../bundle/canonical-json';
import { scoreBreakdown, sheetTotals } from '../bundle/score-breakdown';
import { Rational } from '../rational';
import type { EvaluationBundleInputs, EvaluationProjectResult, EvaluationResult } from './evaluation-bundle.types';
import { bandOf, scoreOutOf100, starGateOutcomes, starsOf } from './rating';

/**
 * An evaluation round's results from its inputs: the panel aggregated by the same engine and
 * policy mapping as a roadshow (groups weighted, trimmed mean, recusals left out), the exact total
 * rescaled to 0–100 and rounded once, then band and stars by the rules.
 * Invariants: a function of the inputs alone (same inputs, byte-identical canonical result); every
 * project appears once, ordered by id; the score is within 0–100.
 */
export function computeEvaluation(inputs: EvaluationBundleInputs, sha256: Sha256Hex): EvaluationResult {
  const inputHash = sha256(canonicalJson(inputs));
  const rules = inputs.rules;
  const rubric = rubricOf(rules);
  const compiled = compileRubric(rubric);
  const maxPoints = Rational.of(BigInt(compiled.maxTotalUnits), 10n ** BigInt(compiled.totalDecimals));
  const aggregation = aggregateProjects(aggregationInputOf(inputs), aggregationPolicyOf(rules));
  const { byProject, totalDecimals } = sheetTotals(inputs);
  const criterionMax: Record<string, Rational> = {};
  for (const criterion of rubric.criteria) criterionMax[criterion.key] = Rational.from(criterion.maxPoints);

  const projects: EvaluationProjectResult[] = aggregation.projects.map((aggregate) => {
    const score = scoreOutOf100(aggregate.exact, maxPoints, rules.aggregation.decimals);
    const means: Record<string, Rational> = {};
    aggregate.criterionKeys.forEach((key, c) => {
      means[key] = Rational.from(aggregate.criterionSums[c]).div(Rational.of(aggregate.judgeCount));
    });
    const starGates = starGateOutcomes(rules.starGates, means, criterionMax);
    return {
      projectId: aggregate.projectId,
      score: score.toDecimalString(rules.aggregation.decimals),
      band: bandOf(score, rules.bands).key,
      stars: starsOf(score, rules.stars, rules.starGates, starGates),
      starGates,
      breakdown: scoreBreakdown(
        aggregate,
        byProject.get(aggregate.projectId) ?? [],
        totalDecimals,
        rules.aggregation.decimals,
      ),
    };
  });
  return { inputHash, projects };
}
