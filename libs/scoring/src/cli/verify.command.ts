import { yuanFigure } from '../yuan-text';
import { computeResult, diffJson, parseResultBundle, type FieldDifference } from '../bundle';
import { computeEvaluation, EVALUATION_BUNDLE_FORMAT, parseEvaluationBundle } from '../evaluation';
import { UsageError, type Command } from './command';
import { sha256Hex } from './sha256';

export const VERIFY_USAGE = `用法 / usage: npm run --silent scoring -- verify BUNDLE.json
  Recomputes the result from the bundle's inputs with libs/scoring and compares it, field by field,
  with the bundle's published result (format gongyi-chuangtou/result-bundle or
  gongyi-chuangtou/evaluation-bundle, version 1).
  exit 0: "OK: N projects, total ¥X" (an evaluation: "OK: N projects evaluated") — the published
          result is what the inputs give
  exit 1: one line per differing field: path, expected (recomputed) and found (published)
  exit 2: the file cannot be read, is not JSON, or is not a well-formed bundle`;

/** Longest value text printed per side of a difference; a whole breakdown would drown the line. */
const MAX_VALUE_CHARS = 120;

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** Names the project a difference under result.projects.N belongs to, so an auditor can find it. */
function describe(difference: FieldDifference, projects: readonly unknown[]): string {
  const match = /^result\.projects\.(\d+)\./.exec(difference.path);
  const project = match ? (projects[Number(match[1])] as { projectId?: unknown } | undefined) : undefined;
  const which = typeof project?.projectId === 'string' ? ` (project ${project.projectId})` : '';
  return `${difference.path}${which}: expected ${show(difference.expected)}, found ${show(difference.found)}`;
}

/**
 * `verify BUNDLE.json`: the auditors' check that a published result follows from its inputs.
 * Invariants: exit 0 exactly when the recomputed result equals the published one as JSON data
 * (key order aside), the input hash included; otherwise every differing field is listed.
 */
export const verifyCommand: Command = ({ args, readFile }) => {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${VERIFY_USAGE}\n`, exitCode: 0 };
  if (args.length !== 1) throw new UsageError(`verify takes one bundle file\n${VERIFY_USAGE}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(args[0]));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new UsageError(`${args[0]} is not valid JSON: ${error.message}`);
  }
  const isEvaluation =
    typeof parsed === 'object' &&
    parsed !== null &&
    (parsed as { format?: unknown }).format === EVALUATION_BUNDLE_FORMAT;
  let differences: FieldDifference[];
  let ok: string;
  let published: unknown;
  if (isEvaluation) {
    const bundle = parseEvaluationBundle(parsed);
    const recomputed = computeEvaluation(bundle.inputs, sha256Hex);
    differences = diffJson(recomputed, bundle.result, 'result');
    ok = `OK: ${recomputed.projects.length} projects evaluated`;
    published = bundle.result.projects;
  } else {
    const bundle = parseResultBundle(parsed);
    const recomputed = computeResult(bundle.inputs, sha256Hex, bundle.version);
    differences = diffJson(recomputed, bundle.result, 'result');
    ok = `OK: ${recomputed.projects.length} projects, total ${yuanFigure(recomputed.totalFen)}`;
    published = bundle.result.projects;
  }
  if (differences.length === 0) return { stdout: `${ok}\n`, exitCode: 0 };
  const lines = differences.map((difference) => describe(difference, Array.isArray(published) ? published : []));
  return {
    stdout: `MISMATCH: ${differences.length} field(s) differ from the recomputed result\n${lines.join('\n')}\n`,
    exitCode: 1,
  };
};
