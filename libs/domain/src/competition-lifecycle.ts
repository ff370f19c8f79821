/** The lifecycle of docs/product.md, in order. */
export enum CompetitionState {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
  Screening = 'screening',
  Roadshow = 'roadshow',
  ScoringClosed = 'scoring-closed',
  Ranked = 'ranked',
  Allocated = 'allocated',
  Publicity = 'publicity',
  Awarded = 'awarded',
  InProgress = 'in-progress',
  Finished = 'finished',
}

/**
 * The transitions an office may ask for. Going back is allowed only where the real process goes
 * back: reopening submissions before screening, and a new ranking run after an upheld objection.
 */
export const COMPETITION_TRANSITIONS: Readonly<Record<CompetitionState, readonly CompetitionState[]>> = {
  [CompetitionState.Draft]: [CompetitionState.Open],
  [CompetitionState.Open]: [CompetitionState.Closed],
  [CompetitionState.Closed]: [CompetitionState.Open, CompetitionState.Screening],
  [CompetitionState.Screening]: [CompetitionState.Roadshow],
  [CompetitionState.Roadshow]: [CompetitionState.ScoringClosed],
  [CompetitionState.ScoringClosed]: [CompetitionState.Ranked],
  [CompetitionState.Ranked]: [CompetitionState.Allocated],
  [CompetitionState.Allocated]: [CompetitionState.Publicity, CompetitionState.Ranked],
  [CompetitionState.Publicity]: [CompetitionState.Awarded, CompetitionState.Ranked],
  [CompetitionState.Awarded]: [CompetitionState.InProgress],
  [CompetitionState.InProgress]: [CompetitionState.Finished],
  [CompetitionState.Finished]: [],
};

/** From the roadshow on, results depend on the rules: they may no longer change. */
export const RULES_FROZEN_FROM: readonly CompetitionState[] = [
  CompetitionState.Roadshow,
  CompetitionState.ScoringClosed,
  CompetitionState.Ranked,
  CompetitionState.Allocated,
  CompetitionState.Publicity,
  CompetitionState.Awarded,
  CompetitionState.InProgress,
  CompetitionState.Finished,
];

export function canTransition(from: CompetitionState, to: CompetitionState): boolean {
  return COMPETITION_TRANSITIONS[from].includes(to);
}

/**
 * States reached only through their own action, which checks and records what the move means (a
 * ranking run, the public notice, the award, an upheld objection); the generic transition skips
 * those checks, so it refuses these targets.
 */
export const STATES_WITH_OWN_ACTION: readonly CompetitionState[] = [
  CompetitionState.Ranked,
  CompetitionState.Allocated,
  CompetitionState.Publicity,
  CompetitionState.Awarded,
];

/** The moves the generic transition route offers from a state. */
export function manualTransitions(from: CompetitionState): CompetitionState[] {
  return COMPETITION_TRANSITIONS[from].filter((to) => !STATES_WITH_OWN_ACTION.includes(to));
}

/**
 * The states a finished ranking run walks a competition through, ending in `allocated`: from
 * scoring-closed, ranked, allocated (a re-run) or publicity (after an upheld objection), always
 * through `ranked`. Undefined from any other state: a run's result may not change it.
 */
export function walkAfterRun(from: CompetitionState): CompetitionState[] | undefined {
  switch (from) {
    case CompetitionState.ScoringClosed:
    case CompetitionState.Allocated:
    case CompetitionState.Publicity:
      return [CompetitionState.Ranked, CompetitionState.Allocated];
    case CompetitionState.Ranked:
      return [CompetitionState.Allocated];
    default:
      return undefined;
  }
}
