import type { ProjectAggregate } from '../aggregate';
import { compileRubric, sheetTotalUnits } from '../aggregate/rubric';
import { Rational } from '../rational';
import { rubricOf } from './bundle-policies';
import type { BundleInputs, BundleRules, DropMark, ScoreBreakdown } from './bundle.types';

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a score breakdown reads: the panel's sheets under a rubric (a competition's or an evaluation's). */
export type BreakdownInputs = Pick<BundleInputs, 'judges' | 'sheets' | 'recusals'> & {
  readonly rules: Pick<BundleRules, 'rubric' | 'markDecimals'>;
};

/** Exact decimal text when the value terminates, else "numerator/denominator". */
export function exactText(value: Rational): string {
  return value.terminatingPlaces() === undefined ? value.toString() : value.toDecimalString();
}

/** Non-negative integer units of 10^-places as text with exactly `places` decimals ("8750", 2 → "87.50"). */
function fixedUnits(units: number, places: number): string {
  if (places === 0) return String(units);
  const digits = String(units).padStart(places + 1, '0');
  return `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}

export interface SheetTotal {
  readonly judgeId: string;
  readonly seat: number;
  readonly units: number;
  readonly counted: boolean;
}

/** Every sheet's total by project, in seat order, computed once for breakdowns and statistics. */
export function sheetTotals(inputs: BreakdownInputs): {
  readonly byProject: ReadonlyMap<string, readonly SheetTotal[]>;
  readonly totalDecimals: number;
} {
  const rubric = compileRubric(rubricOf(inputs.rules));
  const seats = new Map(inputs.judges.map((judge) => [judge.id, judge.seat]));
  const recused = new Set(inputs.recusals.map((recusal) => `${recusal.projectId}\u0000${recusal.judgeId}`));
  const byProject = new Map<string, SheetTotal[]>();
  inputs.sheets.forEach((sheet, s) => {
    const list = byProject.get(sheet.projectId) ?? [];
    list.push({
      judgeId: sheet.judgeId,
      seat: seats.get(sheet.judgeId) ?? Number.POSITIVE_INFINITY,
      units: sheetTotalUnits(rubric, sheet.marks, (i) => `sheets.${i}.marks`, s),
      counted: !recused.has(`${sheet.projectId}\u0000${sheet.judgeId}`),
    });
    byProject.set(sheet.projectId, list);
  });
  for (const list of byProject.values()) {
    list.sort((a, b) => (a.seat === b.seat ? codeUnitOrder(a.judgeId, b.judgeId) : a.seat - b.seat));
  }
  return { byProject, totalDecimals: rubric.totalDecimals };
}

export function scoreBreakdown(
  aggregate: ProjectAggregate,
  sheets: readonly SheetTotal[],
  totalDecimals: number,
  decimals: number,
): ScoreBreakdown {
  const dropped = new Map<string, DropMark>();
  for (const group of aggregate.groups) {
    for (const score of group.droppedHigh) dropped.set(score.judgeId, 'high');
    for (const score of group.droppedLow) dropped.set(score.judgeId, 'low');
  }
  const criterionMeans: Record<string, string> = {};
  aggregate.criterionKeys.forEach((key, c) => {
    criterionMeans[key] = exactText(Rational.from(aggregate.criterionSums[c]).div(Rational.of(aggregate.judgeCount)));
  });
  return {
    exact: exactText(aggregate.exact),
    median: exactText(aggregate.median),
    decimals,
    method: aggregate.groups.length === 1 ? aggregate.groups[0].method : 'weighted-groups',
    fellBackToMean: aggregate.groups.some((group) => group.fellBackToMean),
    judgeCount: aggregate.judgeCount,
    judges: sheets
      .filter((sheet) => sheet.counted)
      .map((sheet) => ({
        judgeId: sheet.judgeId,
        total: fixedUnits(sheet.units, totalDecimals),
        dropped: dropped.get(sheet.judgeId) ?? null,
      })),
    recused: [...aggregate.recused],
    groups: aggregate.groups.map((group) => ({
      group: group.group,
      weight: exactText(group.weight),
      value: exactText(group.value),
      method: group.method,
      fellBackToMean: group.fellBackToMean,
      judgeCount: group.judgeCount,
    })),
    missingGroups: [...aggregate.missingGroups],
    criterionMeans,
    gates: aggregate.gates.map((gate) => ({
      key: gate.key,
      passCount: gate.passCount,
      judgeCount: gate.judgeCount,
      passed: gate.passed,
    })),
    gatesPassed: aggregate.gatesPassed,
    ...(aggregate.components.length > 0
      ? {
          components: aggregate.components.map((part) => ({
            key: part.key,
            kind: part.kind,
            weight: exactText(part.weight),
            value: exactText(part.value),
            points: exactText(part.points),
          })),
        }
      : {}),
  };
}
