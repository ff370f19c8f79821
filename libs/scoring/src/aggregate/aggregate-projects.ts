import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { parseWeight, validatePolicy } from './aggregation-policy';
import type {
  AggregationInput,
  AggregationPolicy,
  AggregationResult,
  ComponentValue,
  DroppedScore,
  GateOutcome,
  GroupAggregate,
  Judge,
  NormalizationReport,
  ProjectAggregate,
} from './aggregation.types';
import { combineSorted, medianOfSorted, sortByUnitsThenSeat, type CombinedUnits } from './combine-units';
import {
  decimalPlaces,
  formatUnits,
  pow10,
  roundToPlaces,
  roundUnitsRatio,
  toUnits,
  unitsRatio,
} from './decimal-units';
import { compileRubric, sheetTotalUnits, type CompiledRubric } from './rubric';
import { NORMALIZED_DECIMALS, zScoreNormalize, type JudgeTotals } from './z-score';

/** Shared by every result that has nothing to list; frozen, so no caller can fill it. */
const NONE: readonly never[] = Object.freeze([]);

/** The group every judge belongs to when the policy names no groups. */
export const WHOLE_PANEL = 'panel';

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function seatOrder(a: Judge, b: Judge): number {
  const seatA = a.seat ?? Number.POSITIVE_INFINITY;
  const seatB = b.seat ?? Number.POSITIVE_INFINITY;
  return seatA === seatB ? codeUnitOrder(a.id, b.id) : seatA < seatB ? -1 : 1;
}

function sheetField(sheet: number): string {
  return `sheets.${sheet}.marks`;
}

function duplicate(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.DuplicateId, message, field);
}

function unknown(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.UnknownReference, message, field);
}

/** Judges in seat order; a judge's index in this order is also its seat rank. */
interface JudgeIndex {
  readonly ids: readonly string[];
  readonly groups: Int32Array;
  readonly byId: ReadonlyMap<string, number>;
}

function indexJudges(judges: readonly Judge[], groupNames: readonly string[], grouped: boolean): JudgeIndex {
  const inputIndex = new Map<string, number>();
  judges.forEach((judge, i) => {
    if (typeof judge.id !== 'string' || judge.id === '') {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'judge id is empty', `judges.${i}.id`);
    }
    if (inputIndex.has(judge.id)) throw duplicate(`judge "${judge.id}" listed twice`, `judges.${i}.id`);
    if (judge.seat !== undefined && !Number.isFinite(judge.seat)) {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'seat must be a finite number', `judges.${i}.seat`);
    }
    inputIndex.set(judge.id, i);
  });
  const sorted = [...judges].sort(seatOrder);
  const groups = new Int32Array(sorted.length);
  const byId = new Map<string, number>();
  sorted.forEach((judge, order) => {
    byId.set(judge.id, order);
    if (!grouped) return;
    const group = judge.group === undefined ? -1 : groupNames.indexOf(judge.group);
    if (group < 0) {
      throw unknown(
        `judge "${judge.id}" is in group "${judge.group ?? ''}", which the policy does not weight`,
        `judges[${inputIndex.get(judge.id) ?? -1}].group`,
      );
    }
    groups[order] = group;
  });
  return { ids: sorted.map((judge) => judge.id), groups, byId };
}

/**
 * Everything known about the sheets, in flat typed arrays: 10,000 projects × 15 judges is 150,000
 * sheets, and one object per sheet costs more than the arithmetic.
 */
interface SheetTable {
  readonly project: Int32Array;
  readonly judge: Int32Array;
  readonly total: Float64Array;
  /** Units that are combined: the raw total, or the normalized total at 10^-6. */
  readonly combined: Float64Array;
  readonly counted: Uint8Array;
  /** Sheet indices grouped by project: project p owns byProject[start[p] .. start[p + 1]). */
  readonly byProject: Int32Array;
  readonly start: Int32Array;
  readonly criterionSums: Float64Array;
  readonly gatePasses: Int32Array;
}

