import { BilingualMessage, CompetitionState, DomainError, DomainErrorCode } from '@app/domain';

export function notFound(message: BilingualMessage, field?: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, message, field);
}

export function conflict(message: BilingualMessage, field?: string): DomainError {
  return new DomainError(DomainErrorCode.Conflict, message, field);
}

export const ROADSHOW_NOT_FOUND: BilingualMessage = { zh: '路演不存在', en: 'roadshow not found' };
export const SLOT_NOT_FOUND: BilingualMessage = { zh: '该路演中没有这个出场位', en: 'no such slot in this roadshow' };

/** The draw, the stage and scoring happen only while the competition is in its roadshow stage. */
export function assertRoadshowStage(state: CompetitionState): void {
  if (state !== CompetitionState.Roadshow) {
    throw conflict({
      zh: `大赛当前处于“${state}”阶段，只有在路演阶段（roadshow）才能抽签、上台和评分`,
      en: `the competition is in state "${state}"; the draw, the stage and scoring need state "roadshow"`,
    });
  }
}

const ROADSHOW_PREPARATION: readonly CompetitionState[] = [
  CompetitionState.Draft,
  CompetitionState.Open,
  CompetitionState.Closed,
  CompetitionState.Screening,
  CompetitionState.Roadshow,
];

/** Once scoring has closed, the panel and its conflicts are part of the result and stay as they are. */
export function assertPanelOpen(state: CompetitionState): void {
  if (!ROADSHOW_PREPARATION.includes(state)) {
    throw conflict({
      zh: `大赛当前处于“${state}”阶段，路演已结束，不能再修改评委或回避`,
      en: `the competition is in state "${state}"; the roadshow is over and its panel can no longer change`,
    });
  }
}
