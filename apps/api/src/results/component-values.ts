import { Rational, type BundleInputs, type BundleProjectResult, type ScoreBreakdown } from '@app/scoring';
import type { ResultComponentDto, ResultComponentValueDto } from './dto/results-response.dto';

/** Each component's value of one project, exact and rounded to the published decimals. */
export function componentValuesOf(breakdown: ScoreBreakdown): ResultComponentValueDto[] | undefined {
  return breakdown.components?.map((part) => ({
    key: part.key,
    value: part.value,
    display: Rational.parseExact(part.value).toDecimalString(breakdown.decimals),
    points: part.points,
  }));
}

/**
 * The components of the rules a run ranked under, when the rules have them. Stored inputs are read
 * as they are: a run recorded before components existed has none.
 */
export function componentsOfRun(inputs: unknown): { components?: ResultComponentDto[] } {
  const components = (inputs as Partial<BundleInputs> | null)?.rules?.components;
  return components ? { components: [...components] } : {};
}

/** One stored row's component values, when the run's rules had components. */
export function rowComponentsOf(breakdown: unknown): { components?: ResultComponentValueDto[] } {
  const score = (breakdown as Partial<BundleProjectResult['breakdown']> | null)?.score;
  return score?.components ? { components: componentValuesOf(score) } : {};
}