function readSheets(
  input: AggregationInput,
  rubric: CompiledRubric,
  judges: JudgeIndex,
  projects: ReadonlyMap<string, number>,
): SheetTable {
  const sheets = input.sheets;
  const count = sheets.length;
  const projectCount = input.projects.length;
  const judgeCount = judges.ids.length;
  const recused = new Set<number>();
  (input.recusals ?? []).forEach((recusal, i) => {
    const p = projects.get(recusal.projectId);
    const j = judges.byId.get(recusal.judgeId);
    if (p === undefined) throw unknown(`no project "${recusal.projectId}"`, `recusals.${i}.projectId`);
    if (j === undefined) throw unknown(`no judge "${recusal.judgeId}"`, `recusals.${i}.judgeId`);
    recused.add(p * judgeCount + j);
  });
  const criterionCount = rubric.keys.length;
  const gateCount = rubric.gateKeys.length;
  const table: SheetTable = {
    project: new Int32Array(count),
    judge: new Int32Array(count),
    total: new Float64Array(count),
    combined: new Float64Array(count),
    counted: new Uint8Array(count),
    byProject: new Int32Array(count),
    start: new Int32Array(projectCount + 1),
    criterionSums: new Float64Array(projectCount * criterionCount),
    gatePasses: new Int32Array(projectCount * gateCount),
  };
  const markUnits = new Array<number>(criterionCount).fill(0);
  // Sheets usually arrive grouped by project, so the last lookup is reused while the id repeats.
  let lastProjectId: string | undefined;
  let lastProject: number | undefined;
  for (let s = 0; s < count; s += 1) {
    const sheet = sheets[s];
    const p = sheet.projectId === lastProjectId ? lastProject : projects.get(sheet.projectId);
    lastProjectId = sheet.projectId;
    lastProject = p;
    const j = judges.byId.get(sheet.judgeId);
    if (p === undefined) throw unknown(`no project "${sheet.projectId}"`, `sheets.${s}.projectId`);
    if (j === undefined) throw unknown(`no judge "${sheet.judgeId}"`, `sheets.${s}.judgeId`);
    const total = sheetTotalUnits(rubric, sheet.marks, sheetField, s, markUnits);
    table.project[s] = p;
    table.judge[s] = j;
    table.total[s] = total;
    table.combined[s] = total;
    table.start[p + 1] += 1;
    if (recused.size > 0 && recused.has(p * judgeCount + j)) continue;
    table.counted[s] = 1;
    const base = p * criterionCount;
    for (let c = 0; c < criterionCount; c += 1) table.criterionSums[base + c] += markUnits[c];
    for (let g = 0; g < gateCount; g += 1) {
      const key = rubric.gateKeys[g];
      const value = sheet.gates?.[key];
      if (typeof value !== 'boolean') {
        throw new ScoringError(
          ScoringErrorCode.MissingCriterion,
          `gate "${key}" needs pass (true) or fail (false)`,
          `sheets.${s}.gates.${key}`,
        );
      }
      if (value) table.gatePasses[p * gateCount + g] += 1;
    }
  }
  for (let p = 0; p < projectCount; p += 1) table.start[p + 1] += table.start[p];
  const fill = table.start.slice(0, projectCount);
  for (let s = 0; s < count; s += 1) table.byProject[fill[table.project[s]]++] = s;
  return table;
}

function normalize(
  policy: AggregationPolicy,
  rubric: CompiledRubric,
  judges: JudgeIndex,
  table: SheetTable,
  projectOrder: readonly number[],
): NormalizationReport | undefined {
  const normalization = policy.normalization;
  if (!normalization || normalization.kind === 'none') return undefined;
  // Each judge's totals in project-id order, so the outcome never depends on input order.
  const perJudge: number[][] = judges.ids.map(() => []);
  for (const p of projectOrder) {
    for (let i = table.start[p]; i < table.start[p + 1]; i += 1) {
      const s = table.byProject[i];
      if (table.counted[s] === 1) perJudge[table.judge[s]].push(s);
    }
  }
  const totals: JudgeTotals[] = judges.ids.map((judgeId, j) => ({
    judgeId,
    totals: perJudge[j].map((s) => table.total[s]),
  }));
  const outcome = zScoreNormalize(totals, rubric.totalDecimals, rubric.maxTotalUnits, normalization);
  perJudge.forEach((sheets, j) => sheets.forEach((s, i) => (table.combined[s] = outcome.normalized[j][i])));
  const report = outcome.report;
  // Report judges by id, like every other list in the result.
  return { ...report, judges: [...report.judges].sort((a, b) => codeUnitOrder(a.judgeId, b.judgeId)) };
}

