import type { ProjectTieBreak } from '../rank';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/**
 * The tie-breaks a competition's rules may list after the published score, by the names the rules
 * use; `criterion:<key>` (higher mean mark on a scored criterion) is the only other form.
 */
export const NAMED_TIE_BREAKS = ['median', 'exact-score', 'lower-request', 'earlier-submission'] as const;
export type NamedTieBreak = (typeof NAMED_TIE_BREAKS)[number];
export const CRITERION_TIE_BREAK_PREFIX = 'criterion:';

export interface TieBreakLabel {
  readonly zh: string;
  readonly en: string;
}

interface TieBreakMeaning {
  readonly tieBreak: ProjectTieBreak;
  readonly prefer: 'higher' | 'lower';
  readonly label: TieBreakLabel;
}

/** How people read each named tie-break, in the order they are offered. */
export const NAMED_TIE_BREAK_LABELS: Readonly<Record<NamedTieBreak, TieBreakLabel>> = {
  median: { zh: '评委总分中位数高者优先', en: 'higher median of judges' },
  'exact-score': { zh: '未四舍五入的总分高者优先', en: 'higher unrounded score' },
  'lower-request': { zh: '申请金额低者优先', en: 'lower requested amount' },
  'earlier-submission': { zh: '提交时间早者优先', en: 'earlier submission' },
};

/** How people read a criterion's tie-break; `{criterion}` stands for the criterion's label. */
export const CRITERION_TIE_BREAK_LABEL: TieBreakLabel = {
  zh: '“{criterion}”项平均分高者优先',
  en: 'higher mean mark on "{criterion}"',
};

const NAMED: Readonly<Record<NamedTieBreak, TieBreakMeaning>> = {
  median: { tieBreak: { kind: 'median' }, prefer: 'higher', label: NAMED_TIE_BREAK_LABELS.median },
  'exact-score': { tieBreak: { kind: 'exact-score' }, prefer: 'higher', label: NAMED_TIE_BREAK_LABELS['exact-score'] },
  'lower-request': {
    tieBreak: { kind: 'requested-amount' },
    prefer: 'lower',
    label: NAMED_TIE_BREAK_LABELS['lower-request'],
  },
  'earlier-submission': {
    tieBreak: { kind: 'submitted-at' },
    prefer: 'lower',
    label: NAMED_TIE_BREAK_LABELS['earlier-submission'],
  },
};

/** The label of a named tie-break, by the engine's kind (what rankProjects reports). */
export function namedTieBreakLabel(kind: Exclude<ProjectTieBreak['kind'], 'criterion' | 'fact'>): TieBreakLabel {
  const found = Object.values(NAMED).find((meaning) => meaning.tieBreak.kind === kind);
  return (found ?? NAMED.median).label;
}

export function criterionTieBreakLabel(criterion: {
  readonly labelZh: string;
  readonly labelEn: string;
}): TieBreakLabel {
  return {
    zh: CRITERION_TIE_BREAK_LABEL.zh.replace('{criterion}', criterion.labelZh),
    en: CRITERION_TIE_BREAK_LABEL.en.replace('{criterion}', criterion.labelEn),
  };
}

/** A criterion a tie-break may name: a scored one (gates never break ties). */
export interface TieBreakCriterion {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly gate?: boolean;
}

/** One of the rules' tie-breaks, as the engine reads it and as people read it. */
export interface ResolvedTieBreak {
  readonly name: string;
  readonly tieBreak: ProjectTieBreak;
  readonly prefer: 'higher' | 'lower';
  readonly label: TieBreakLabel;
}

/** Every name the rules may list for this rubric, in the order people are offered them. */
export function allowedTieBreaks(rubric: readonly TieBreakCriterion[]): string[] {
  return [
    ...NAMED_TIE_BREAKS,
    ...rubric
      .filter((criterion) => !criterion.gate)
      .map((criterion) => `${CRITERION_TIE_BREAK_PREFIX}${criterion.key}`),
  ];
}

/**
 * Reads one tie-break name of the rules; `field` names it in the refusal. The rules validator, the
 * roadshow's running ranking and every ranking run read names through here, so they cannot disagree.
 */
export function resolveTieBreak(name: string, rubric: readonly TieBreakCriterion[], field: string): ResolvedTieBreak {
  if ((NAMED_TIE_BREAKS as readonly string[]).includes(name)) {
    return { name, ...NAMED[name as NamedTieBreak] };
  }
  if (name.startsWith(CRITERION_TIE_BREAK_PREFIX)) {
    const key = name.slice(CRITERION_TIE_BREAK_PREFIX.length);
    const criterion = rubric.find((candidate) => candidate.key === key && !candidate.gate);
    if (criterion) {
      return {
        name,
        tieBreak: { kind: 'criterion', criterion: key },
        prefer: 'higher',
        label: criterionTieBreakLabel(criterion),
      };
    }
  }
  throw new ScoringError(
    ScoringErrorCode.InvalidRanking,
    `unknown tie-break "${name}"; use one of: ${allowedTieBreaks(rubric).join(', ')}`,
    field,
  );
}
