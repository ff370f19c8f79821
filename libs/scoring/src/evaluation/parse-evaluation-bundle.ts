import {
  aggregation,
  array,
  criterion,
  decimal,
  fail,
  integer,
  judge,
  object,
  recusal,
  sheet,
  text,
} from '../bundle/parse-bundle';
import {
  EVALUATION_BUNDLE_FORMAT,
  EVALUATION_BUNDLE_VERSION,
  type EvaluationBundle,
  type EvaluationBundleInputs,
  type EvaluationBundleRules,
  type EvaluationResult,
} from './evaluation-bundle.types';
import type { StarGateRule } from './rating';

function rules(value: unknown, field: string): EvaluationBundleRules {
  const r = object(value, field, ['rubric', 'markDecimals', 'aggregation', 'bands', 'stars', 'starGates']);
  return {
    rubric: array(r.rubric, `${field}.rubric`).map((item, i) => criterion(item, `${field}.rubric.${i}`)),
    markDecimals: integer(r.markDecimals, `${field}.markDecimals`),
    aggregation: aggregation(r.aggregation, `${field}.aggregation`),
    bands: array(r.bands, `${field}.bands`).map((item, i) => {
      const at = `${field}.bands.${i}`;
      const b = object(item, at, ['key', 'labelZh', 'labelEn', 'minScore']);
      return {
        key: text(b.key, `${at}.key`),
        labelZh: text(b.labelZh, `${at}.labelZh`),
        labelEn: text(b.labelEn, `${at}.labelEn`),
        minScore: decimal(b.minScore, `${at}.minScore`),
      };
    }),
    stars: array(r.stars, `${field}.stars`).map((item, i) => {
      const at = `${field}.stars.${i}`;
      const s = object(item, at, ['stars', 'minScore']);
      return { stars: integer(s.stars, `${at}.stars`, 1), minScore: decimal(s.minScore, `${at}.minScore`) };
    }),
    starGates: array(r.starGates, `${field}.starGates`).map((item, i): StarGateRule => {
      const at = `${field}.starGates.${i}`;
      const g = object(item, at, ['criterion', 'minShare', 'effect']);
      if (g.effect !== 'one-fewer' && g.effect !== 'none') throw fail('expected "one-fewer" or "none"', `${at}.effect`);
      return {
        criterion: text(g.criterion, `${at}.criterion`),
        minShare: decimal(g.minShare, `${at}.minShare`),
        effect: g.effect,
      };
    }),
  };
}

/** Checks the shape of evaluation inputs (types, required and unknown fields); the engine checks the values. */
export function parseEvaluationInputs(value: unknown, field = 'inputs'): EvaluationBundleInputs {
  const i = object(value, field, ['round', 'rules', 'projects', 'judges', 'sheets', 'recusals']);
  const round = object(i.round, `${field}.round`, ['id', 'competitionId', 'stage', 'rulesVersion']);
  return {
    round: {
      id: text(round.id, `${field}.round.id`),
      competitionId: text(round.competitionId, `${field}.round.competitionId`),
      stage: text(round.stage, `${field}.round.stage`),
      rulesVersion: integer(round.rulesVersion, `${field}.round.rulesVersion`, 1),
    },
    rules: rules(i.rules, `${field}.rules`),
    projects: array(i.projects, `${field}.projects`).map((item, n) => {
      const at = `${field}.projects.${n}`;
      const p = object(item, at, ['id', 'title', 'organization', 'community']);
      return {
        id: text(p.id, `${at}.id`),
        title: text(p.title, `${at}.title`),
        organization: text(p.organization, `${at}.organization`),
        community: text(p.community, `${at}.community`),
      };
    }),
    judges: array(i.judges, `${field}.judges`).map((item, n) => judge(item, `${field}.judges.${n}`)),
    sheets: array(i.sheets, `${field}.sheets`).map((item, n) => sheet(item, `${field}.sheets.${n}`)),
    recusals: array(i.recusals, `${field}.recusals`).map((item, n) => recusal(item, `${field}.recusals.${n}`)),
  };
}

/**
 * Reads an evaluation bundle: format and version must be this library's and the inputs well
 * formed; the published result is kept as found, for verification to compare field by field.
 */
export function parseEvaluationBundle(value: unknown): EvaluationBundle {
  const bundle = object(value, '', ['format', 'version', 'inputs', 'result']);
  if (bundle.format !== EVALUATION_BUNDLE_FORMAT) throw fail(`expected "${EVALUATION_BUNDLE_FORMAT}"`, 'format');
  if (bundle.version !== EVALUATION_BUNDLE_VERSION) {
    throw fail(
      `unsupported version ${JSON.stringify(bundle.version)}; this build reads version ${EVALUATION_BUNDLE_VERSION}`,
      'version',
    );
  }
  return {
    format: EVALUATION_BUNDLE_FORMAT,
    version: EVALUATION_BUNDLE_VERSION,
    inputs: parseEvaluationInputs(bundle.inputs),
    result: object(bundle.result, 'result') as unknown as EvaluationResult,
  };
}