interface Context {
  readonly input: AggregationInput;
  readonly policy: AggregationPolicy;
  readonly rubric: CompiledRubric;
  readonly judges: JudgeIndex;
  readonly table: SheetTable;
  readonly groupNames: readonly string[];
  readonly groupWeights: readonly Rational[];
  /** Group weights as integers over one common power of ten. */
  readonly groupWeightUnits: readonly number[];
  /** Per component, its weight, or its cap when it is a bonus. */
  readonly componentWeights: readonly Rational[];
  readonly grouped: boolean;
  /** Decimal places of the combined units (raw totals, or 6 when normalized). */
  readonly places: number;
  readonly minJudges: number;
  /** Judge seat rank per sheet, for ordering equal marks. */
  readonly sheetOrder: Int32Array;
  readonly seated: Int32Array;
  readonly counted: Int32Array;
  readonly members: Int32Array;
}

function droppedScores(
  context: Context,
  index: Int32Array,
  from: number,
  to: number,
  reverse: boolean,
): DroppedScore[] {
  const out: DroppedScore[] = [];
  for (let i = from; i < to; i += 1) {
    const s = index[i];
    out.push({
      judgeId: context.judges.ids[context.table.judge[s]],
      score: formatUnits(context.table.combined[s], context.places),
    });
  }
  return reverse ? out.reverse() : out;
}

function groupAggregate(
  context: Context,
  group: string,
  weight: Rational,
  combined: CombinedUnits,
  index: Int32Array,
  count: number,
): GroupAggregate {
  const k = combined.dropped;
  return {
    group,
    weight,
    value: unitsRatio(combined.numerator, combined.divisor, context.places),
    method: combined.method,
    fellBackToMean: combined.fellBackToMean,
    judgeCount: count,
    droppedLow: k === 0 ? NONE : droppedScores(context, index, 0, k, false),
    droppedHigh: k === 0 ? NONE : droppedScores(context, index, count - k, count, true),
  };
}

