import { GrantState } from './grant-vocabulary';
import type { Bilingual } from './labels';

/**
 * What the public reads of a funded project's year (问责公开, after Decidim's accountability): not a
 * stored value but the grant's state as a resident would say it. Spelled out: the public API and
 * the pages use these strings.
 */
export enum ProjectOutcome {
  InProgress = 'in-progress',
  Finished = 'finished',
  Terminated = 'terminated',
  /** Terminated on the monthly checks' exit rule (辛店: three months in a row below the line). */
  Exited = 'exited',
}

/** Every grant state reads as one outcome; a suspended grant is still a project under way. A terminated grant reads as exited when its monthly checks ended it (see libs/grants' grantProgress). */
export const OUTCOME_OF_GRANT_STATE: Readonly<Record<GrantState, ProjectOutcome>> = {
  [GrantState.Active]: ProjectOutcome.InProgress,
  [GrantState.Suspended]: ProjectOutcome.InProgress,
  [GrantState.Completed]: ProjectOutcome.Finished,
  [GrantState.Terminated]: ProjectOutcome.Terminated,
};

export const PROJECT_OUTCOME_LABELS: Readonly<Record<ProjectOutcome, Bilingual>> = {
  [ProjectOutcome.InProgress]: { zh: '实施中', en: 'In progress' },
  [ProjectOutcome.Finished]: { zh: '已结项', en: 'Finished' },
  [ProjectOutcome.Terminated]: { zh: '已终止', en: 'Terminated' },
  [ProjectOutcome.Exited]: { zh: '已退出（月度考核未达标）', en: 'Exited (monthly checks below the line)' },
};
