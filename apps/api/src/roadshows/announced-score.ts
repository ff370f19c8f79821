import { CompetitionRules, JudgeGroup } from '@app/domain';
import { Rational, aggregateProjects, rubricTotal } from '@app/scoring';
import { aggregationPolicyOf, scoringRubricOf } from './competition-scoring';

export interface PanelJudge {
  readonly id: string;
  readonly name: string;
  readonly group: JudgeGroup;
  /** Order on the panel (order of appointment): decides which of equal extreme totals is dropped. */
  readonly seat: number;
}

export interface SubmittedSheet {
  readonly judgeId: string;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
}

export interface SlotScoring {
  readonly rules: CompetitionRules;
  readonly submissionId: string;
  /** The whole panel of the roadshow. */
  readonly judges: readonly PanelJudge[];
  readonly sheets: readonly SubmittedSheet[];
  /** Judges recused from this submission; their sheets, if any, never count. */
  readonly recusedJudgeIds: readonly string[];
}

export type DropMark = 'high' | 'low' | null;

export interface JudgeTotal {
  readonly judgeId: string;
  readonly name: string;
  readonly group: JudgeGroup;
  readonly total: string;
  readonly dropped: DropMark;
  readonly recused: boolean;
}

export interface GroupResult {
  readonly group: string;
  readonly weight: string;
  /** Exact value: decimal text when it terminates, else "numerator/denominator". */
  readonly value: string;
  /** The value rounded half-up to the rules' decimals, for display only. */
  readonly display: string;
  readonly method: string;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
}

/** Stored with the locked slot: everything needed to explain (and recompute) the announced score. */
export interface AnnouncedBreakdown {
  readonly announcedScore: string;
  /** The unrounded score, "numerator/denominator" or an exact decimal. */
  readonly exact: string;
  readonly decimals: number;
  readonly method: string;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
  readonly judges: readonly JudgeTotal[];
  readonly groups: readonly GroupResult[];
  readonly missingGroups: readonly string[];
  readonly notSubmittedJudgeIds: readonly string[];
  readonly median: string;
  /** Mean mark per criterion over counted judges: the rules' criterion tie-breaks read it. */
  readonly criterionMeans: Readonly<Record<string, string>>;
  readonly gates: readonly { key: string; passCount: number; judgeCount: number; passed: boolean }[];
  readonly gatesPassed: boolean;
}

/** What the big screen and the live stream show: totals and dropped marks, no judge names. */
export interface PublicBreakdown {
  readonly announcedScore: string;
  readonly method: string;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
  readonly totals: readonly { total: string; group: string; dropped: DropMark }[];
  readonly groups: readonly { group: string; weight: string; display: string; judgeCount: number }[];
  readonly gatesPassed: boolean;
}

function exactText(value: Rational): string {
  return value.terminatingPlaces() === undefined ? value.toString() : value.toDecimalString();
}

/**
 * The announced score of one slot, computed by libs/scoring's aggregateProjects with the
 * competition's rubric and aggregation rule (e.g. drop the highest and lowest, average the rest,
 * round half-up once to 2 decimals). Recused judges are passed as recusals, so the engine itself
 * leaves them out; judges who did not submit are listed, not guessed.
 */
export function announceSlot(input: SlotScoring): AnnouncedBreakdown {
  const { rules } = input;
  const { rubric, compiled } = scoringRubricOf(rules);
  const totalDecimals = compiled.totalDecimals;
  const policy = aggregationPolicyOf(rules);
  const recused = new Set(input.recusedJudgeIds);
  const byId = new Map(input.judges.map((judge) => [judge.id, judge]));
  const scored = input.sheets.map((sheet) => {
    const judge = byId.get(sheet.judgeId);
    if (!judge) throw new Error(`sheet of judge ${sheet.judgeId}, who is not on the panel`);
    return { judge, sheet };
  });

  const result = aggregateProjects(
    {
      rubric,
      judges: scored.map(({ judge }) => ({ id: judge.id, group: judge.group, seat: judge.seat })),
      projects: [{ id: input.submissionId }],
      sheets: scored.map(({ sheet }) => ({
        projectId: input.submissionId,
        judgeId: sheet.judgeId,
        marks: sheet.criteria,
        gates: sheet.gates,
      })),
      recusals: scored
        .filter(({ judge }) => recused.has(judge.id))
        .map(({ judge }) => ({ projectId: input.submissionId, judgeId: judge.id })),
    },
    policy,
  );
  const project = result.projects[0];

  const dropped = new Map<string, DropMark>();
  for (const group of project.groups) {
    for (const score of group.droppedHigh) dropped.set(score.judgeId, 'high');
    for (const score of group.droppedLow) dropped.set(score.judgeId, 'low');
  }
  const judges: JudgeTotal[] = scored
    .map(({ judge, sheet }) => ({
      judgeId: judge.id,
      name: judge.name,
      group: judge.group,
      total: rubricTotal(compiled, sheet.criteria).toDecimalString(totalDecimals),
      dropped: dropped.get(judge.id) ?? null,
      recused: recused.has(judge.id),
      seat: judge.seat,
    }))
    .sort((a, b) => a.seat - b.seat)
    .map(({ seat: _seat, ...judge }) => judge);
  const submitted = new Set(input.sheets.map((sheet) => sheet.judgeId));
  const groups: GroupResult[] = project.groups.map((group) => ({
    group: group.group,
    weight: exactText(group.weight),
    value: exactText(group.value),
    display: group.value.toDecimalString(rules.aggregation.decimals),
    method: group.method,
    fellBackToMean: group.fellBackToMean,
    judgeCount: group.judgeCount,
  }));
  const criterionMeans: Record<string, string> = {};
  project.criterionKeys.forEach((key, c) => {
    criterionMeans[key] = exactText(Rational.from(project.criterionSums[c]).div(Rational.of(project.judgeCount)));
  });
  return {
    announcedScore: project.display,
    exact: exactText(project.exact),
    decimals: result.decimals,
    method: project.groups.length === 1 ? project.groups[0].method : 'weighted-groups',
    fellBackToMean: project.groups.some((group) => group.fellBackToMean),
    judgeCount: project.judgeCount,
    judges,
    groups,
    missingGroups: project.missingGroups,
    notSubmittedJudgeIds: input.judges
      .filter((judge) => !recused.has(judge.id) && !submitted.has(judge.id))
      .map((judge) => judge.id),
    median: exactText(project.median),
    criterionMeans,
    gates: project.gates.map((gate) => ({ ...gate })),
    gatesPassed: project.gatesPassed,
  };
}

export function publicBreakdownOf(breakdown: AnnouncedBreakdown): PublicBreakdown {
  return {
    announcedScore: breakdown.announcedScore,
    method: breakdown.method,
    fellBackToMean: breakdown.fellBackToMean,
    judgeCount: breakdown.judgeCount,
    totals: breakdown.judges
      .filter((judge) => !judge.recused)
      .map((judge) => ({ total: judge.total, group: judge.group, dropped: judge.dropped }))
      .sort((a, b) => Rational.parse(b.total).compare(Rational.parse(a.total))),
    groups: breakdown.groups.map((group) => ({
      group: group.group,
      weight: group.weight,
      display: group.display,
      judgeCount: group.judgeCount,
    })),
    gatesPassed: breakdown.gatesPassed,
  };
}

/** Parses an exact text written by announceSlot back into a Rational. */
export function parseExact(text: string): Rational {
  const [num, den] = text.split('/');
  return den === undefined ? Rational.parse(num) : Rational.of(BigInt(num), BigInt(den));
}
