import { Injectable } from '@nestjs/common';
import { CompetitionRules, RoadshowErrors, SlotState, announcedScorePart } from '@app/domain';
import { Competition, Judge, Roadshow } from '@app/persistence';
import { panelRulesOf } from '@app/scoring';
import { JudgeActor } from '../auth/actor';
import { categoryOf } from './competition-scoring';
import { JudgeRoadshowResponseDto, JudgeRubricDto, JudgeSlotDto } from './dto/judge-view-response.dto';
import { ScoreResponseDto, toScoreResponse } from './dto/score-response.dto';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository, SlotView } from './roadshow.repository';
import { ScoreRepository } from './score.repository';

interface JudgeContext {
  readonly judge: Judge;
  readonly roadshow: Roadshow;
  readonly competition: Competition;
}

/**
 * What a judge's tablet shows: only this judge's roadshow, only this judge's own scores, and
 * nothing about a project the judge is recused from beyond its place in the order.
 */
@Injectable()
export class JudgeViewService {
  constructor(
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly scores: ScoreRepository,
  ) {}

  async roadshow(actor: JudgeActor): Promise<JudgeRoadshowResponseDto> {
    const context = await this.context(actor);
    const slots = await this.slotsOf(context);
    const current = slots.find((slot) => slot.slotId === context.roadshow.currentSlotId) ?? null;
    return {
      roadshow: {
        id: context.roadshow.id,
        venue: context.roadshow.venue,
        competitionTitle: context.competition.title,
        orderDrawnAt: context.roadshow.orderDrawnAt?.toISOString() ?? null,
      },
      judge: { id: context.judge.id, name: context.judge.name, group: context.judge.group },
      rubric: rubricOf(context.competition.rules),
      current,
      announcedAs: announcedScorePart(context.competition.rules),
    };
  }

  async slots(actor: JudgeActor): Promise<JudgeSlotDto[]> {
    return this.slotsOf(await this.context(actor));
  }

  private async context(actor: JudgeActor): Promise<JudgeContext> {
    const judge = await this.judges.judge(actor.judgeId);
    const roadshow = judge?.roadshowId === actor.roadshowId ? await this.roadshows.roadshow(actor.roadshowId) : null;
    const competition = roadshow ? await this.roadshows.competition(roadshow.competitionId) : null;
    if (!judge || !roadshow || !competition) throw RoadshowErrors.judgeNotFound();
    return { judge, roadshow, competition };
  }

  private async slotsOf({ judge, roadshow, competition }: JudgeContext): Promise<JudgeSlotDto[]> {
    const [views, recusals, scores] = await Promise.all([
      this.roadshows.slotViews(roadshow.id),
      this.judges.recusalsOf(roadshow.id),
      this.scores.scoresOfJudge(judge.id),
    ]);
    const recusedFrom = new Set(
      recusals.filter((recusal) => recusal.judgeId === judge.id).map((recusal) => recusal.submissionId),
    );
    const revisions = await this.scores.currentRevisions(scores);
    const mine = new Map<string, ScoreResponseDto>();
    for (const score of scores) {
      const revision = revisions.get(score.id);
      if (revision) {
        mine.set(
          score.slotId,
          toScoreResponse(competition.rules, { revision, slotId: score.slotId, submissionId: score.submissionId }),
        );
      }
    }
    return views.map((view) => toJudgeSlot(competition.rules, view, recusedFrom.has(view.slot.submissionId), mine));
  }
}

/** The rubric as the scores are checked and aggregated: what the judge scores is what the engine reads. */
function rubricOf(rules: CompetitionRules): JudgeRubricDto {
  const { rubric, markDecimals } = panelRulesOf(rules);
  return { criteria: [...rubric], markDecimals };
}

function toJudgeSlot(
  rules: CompetitionRules,
  view: SlotView,
  recused: boolean,
  mine: ReadonlyMap<string, ScoreResponseDto>,
): JudgeSlotDto {
  const { slot } = view;
  return {
    slotId: slot.id,
    position: slot.position,
    state: slot.state,
    recused,
    project: recused
      ? null
      : {
          submissionId: slot.submissionId,
          title: view.title,
          category: categoryOf(rules, view.category),
          organizationName: view.organizationName,
          community: view.community,
          summary: view.summary,
          needAddressed: view.needAddressed,
          requestedFen: view.requestedFen,
        },
    pitchStartedAt: slot.pitchStartedAt?.toISOString() ?? null,
    pitchSeconds: slot.pitchSeconds,
    myScore: recused ? null : (mine.get(slot.id) ?? null),
    announcedScore: slot.state === SlotState.Locked ? slot.announcedScore : null,
  };
}
