import { ScoringError, ScoringErrorCode } from '../scoring.error';
import {
  RESULT_BUNDLE_FORMAT,
  RESULT_BUNDLE_VERSION,
  type BundleAggregation,
  type BundleCriterion,
  type BundleInputs,
  type BundleJudge,
  type BundleProject,
  type BundleRecusal,
  type BundleResult,
  type BundleRules,
  type BundleSheet,
  type ResultBundle,
} from './bundle.types';

type JsonObject = Readonly<Record<string, unknown>>;

export function fail(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidInput, message, field);
}

export function object(value: unknown, field: string, allowed?: readonly string[]): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('expected a JSON object', field);
  if (allowed) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) throw fail(`unknown field "${key}"`, field === '' ? key : `${field}.${key}`);
    }
  }
  return value as JsonObject;
}

export function array(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw fail('expected a JSON array', field);
  return value;
}

export function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw fail('expected a string', field);
  return value;
}

export function decimal(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
    throw fail('expected a decimal string such as "8.5" (numbers are refused to keep decimals exact)', field);
  }
  return value;
}

export function integer(value: unknown, field: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw fail(`expected a whole number ≥ ${min}`, field);
  }
  return value;
}

export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw fail('expected true or false', field);
  return value;
}

export function criterion(value: unknown, field: string): BundleCriterion {
  const c = object(value, field, ['key', 'labelZh', 'labelEn', 'maxPoints', 'weight', 'gate']);
  return {
    key: text(c.key, `${field}.key`),
    labelZh: text(c.labelZh, `${field}.labelZh`),
    labelEn: text(c.labelEn, `${field}.labelEn`),
    maxPoints: decimal(c.maxPoints, `${field}.maxPoints`),
    weight: decimal(c.weight, `${field}.weight`),
    gate: bool(c.gate, `${field}.gate`),
  };
}

export function aggregation(value: unknown, field: string): BundleAggregation {
  const a = object(value, field, ['method', 'drop', 'minJudgesAfterTrim', 'decimals', 'groupWeights']);
  const method = text(a.method, `${field}.method`);
  if (method !== 'mean' && method !== 'median' && method !== 'trimmed-mean') {
    throw fail('expected "mean", "median" or "trimmed-mean"', `${field}.method`);
  }
  let groupWeights: Record<string, string> | undefined;
  if (a.groupWeights !== undefined) {
    const weights = object(a.groupWeights, `${field}.groupWeights`);
    groupWeights = {};
    for (const [group, weight] of Object.entries(weights)) {
      groupWeights[group] = decimal(weight, `${field}.groupWeights.${group}`);
    }
  }
  return {
    method,
    ...(a.drop !== undefined ? { drop: integer(a.drop, `${field}.drop`) } : {}),
    ...(a.minJudgesAfterTrim !== undefined
      ? { minJudgesAfterTrim: integer(a.minJudgesAfterTrim, `${field}.minJudgesAfterTrim`) }
      : {}),
    decimals: integer(a.decimals, `${field}.decimals`),
    ...(groupWeights ? { groupWeights } : {}),
  };
}

function rules(value: unknown, field: string): BundleRules {
  const r = object(value, field, [
    'rubric',
    'markDecimals',
    'aggregation',
    'tieBreaks',
    'allocation',
    'maxShareOfBudget',
    'onePerOrganization',
  ]);
  return {
    rubric: array(r.rubric, `${field}.rubric`).map((item, i) => criterion(item, `${field}.rubric.${i}`)),
    markDecimals: integer(r.markDecimals, `${field}.markDecimals`),
    aggregation: aggregation(r.aggregation, `${field}.aggregation`),
    tieBreaks: array(r.tieBreaks, `${field}.tieBreaks`).map((item, i) => text(item, `${field}.tieBreaks.${i}`)),
    // Checked field by field by the same parser as `scoring allocate` when the result is computed.
    allocation: object(r.allocation, `${field}.allocation`),
    ...(r.maxShareOfBudget !== undefined
      ? { maxShareOfBudget: decimal(r.maxShareOfBudget, `${field}.maxShareOfBudget`) }
      : {}),
    onePerOrganization: bool(r.onePerOrganization, `${field}.onePerOrganization`),
  };
}

