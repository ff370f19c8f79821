import { CompetitionState, RoadshowErrors } from '@app/domain';

/** The draw, the stage and scoring happen only while the competition is in its roadshow stage. */
export function assertRoadshowStage(state: CompetitionState): void {
  if (state !== CompetitionState.Roadshow) throw RoadshowErrors.notRoadshowStage(state);
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
  if (!ROADSHOW_PREPARATION.includes(state)) throw RoadshowErrors.panelClosed(state);
}