function leastCommonMultiple(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

function aggregateProject(context: Context, p: number): ProjectAggregate {
  const { input, policy, rubric, judges, table, seated, counted, members } = context;
  const source = input.projects[p];
  const field = `projects.${p}`;
  const start = table.start[p];
  const size = table.start[p + 1] - start;

  // Seat order first: it finds a judge's second sheet and lists recused judges in seat order.
  for (let i = 0; i < size; i += 1) seated[i] = table.byProject[start + i];
  sortByUnitsThenSeat(seated, size, context.sheetOrder, context.sheetOrder);
  let recused: string[] | undefined;
  let countedSize = 0;
  for (let i = 0; i < size; i += 1) {
    const s = seated[i];
    if (i > 0 && table.judge[seated[i - 1]] === table.judge[s]) {
      throw duplicate(`judge "${judges.ids[table.judge[s]]}" has two sheets for project "${source.id}"`, `sheets.${s}`);
    }
    if (table.counted[s] === 1) counted[countedSize++] = s;
    else (recused ??= []).push(judges.ids[table.judge[s]]);
  }
  if (countedSize < context.minJudges) {
    throw new ScoringError(
      ScoringErrorCode.NotEnoughJudges,
      `project "${source.id}" has ${countedSize} non-recused score sheets, fewer than ${context.minJudges}`,
      field,
    );
  }
  sortByUnitsThenSeat(counted, countedSize, table.combined, context.sheetOrder);

  const groups: GroupAggregate[] = [];
  let missingGroups: string[] | undefined;
  let simpleRounding: { rounded: Rational; display: string } | undefined;
  let panel: Rational;
  if (!context.grouped) {
    const combined = combineSorted(table.combined, counted, countedSize, policy.method, field);
    const whole = groupAggregate(context, WHOLE_PANEL, Rational.ONE, combined, counted, countedSize);
    if (!policy.components) {
      simpleRounding = roundUnitsRatio(combined.numerator, combined.divisor, context.places, policy.decimals);
    }
    groups.push(whole);
    panel = whole.value;
  } else {
    // Σ w·(numerator / divisor) over a common divisor in bigint, reduced once: the weighted mix
    // costs one gcd instead of one per group.
    let commonDivisor = 1;
    let weightUnits = 0;
    const mixed: { weightUnits: number; numerator: number; divisor: number }[] = [];
    context.groupNames.forEach((group, g) => {
      let size = 0;
      for (let i = 0; i < countedSize; i += 1) {
        const s = counted[i];
        if (judges.groups[table.judge[s]] === g) members[size++] = s;
      }
      if (size === 0) {
        if (policy.missingGroup === 'error') {
          throw new ScoringError(
            ScoringErrorCode.NotEnoughJudges,
            `no judge of group "${group}" scored project "${source.id}"`,
            field,
          );
        }
        (missingGroups ??= []).push(group);
        return;
      }
      const combined = combineSorted(table.combined, members, size, policy.method, `${field}.groups.${group}`);
      groups.push(groupAggregate(context, group, context.groupWeights[g], combined, members, size));
      commonDivisor = leastCommonMultiple(commonDivisor, combined.divisor);
      weightUnits += context.groupWeightUnits[g];
      mixed.push({
        weightUnits: context.groupWeightUnits[g],
        numerator: combined.numerator,
        divisor: combined.divisor,
      });
    });
    if (weightUnits === 0) {
      throw new ScoringError(
        ScoringErrorCode.InvalidWeights,
        `the groups that scored project "${source.id}" all have weight 0`,
        field,
      );
    }
    let weighted = 0n;
    for (const part of mixed) {
      weighted += BigInt(part.weightUnits) * BigInt(part.numerator) * BigInt(commonDivisor / part.divisor);
    }
    panel = Rational.of(weighted, BigInt(commonDivisor) * BigInt(pow10(context.places)) * BigInt(weightUnits));
  }

  let components: readonly ComponentValue[] = NONE;
  let exact = panel;
  if (policy.components) {
    const parts: ComponentValue[] = [];
    components = parts;
    // Unreduced running fraction; Rational.of reduces it once at the end.
    let num = 0n;
    let den = 1n;
    policy.components.forEach((component, c) => {
      let value = panel;
      if (component.source === 'input') {
        const raw = source.components?.[component.key];
        if (raw === undefined) {
          throw new ScoringError(
            ScoringErrorCode.MissingComponent,
            `project "${source.id}" has no value for component "${component.key}"`,
            `${field}.components.${component.key}`,
          );
        }
        value = Rational.from(raw, `${field}.components.${component.key}`);
      }
      const bonus = component.bonusCap !== undefined;
      const factor = context.componentWeights[c];
      const weight = bonus ? Rational.ONE : factor;
      const points = bonus ? (value.gt(factor) ? factor : value) : weight.mul(value);
      num = num * points.den + points.num * den;
      den *= points.den;
      parts.push({ key: component.key, kind: bonus ? 'bonus' : 'weighted', weight, value, points });
    });
    exact = Rational.of(num, den);
  }

  const median = medianOfSorted(table.combined, counted, countedSize, field);
  const criterionCount = rubric.keys.length;
  const criterionScale = pow10(rubric.markDecimals);
  const criterionSums = new Array<number>(criterionCount);
  for (let c = 0; c < criterionCount; c += 1) {
    criterionSums[c] = table.criterionSums[p * criterionCount + c] / criterionScale;
  }
  const gateBase = p * rubric.gateKeys.length;
  const gates: readonly GateOutcome[] =
    rubric.gateKeys.length === 0
      ? NONE
      : rubric.gateKeys.map((key, g) => {
          const passCount = table.gatePasses[gateBase + g];
          const passed = policy.gateRule === 'unanimous' ? passCount === countedSize : 2 * passCount > countedSize;
          return { key, passCount, judgeCount: countedSize, passed };
        });
  const { rounded, display } = simpleRounding ?? roundToPlaces(exact, policy.decimals);
  return {
    projectId: source.id,
    exact,
    rounded,
    display,
    panel,
    groups,
    missingGroups: missingGroups ?? NONE,
    components,
    median: unitsRatio(median.numerator, median.divisor, context.places),
    criterionKeys: rubric.keys,
    criterionSums,
    gates,
    gatesPassed: gates.every((gate) => gate.passed),
    judgeCount: countedSize,
    recused: recused ?? NONE,
  };
}

function weightUnitsOf(policy: AggregationPolicy): number[] {
  const groups = policy.groups ?? [{ group: WHOLE_PANEL, weight: 1 }];
  const places = groups.reduce((max, g, i) => Math.max(max, decimalPlaces(g.weight, `groups.${i}.weight`)), 0);
  return groups.map((g, i) => toUnits(g.weight, places, `groups.${i}.weight`));
}

/**
 * Aggregates every project of a competition under one policy: judges' rubric totals, optional
 * per-judge z-score normalization, the combine method within each judge group, the weighted mix of
 * groups, the weighted sum of components, and one half-up rounding at the end.
 * Invariants: recused judges never count; the result does not depend on the order of judges,
 * projects, sheets or recusals; the same input and policy give an identical result; no
 * floating-point value enters a score; projects come back ordered by id.
 */
export function aggregateProjects(input: AggregationInput, policy: AggregationPolicy): AggregationResult {
  validatePolicy(policy);
  const rubric = compileRubric(input.rubric);
  const grouped = policy.groups !== undefined;
  const groupNames = policy.groups ? policy.groups.map((g) => g.group) : [WHOLE_PANEL];
  const groupWeights = policy.groups
    ? policy.groups.map((g, i) => parseWeight(g.weight, `groups.${i}.weight`))
    : [Rational.ONE];
  const componentWeights = (policy.components ?? []).map((c, i) =>
    c.bonusCap !== undefined
      ? parseWeight(c.bonusCap, `components.${i}.bonusCap`)
      : parseWeight(c.weight ?? 0, `components.${i}.weight`),
  );
  const judges = indexJudges(input.judges, groupNames, grouped);

  const projectIndex = new Map<string, number>();
  input.projects.forEach((project, i) => {
    if (typeof project.id !== 'string' || project.id === '') {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'project id is empty', `projects.${i}.id`);
    }
    if (projectIndex.has(project.id)) throw duplicate(`project "${project.id}" listed twice`, `projects.${i}.id`);
    projectIndex.set(project.id, i);
  });
  // The default sort compares strings by UTF-16 code units, natively, without a JS comparator.
  const projectOrder = input.projects
    .map((project) => project.id)
    .sort()
    .map((id) => projectIndex.get(id) ?? -1);
  const table = readSheets(input, rubric, judges, projectIndex);
  const report = normalize(policy, rubric, judges, table, projectOrder);

  let largest = 0;
  for (let p = 0; p < input.projects.length; p += 1) largest = Math.max(largest, table.start[p + 1] - table.start[p]);
  const context: Context = {
    input,
    policy,
    rubric,
    judges,
    table,
    groupNames,
    groupWeights,
    groupWeightUnits: weightUnitsOf(policy),
    componentWeights,
    grouped,
    places: report ? NORMALIZED_DECIMALS : rubric.totalDecimals,
    minJudges: policy.minJudgesPerProject ?? 1,
    sheetOrder: table.judge,
    seated: new Int32Array(largest),
    counted: new Int32Array(largest),
    members: new Int32Array(largest),
  };
  const projects = projectOrder.map((p) => aggregateProject(context, p));
  return report
    ? { projects, normalization: report, decimals: policy.decimals }
    : { projects, decimals: policy.decimals };
}
