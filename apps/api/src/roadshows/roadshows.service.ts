import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompetitionErrors, LiveEventType, RoadshowErrors, SlotState, announcedScorePart } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { isGroupWeighted } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { isUniqueViolation } from '../common/unique-violation';
import { LiveEventsService } from '../live/live-events.service';
import { CreateRoadshowDto } from './dto/create-roadshow.dto';
import { DrawOrderDto } from './dto/draw-order.dto';
import { DrawResponseDto } from './dto/draw-response.dto';
import { toJudgeResponse } from './dto/judge-response.dto';
import { toRecusalResponse } from './dto/recusal-response.dto';
import { RoadshowResponseDto, toRoadshowResponse } from './dto/roadshow-response.dto';
import { RoadshowStateResponseDto } from './dto/roadshow-state-response.dto';
import { toSlotResponse } from './dto/slot-response.dto';
import { JudgeRepository } from './judge.repository';
import { ORDER_DRAW_ALGORITHM, ORDER_DRAW_DESCRIPTION, drawOrder, publishedSeed, randomSeed } from './order-draw';
import { RecusalsService } from './recusals.service';
import { RoadshowRepository } from './roadshow.repository';
import { assertPanelOpen, assertRoadshowStage } from './roadshow-checks';

/** Setting up a roadshow (office): the roadshow itself, its state, and the order draw. */
@Injectable()
export class RoadshowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly recusals: RecusalsService,
    private readonly audit: AuditRepository,
    private readonly live: LiveEventsService,
  ) {}

  async create(actor: Actor, competitionId: string, dto: CreateRoadshowDto): Promise<RoadshowResponseDto> {
    try {
      const roadshow = await this.dataSource.transaction(async (manager) => {
        const competition = await this.roadshows.competition(competitionId, manager);
        if (!competition) throw CompetitionErrors.notFound();
        assertPanelOpen(competition.state);
        if (await this.roadshows.roadshowOfCompetition(competitionId, manager)) throw RoadshowErrors.roadshowExists();
        const created = await this.roadshows.insertRoadshow(manager, competitionId, dto.venue.trim());
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'roadshow.create',
            subjectType: 'roadshow',
            subjectId: created.id,
            after: { competitionId, venue: created.venue },
          },
          manager,
        );
        return created;
      });
      return toRoadshowResponse(roadshow);
    } catch (error) {
      // Two offices creating at the same instant: the unique competition_id decides.
      if (isUniqueViolation(error, 'roadshow_competition_id_key')) throw RoadshowErrors.roadshowExists();
      throw error;
    }
  }

  /** The competition's roadshow, for a console that knows only the competition. */
  async stateOfCompetition(competitionId: string): Promise<RoadshowStateResponseDto> {
    const roadshow = await this.roadshows.roadshowOfCompetition(competitionId);
    if (!roadshow) throw RoadshowErrors.noRoadshowYet();
    return this.state(roadshow.id);
  }

  async state(roadshowId: string): Promise<RoadshowStateResponseDto> {
    const roadshow = await this.roadshows.roadshow(roadshowId);
    if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
    const [competition, views, judges, recusals, projects] = await Promise.all([
      this.roadshows.competition(roadshow.competitionId),
      this.roadshows.slotViews(roadshowId),
      this.judges.judgesOf(roadshowId),
      this.judges.recusalsOf(roadshowId),
      this.roadshows.screenedIn(roadshow.competitionId),
    ]);
    if (!competition) throw RoadshowErrors.roadshowNotFound('id');
    const slots = views.map(toSlotResponse);
    const count = (state: SlotState) => slots.filter((slot) => slot.state === state).length;
    return {
      roadshow: toRoadshowResponse(roadshow),
      competitionTitle: competition.title,
      competitionState: competition.state,
      slots,
      currentSlot: slots.find((slot) => slot.id === roadshow.currentSlotId) ?? null,
      judges: judges.map(toJudgeResponse),
      projects: projects.map((project) => ({ submissionId: project.id, title: project.title })),
      recusals: recusals.map(toRecusalResponse),
      progress: {
        total: slots.length,
        waiting: count(SlotState.Waiting),
        presenting: count(SlotState.Presenting),
        scoring: count(SlotState.Scoring),
        locked: count(SlotState.Locked),
      },
      announcedAs: announcedScorePart(competition.rules),
    };
  }

  /**
   * 出场顺序抽签: orders the screened-in projects from a published seed (see order-draw.ts) so
   * that anyone can re-draw it. May be repeated until the first slot starts; every draw, with the
   * order it replaced, is in the audit log.
   */
  async draw(actor: Actor, roadshowId: string, dto: DrawOrderDto): Promise<DrawResponseDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(roadshowId, manager, 'update');
      if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
      const competition = await this.roadshows.competition(roadshow.competitionId, manager);
      if (!competition) throw RoadshowErrors.roadshowNotFound('id');
      assertRoadshowStage(competition.state);
      const previous = await this.roadshows.slots(roadshowId, manager);
      if (previous.some((slot) => slot.state !== SlotState.Waiting)) throw RoadshowErrors.orderStarted();
      const judges = await this.judges.judgesOf(roadshowId, manager);
      const unweighted = judges.find((judge) => !isGroupWeighted(competition.rules, judge.group));
      if (unweighted) throw RoadshowErrors.groupWithoutWeight(unweighted.group, unweighted.name);
      const submissions = await this.roadshows.screenedIn(competition.id, manager);
      if (submissions.length === 0) throw RoadshowErrors.nothingToDraw();
      const seed = dto.seed === undefined ? randomSeed() : publishedSeed(dto.seed);
      const sortedSubmissionIds = submissions.map((submission) => submission.id).sort();
      const order = drawOrder(sortedSubmissionIds, seed);
      const slots = await this.roadshows.replaceSlots(manager, roadshowId, order, competition.rules.pitchSeconds);
      const before = { seed: roadshow.orderSeed, order: previous.map((slot) => slot.submissionId) };
      roadshow.orderSeed = seed;
      roadshow.orderDrawnAt = new Date();
      roadshow.currentSlotId = null;
      await this.roadshows.saveRoadshow(manager, roadshow);
      const automatic = await this.recusals.recuseConflicts(
        manager,
        competition.id,
        judges.map((judge) => judge.id),
        actor,
        order,
      );
      const titles = new Map(submissions.map((submission) => [submission.id, submission.title]));
      const drawn = slots.map((slot) => ({
        slotId: slot.id,
        position: slot.position,
        submissionId: slot.submissionId,
        title: titles.get(slot.submissionId) ?? '',
      }));
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'roadshow.draw',
          subjectType: 'roadshow',
          subjectId: roadshow.id,
          before,
          after: { seed, algorithm: ORDER_DRAW_ALGORITHM, order },
        },
        manager,
      );
      await this.live.append(manager, roadshowId, LiveEventType.OrderDrawn, {
        seed,
        algorithm: ORDER_DRAW_ALGORITHM,
        slots: drawn,
      });
      return {
        roadshowId,
        seed,
        algorithm: {
          name: ORDER_DRAW_ALGORITHM,
          descriptionZh: ORDER_DRAW_DESCRIPTION.zh,
          descriptionEn: ORDER_DRAW_DESCRIPTION.en,
        },
        sortedSubmissionIds,
        slots: drawn,
        drawnAt: roadshow.orderDrawnAt.toISOString(),
        automaticRecusalsAdded: automatic.length,
      };
    });
    await this.live.notify(roadshowId);
    return result;
  }
}