function project(value: unknown, field: string): BundleProject {
  const p = object(value, field, [
    'id',
    'title',
    'category',
    'organization',
    'community',
    'requestedFen',
    'budgetFen',
    'submittedAt',
  ]);
  return {
    id: text(p.id, `${field}.id`),
    title: text(p.title, `${field}.title`),
    category: text(p.category, `${field}.category`),
    organization: text(p.organization, `${field}.organization`),
    community: text(p.community, `${field}.community`),
    requestedFen: integer(p.requestedFen, `${field}.requestedFen`),
    budgetFen: integer(p.budgetFen, `${field}.budgetFen`),
    submittedAt: text(p.submittedAt, `${field}.submittedAt`),
  };
}

export function judge(value: unknown, field: string): BundleJudge {
  const j = object(value, field, ['id', 'seat', 'group', 'weight']);
  return {
    id: text(j.id, `${field}.id`),
    seat: integer(j.seat, `${field}.seat`, 1),
    group: text(j.group, `${field}.group`),
    weight: decimal(j.weight, `${field}.weight`),
  };
}

export function sheet(value: unknown, field: string): BundleSheet {
  const s = object(value, field, ['projectId', 'judgeId', 'marks', 'gates']);
  const marks: Record<string, string> = {};
  for (const [key, mark] of Object.entries(object(s.marks, `${field}.marks`))) {
    marks[key] = decimal(mark, `${field}.marks.${key}`);
  }
  const gates: Record<string, boolean> = {};
  for (const [key, passed] of Object.entries(object(s.gates, `${field}.gates`))) {
    gates[key] = bool(passed, `${field}.gates.${key}`);
  }
  return {
    projectId: text(s.projectId, `${field}.projectId`),
    judgeId: text(s.judgeId, `${field}.judgeId`),
    marks,
    gates,
  };
}

export function recusal(value: unknown, field: string): BundleRecusal {
  const r = object(value, field, ['projectId', 'judgeId']);
  return { projectId: text(r.projectId, `${field}.projectId`), judgeId: text(r.judgeId, `${field}.judgeId`) };
}

/** Checks the shape of bundle inputs (types, required and unknown fields); the engine checks the values. */
export function parseBundleInputs(value: unknown, field = 'inputs'): BundleInputs {
  const i = object(value, field, ['competition', 'poolFen', 'rules', 'projects', 'judges', 'sheets', 'recusals']);
  const competition = object(i.competition, `${field}.competition`, ['id', 'title', 'rulesVersion']);
  return {
    competition: {
      id: text(competition.id, `${field}.competition.id`),
      title: text(competition.title, `${field}.competition.title`),
      rulesVersion: integer(competition.rulesVersion, `${field}.competition.rulesVersion`, 1),
    },
    poolFen: integer(i.poolFen, `${field}.poolFen`),
    rules: rules(i.rules, `${field}.rules`),
    projects: array(i.projects, `${field}.projects`).map((item, n) => project(item, `${field}.projects.${n}`)),
    judges: array(i.judges, `${field}.judges`).map((item, n) => judge(item, `${field}.judges.${n}`)),
    sheets: array(i.sheets, `${field}.sheets`).map((item, n) => sheet(item, `${field}.sheets.${n}`)),
    recusals: array(i.recusals, `${field}.recusals`).map((item, n) => recusal(item, `${field}.recusals.${n}`)),
  };
}

/**
 * Reads a result bundle: the format and version must be this library's, the inputs must have the
 * documented shape. The published result is kept as found (only required to be an object): it is
 * what verification compares, field by field, with the recomputed one.
 */
export function parseResultBundle(value: unknown): ResultBundle {
  const bundle = object(value, '', ['format', 'version', 'run', 'inputs', 'result']);
  if (bundle.format !== RESULT_BUNDLE_FORMAT) {
    throw fail(`expected "${RESULT_BUNDLE_FORMAT}"`, 'format');
  }
  if (bundle.version !== RESULT_BUNDLE_VERSION) {
    throw fail(
      `unsupported version ${JSON.stringify(bundle.version)}; this build reads version ${RESULT_BUNDLE_VERSION}`,
      'version',
    );
  }
  return {
    format: RESULT_BUNDLE_FORMAT,
    version: RESULT_BUNDLE_VERSION,
    inputs: parseBundleInputs(bundle.inputs),
    result: object(bundle.result, 'result') as unknown as BundleResult,
  };
}
