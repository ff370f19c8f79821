import { ScoringError, ScoringErrorCode } from '../scoring.error';
import {
  RESULT_BUNDLE_FORMAT,
  RESULT_BUNDLE_VERSION,
  RESULT_BUNDLE_VERSIONS,
  type BundleAggregation,
  type BundleComponent,
  type BundleComponentValue,
  type BundleNormalization,
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

function normalization(value: unknown, field: string): BundleNormalization {
  const n = object(value, field, ['kind', 'sd', 'minProjectsPerJudge']);
  if (n.kind !== 'z-score') throw fail('expected "z-score"', `${field}.kind`);
  if (n.sd !== 'sample' && n.sd !== 'population') throw fail('expected "sample" or "population"', `${field}.sd`);
  return {
    kind: 'z-score',
    sd: n.sd,
    minProjectsPerJudge: integer(n.minProjectsPerJudge, `${field}.minProjectsPerJudge`, 2),
  };
}

const V1_AGGREGATION = ['method', 'drop', 'minJudgesAfterTrim', 'decimals', 'groupWeights'];

/** A rules' aggregation; `version` 2 adds normalization and the bias threshold. */
export function aggregation(value: unknown, field: string, version = 1): BundleAggregation {
  const a = object(value, field, version >= 2 ? [...V1_AGGREGATION, 'normalization', 'biasThreshold'] : V1_AGGREGATION);
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
    ...(a.normalization !== undefined
      ? { normalization: normalization(a.normalization, `${field}.normalization`) }
      : {}),
    ...(a.biasThreshold !== undefined ? { biasThreshold: decimal(a.biasThreshold, `${field}.biasThreshold`) } : {}),
  };
}

function component(value: unknown, field: string): BundleComponent {
  const c = object(value, field, ['key', 'labelZh', 'labelEn', 'source', 'weight', 'bonusCap', 'maxPoints']);
  const source = text(c.source, `${field}.source`);
  if (source !== 'roadshow' && source !== 'input' && source !== 'vote') {
    throw fail('expected "roadshow", "input" or "vote"', `${field}.source`);
  }
  return {
    key: text(c.key, `${field}.key`),
    labelZh: text(c.labelZh, `${field}.labelZh`),
    labelEn: text(c.labelEn, `${field}.labelEn`),
    source,
    ...(c.weight !== undefined ? { weight: decimal(c.weight, `${field}.weight`) } : {}),
    ...(c.bonusCap !== undefined ? { bonusCap: decimal(c.bonusCap, `${field}.bonusCap`) } : {}),
    ...(c.maxPoints !== undefined ? { maxPoints: decimal(c.maxPoints, `${field}.maxPoints`) } : {}),
  };
}

function componentValue(value: unknown, field: string): BundleComponentValue {
  const v = object(value, field, ['projectId', 'key', 'value']);
  const exact = text(v.value, `${field}.value`);
  if (!/^\d+(\.\d+)?$|^\d+\/[1-9]\d*$/.test(exact)) {
    throw fail('expected exact text such as "36.5" or "200/3"', `${field}.value`);
  }
  return { projectId: text(v.projectId, `${field}.projectId`), key: text(v.key, `${field}.key`), value: exact };
}

const V1_RULES = [
  'rubric',
  'markDecimals',
  'aggregation',
  'tieBreaks',
  'allocation',
  'maxShareOfBudget',
  'onePerOrganization',
];

function rules(value: unknown, field: string, version: number): BundleRules {
  const r = object(value, field, version >= 2 ? [...V1_RULES, 'components'] : V1_RULES);
  return {
    rubric: array(r.rubric, `${field}.rubric`).map((item, i) => criterion(item, `${field}.rubric.${i}`)),
    markDecimals: integer(r.markDecimals, `${field}.markDecimals`),
    aggregation: aggregation(r.aggregation, `${field}.aggregation`, version),
    tieBreaks: array(r.tieBreaks, `${field}.tieBreaks`).map((item, i) => text(item, `${field}.tieBreaks.${i}`)),
    // Checked field by field by the same parser as `scoring allocate` when the result is computed.
    allocation: object(r.allocation, `${field}.allocation`),
    ...(r.maxShareOfBudget !== undefined
      ? { maxShareOfBudget: decimal(r.maxShareOfBudget, `${field}.maxShareOfBudget`) }
      : {}),
    onePerOrganization: bool(r.onePerOrganization, `${field}.onePerOrganization`),
    ...(r.components !== undefined
      ? {
          components: array(r.components, `${field}.components`).map((item, i) =>
            component(item, `${field}.components.${i}`),
          ),
        }
      : {}),
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

/** A judge of the panel; version 2 adds the judge's affiliation. */
export function judge(value: unknown, field: string, version = 1): BundleJudge {
  const j = object(
    value,
    field,
    version >= 2 ? ['id', 'seat', 'group', 'weight', 'affiliation'] : ['id', 'seat', 'group', 'weight'],
  );
  return {
    id: text(j.id, `${field}.id`),
    seat: integer(j.seat, `${field}.seat`, 1),
    group: text(j.group, `${field}.group`),
    weight: decimal(j.weight, `${field}.weight`),
    ...(j.affiliation !== undefined ? { affiliation: text(j.affiliation, `${field}.affiliation`) } : {}),
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

const V1_INPUTS = ['competition', 'poolFen', 'rules', 'projects', 'judges', 'sheets', 'recusals'];

/**
 * Checks the shape of bundle inputs (types, required and unknown fields); the engine checks the
 * values. Version 2 adds components, normalization, the bias threshold and component values.
 */
export function parseBundleInputs(value: unknown, field = 'inputs', version = RESULT_BUNDLE_VERSION): BundleInputs {
  const i = object(value, field, version >= 2 ? [...V1_INPUTS, 'componentValues'] : V1_INPUTS);
  const competition = object(i.competition, `${field}.competition`, ['id', 'title', 'rulesVersion']);
  return {
    competition: {
      id: text(competition.id, `${field}.competition.id`),
      title: text(competition.title, `${field}.competition.title`),
      rulesVersion: integer(competition.rulesVersion, `${field}.competition.rulesVersion`, 1),
    },
    poolFen: integer(i.poolFen, `${field}.poolFen`),
    rules: rules(i.rules, `${field}.rules`, version),
    projects: array(i.projects, `${field}.projects`).map((item, n) => project(item, `${field}.projects.${n}`)),
    judges: array(i.judges, `${field}.judges`).map((item, n) => judge(item, `${field}.judges.${n}`, version)),
    sheets: array(i.sheets, `${field}.sheets`).map((item, n) => sheet(item, `${field}.sheets.${n}`)),
    recusals: array(i.recusals, `${field}.recusals`).map((item, n) => recusal(item, `${field}.recusals.${n}`)),
    ...(i.componentValues !== undefined
      ? {
          componentValues: array(i.componentValues, `${field}.componentValues`).map((item, n) =>
            componentValue(item, `${field}.componentValues.${n}`),
          ),
        }
      : {}),
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
  const version = bundle.version;
  if (typeof version !== 'number' || !RESULT_BUNDLE_VERSIONS.includes(version)) {
    throw fail(
      `unsupported version ${JSON.stringify(version)}; this build reads versions ${RESULT_BUNDLE_VERSIONS.join(' and ')}`,
      'version',
    );
  }
  return {
    format: RESULT_BUNDLE_FORMAT,
    version,
    inputs: parseBundleInputs(bundle.inputs, 'inputs', version),
    result: object(bundle.result, 'result') as unknown as BundleResult,
  };
}
