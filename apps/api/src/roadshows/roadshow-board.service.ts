import { Injectable } from '@nestjs/common';
import { CompetitionErrors, CompetitionRules, RoadshowErrors, SlotState, announcedScorePart } from '@app/domain';
import { AnnouncedBreakdown, publicBreakdownOf } from './announced-score';
import { categoryOf } from './competition-scoring';
import { BoardCurrentDto, BoardResponseDto, BoardResultDto, BoardSlotDto } from './dto/board-response.dto';
import { RoadshowRepository, SlotView } from './roadshow.repository';
import { runningRanking } from './running-ranking';

function boardSlot(rules: CompetitionRules, view: SlotView): BoardSlotDto {
  const { slot } = view;
  const category = categoryOf(rules, view.category);
  const locked = slot.state === SlotState.Locked && slot.announcedBreakdown !== null;
  return {
    slotId: slot.id,
    position: slot.position,
    state: slot.state,
    title: view.title,
    categoryLabelZh: category.labelZh,
    categoryLabelEn: category.labelEn,
    organizationName: view.organizationName,
    community: view.community,
    submittedCount: view.submittedCount,
    judgeCount: view.judgeCount,
    announcedScore: locked ? slot.announcedScore : null,
    result: locked ? toBoardResult(slot.announcedBreakdown as AnnouncedBreakdown) : null,
  };
}

function toBoardResult(breakdown: AnnouncedBreakdown): BoardResultDto {
  const result = publicBreakdownOf(breakdown);
  return { ...result, totals: [...result.totals], groups: [...result.groups] };
}

/** The public big screen: the order, the project on stage and its timer, counts, announced results. */
@Injectable()
export class RoadshowBoardService {
  constructor(private readonly roadshows: RoadshowRepository) {}

  async board(roadshowId: string): Promise<BoardResponseDto> {
    const roadshow = await this.roadshows.roadshow(roadshowId);
    if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
    const [competition, views] = await Promise.all([
      this.roadshows.competition(roadshow.competitionId),
      this.roadshows.slotViews(roadshowId),
    ]);
    if (!competition) throw CompetitionErrors.notFound();
    const rules = competition.rules;
    const slots = views.map((view) => boardSlot(rules, view));
    const currentView = views.find((view) => view.slot.id === roadshow.currentSlotId);
    let current: BoardCurrentDto | null = null;
    if (currentView) {
      const { pitchStartedAt, pitchSeconds } = currentView.slot;
      current = {
        ...boardSlot(rules, currentView),
        pitchStartedAt: pitchStartedAt?.toISOString() ?? null,
        pitchSeconds,
        pitchEndsAt: pitchStartedAt ? new Date(pitchStartedAt.getTime() + pitchSeconds * 1000).toISOString() : null,
      };
    }
    const locked = views.filter((view) => view.slot.state === SlotState.Locked && view.slot.announcedScore !== null);
    const byId = new Map(locked.map((view) => [view.slot.id, view]));
    const ranking = runningRanking(
      rules,
      locked.map((view) => {
        const breakdown = view.slot.announcedBreakdown as AnnouncedBreakdown;
        return {
          slotId: view.slot.id,
          announcedScore: breakdown.announcedScore,
          exact: breakdown.exact,
          median: breakdown.median,
          criterionMeans: breakdown.criterionMeans,
          requestedFen: view.requestedFen,
          submittedAt: view.submittedAt.getTime(),
        };
      }),
    ).map((entry) => {
      const view = byId.get(entry.slotId) as SlotView;
      const decided = entry.decidedBy;
      return {
        rank: entry.rank,
        place: entry.position,
        slotId: entry.slotId,
        position: view.slot.position,
        title: view.title,
        organizationName: view.organizationName,
        announcedScore: view.slot.announcedScore as string,
        decidedBy:
          decided.kind === 'tie-break'
            ? { kind: decided.kind, key: decided.key, labelZh: decided.label?.zh, labelEn: decided.label?.en }
            : { kind: decided.kind },
      };
    });
    return {
      roadshowId: roadshow.id,
      competitionId: roadshow.competitionId,
      venue: roadshow.venue,
      competitionTitle: competition.title,
      orderSeed: roadshow.orderSeed,
      current,
      slots,
      ranking,
      announcedAs: announcedScorePart(rules),
    };
  }
}
