import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import type { AggregationPolicy, CombineMethod, DecimalInput } from './aggregation.types';

function invalid(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidPolicy, message, field);
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** Refuses a combine method whose parameters cannot be applied as stated. */
export function validateCombineMethod(method: CombineMethod, field = 'method'): void {
  switch (method.kind) {
    case 'mean':
    case 'median':
      return;
    case 'trimmed-mean':
      if (!isCount(method.drop, 0)) throw invalid('drop must be a whole number ≥ 0', `${field}.drop`);
      if (!isCount(method.minRemaining, 1)) {
        throw invalid('minRemaining must be a whole number ≥ 1', `${field}.minRemaining`);
      }
      if (method.whenTooFew !== 'mean' && method.whenTooFew !== 'error') {
        throw invalid('whenTooFew must be "mean" or "error"', `${field}.whenTooFew`);
      }
      return;
    default:
      throw invalid(`unknown method ${JSON.stringify(method)}`, `${field}.kind`);
  }
}

/** A weight as an exact non-negative rational. */
export function parseWeight(value: DecimalInput, field: string): Rational {
  const weight = Rational.from(value, field);
  if (weight.isNegative()) {
    throw new ScoringError(ScoringErrorCode.InvalidWeights, `weight must not be negative: ${String(value)}`, field);
  }
  return weight;
}

/** Refuses a policy that is not plain, complete, consistent data. */
export function validatePolicy(policy: AggregationPolicy): void {
  validateCombineMethod(policy.method);
  if (!isCount(policy.decimals, 0) || policy.decimals > 12) {
    throw invalid('decimals must be a whole number from 0 to 12', 'decimals');
  }
  if (policy.minJudgesPerProject !== undefined && !isCount(policy.minJudgesPerProject, 1)) {
    throw invalid('minJudgesPerProject must be a whole number ≥ 1', 'minJudgesPerProject');
  }
  const normalization = policy.normalization;
  if (normalization && normalization.kind === 'z-score') {
    if (normalization.sd !== 'population' && normalization.sd !== 'sample') {
      throw invalid('sd must be "population" or "sample"', 'normalization.sd');
    }
    if (!isCount(normalization.minProjectsPerJudge, 2)) {
      throw invalid('minProjectsPerJudge must be a whole number ≥ 2', 'normalization.minProjectsPerJudge');
    }
  }
  if (policy.groups) {
    if (policy.groups.length === 0) throw invalid('groups, when given, must not be empty', 'groups');
    const seen = new Set<string>();
    let total = Rational.ZERO;
    policy.groups.forEach((group, i) => {
      if (seen.has(group.group)) {
        throw new ScoringError(
          ScoringErrorCode.DuplicateId,
          `group "${group.group}" listed twice`,
          `groups.${i}.group`,
        );
      }
      seen.add(group.group);
      total = total.add(parseWeight(group.weight, `groups.${i}.weight`));
    });
    if (total.isZero()) {
      throw new ScoringError(ScoringErrorCode.InvalidWeights, 'group weights add up to zero', 'groups');
    }
  }
  if (policy.components) {
    if (policy.components.length === 0) throw invalid('components, when given, must not be empty', 'components');
    const seen = new Set<string>();
    let panels = 0;
    policy.components.forEach((component, i) => {
      if (seen.has(component.key)) {
        throw new ScoringError(
          ScoringErrorCode.DuplicateId,
          `component "${component.key}" listed twice`,
          `components.${i}.key`,
        );
      }
      seen.add(component.key);
      if ((component.weight === undefined) === (component.bonusCap === undefined)) {
        throw invalid('a component has either a weight or a bonus cap', `components.${i}`);
      }
      if (component.weight !== undefined) parseWeight(component.weight, `components.${i}.weight`);
      else if (component.bonusCap !== undefined) parseWeight(component.bonusCap, `components.${i}.bonusCap`);
      if (component.source === 'panel') panels += 1;
      else if (component.source !== 'input') {
        throw invalid('source must be "panel" or "input"', `components.${i}.source`);
      }
    });
    if (panels > 1) throw invalid("at most one component can be the judges' panel", 'components');
  }
}
