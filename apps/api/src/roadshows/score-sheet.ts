import { MARK_DECIMALS, Rational, rubricTotal } from '@app/scoring';
import { FieldProblem, RequestValidationError } from '../common/validation-error';
import { PanelRules, scoringRubricOf } from './competition-scoring';

/** A judge's marks as validated against the rubric; keys in rubric order. */
export interface ScoreSheet {
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
  readonly comment: string | null;
  /** Σ weight × mark, exact, with the rubric's fixed number of decimals. */
  readonly total: string;
}

export interface ScoreSheetInput {
  readonly criteria: unknown;
  readonly gates?: unknown;
  readonly comment?: string | null;
}

const DECIMAL = /^-?\d{1,9}(?:\.(\d+))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How a criterion reads in a message: its label, never its key (the problem's field names the key). */
interface Named {
  readonly labelZh: string;
  readonly labelEn: string;
}

function criterionProblem(criterion: Named, value: unknown, maxPoints: string): FieldProblem['message'] | undefined {
  const { labelZh: zh, labelEn: en } = criterion;
  if (value === undefined || value === null) {
    return { zh: `请为“${zh}”打分`, en: `a mark for "${en}" is required` };
  }
  if (typeof value !== 'string') {
    return {
      zh: `“${zh}”的分数须以文本形式的数字给出，例如 "18.5"`,
      en: `the mark for "${en}" must be a decimal written as text, such as "18.5"`,
    };
  }
  const match = DECIMAL.exec(value);
  if (!match) {
    return { zh: `“${zh}”的分数不是有效的数字："${value}"`, en: `the mark for "${en}" is not a number: "${value}"` };
  }
  if ((match[1]?.length ?? 0) > MARK_DECIMALS) {
    return {
      zh: `“${zh}”的分数最多保留 ${MARK_DECIMALS} 位小数`,
      en: `the mark for "${en}" must have at most ${MARK_DECIMALS} decimal places`,
    };
  }
  const mark = Rational.parse(value);
  if (mark.isNegative() || mark.gt(Rational.parse(maxPoints))) {
    return {
      zh: `“${zh}”的分数须在 0 到 ${maxPoints} 分之间`,
      en: `the mark for "${en}" must be between 0 and ${maxPoints}`,
    };
  }
  return undefined;
}

/**
 * Checks a judge's (or an evaluator's) sheet against the panel's rubric and computes the total with
 * libs/scoring. Every criterion must be present as a decimal string within 0…maxPoints with at
 * most 2 decimals; every gate needs true or false; unknown keys are refused. All problems are
 * reported at once, each naming its field, so the tablet can mark every bad entry.
 */
export function readScoreSheet(rules: PanelRules, input: ScoreSheetInput): ScoreSheet {
  const problems: FieldProblem[] = [];
  const criteriaRules = rules.rubric.filter((criterion) => !criterion.gate);
  const gateRules = rules.rubric.filter((criterion) => criterion.gate);
  const marks = isRecord(input.criteria) ? input.criteria : {};
  const gateMarks = input.gates === undefined || input.gates === null ? {} : input.gates;

  const criteria: Record<string, string> = {};
  for (const criterion of criteriaRules) {
    const value = marks[criterion.key];
    const message = criterionProblem(criterion, value, criterion.maxPoints);
    if (message) problems.push({ field: `criteria.${criterion.key}`, message });
    else criteria[criterion.key] = value as string;
  }
  for (const key of Object.keys(marks)) {
    if (!criteriaRules.some((criterion) => criterion.key === key)) {
      problems.push({
        field: `criteria.${key}`,
        message: { zh: '本次评分细则中没有这一评分项', en: 'the rubric has no such criterion' },
      });
    }
  }

  const gates: Record<string, boolean> = {};
  if (!isRecord(gateMarks)) {
    problems.push({
      field: 'gates',
      message: { zh: '通过项须按项给出通过或不通过', en: 'the pass/fail criteria must be given one by one' },
    });
  } else {
    for (const gate of gateRules) {
      const value = gateMarks[gate.key];
      if (typeof value === 'boolean') gates[gate.key] = value;
      else {
        problems.push({
          field: `gates.${gate.key}`,
          message: {
            zh: `“${gate.labelZh}”需要选择通过或不通过`,
            en: `"${gate.labelEn}" needs pass or fail`,
          },
        });
      }
    }
    for (const key of Object.keys(gateMarks)) {
      if (!gateRules.some((gate) => gate.key === key)) {
        problems.push({
          field: `gates.${key}`,
          message: { zh: '本次评分细则中没有这一通过项', en: 'the rubric has no such pass/fail criterion' },
        });
      }
    }
  }
  if (problems.length > 0) throw new RequestValidationError(problems);

  const { compiled } = scoringRubricOf(rules);
  const total = rubricTotal(compiled, criteria).toDecimalString(compiled.totalDecimals);
  return { criteria, gates, comment: input.comment ?? null, total };
}

/** Stored marks back in rubric order: jsonb does not keep key order, and replies must be byte-identical. */
export function inRubricOrder<T>(
  rules: Pick<PanelRules, 'rubric'>,
  values: Readonly<Record<string, T>>,
): Record<string, T> {
  const ordered: Record<string, T> = {};
  for (const criterion of rules.rubric) {
    if (Object.hasOwn(values, criterion.key)) ordered[criterion.key] = values[criterion.key];
  }
  return ordered;
}
