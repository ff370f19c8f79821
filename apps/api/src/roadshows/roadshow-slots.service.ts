import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEvents } from '@app/application';
import { CompetitionErrors, LiveEventType, RoadshowErrors, SlotState, WebhookTopic } from '@app/domain';
import { AuditRepository, Competition, Roadshow, RoadshowSlot } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { Unpaged } from '../common/page-query.dto';
import { LiveEventsService } from '../live/live-events.service';
import { announceSlot, publicBreakdownOf } from './announced-score';
import { LockSlotDto } from './dto/lock-slot.dto';
import { SlotJudgesResponseDto } from './dto/slot-judges-response.dto';
import { SlotResponseDto, toSlotResponse } from './dto/slot-response.dto';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository } from './roadshow.repository';
import { assertRoadshowStage } from './roadshow-checks';
import { ScoreRepository } from './score.repository';

interface SlotContext {
  readonly manager: EntityManager;
  readonly roadshow: Roadshow;
  readonly competition: Competition;
  readonly slot: RoadshowSlot;
}

/**
 * The stage: waiting → presenting → scoring → locked, one slot on stage at a time. Each step
 * locks the roadshow row, then the slot row, so steps of one roadshow happen one after another;
 * a score post holds the slot's share lock, so a lock never misses a score that was being saved.
 */
@Injectable()
export class RoadshowSlotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly scores: ScoreRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveEventsService,
    private readonly events: WebhookEvents,
  ) {}

  start(actor: Actor, roadshowId: string, slotId: string): Promise<SlotResponseDto> {
    return this.transition(actor, roadshowId, slotId, SlotState.Waiting, SlotState.Presenting, async (context) => {
      const { manager, roadshow, slot } = context;
      const onStage = await this.roadshows.activeSlot(roadshowId, manager);
      if (onStage) throw RoadshowErrors.slotOnStage(onStage.position, onStage.state);
      slot.pitchStartedAt = new Date();
      roadshow.currentSlotId = slot.id;
      await this.roadshows.saveRoadshow(manager, roadshow);
      const pitchEndsAt = new Date(slot.pitchStartedAt.getTime() + slot.pitchSeconds * 1000);
      const submission = await this.roadshows.submission(slot.submissionId, manager);
      await this.live.append(manager, roadshowId, LiveEventType.CurrentSlotChanged, {
        slotId: slot.id,
        position: slot.position,
        submissionId: slot.submissionId,
        title: submission?.title ?? '',
      });
      await this.live.append(manager, roadshowId, LiveEventType.TimerStarted, {
        slotId: slot.id,
        pitchStartedAt: slot.pitchStartedAt.toISOString(),
        pitchSeconds: slot.pitchSeconds,
        pitchEndsAt: pitchEndsAt.toISOString(),
      });
      return { pitchStartedAt: slot.pitchStartedAt.toISOString() };
    });
  }

  openScoring(actor: Actor, roadshowId: string, slotId: string): Promise<SlotResponseDto> {
    return this.transition(actor, roadshowId, slotId, SlotState.Presenting, SlotState.Scoring, async (context) => {
      await this.live.append(context.manager, roadshowId, LiveEventType.ScoringOpened, {
        slotId: context.slot.id,
        position: context.slot.position,
      });
      return {};
    });
  }

  /**
   * Computes and stores the announced score (announced-score.ts) with the rules version it used.
   * Refuses while a non-recused judge has not submitted, unless the office confirms leaving them out.
   */
  lock(actor: Actor, roadshowId: string, slotId: string, dto: LockSlotDto): Promise<SlotResponseDto> {
    return this.transition(actor, roadshowId, slotId, SlotState.Scoring, SlotState.Locked, async (context) => {
      const { manager, competition, slot } = context;
      const judges = await this.judges.judgesOf(roadshowId, manager);
      const recusedJudgeIds = await this.judges.recusedFrom(slot.submissionId, manager);
      const scores = await this.scores.scoresOfSlot(manager, slot.id);
      const recused = new Set(recusedJudgeIds);
      if (!scores.some((score) => !recused.has(score.judgeId))) throw RoadshowErrors.noScoresYet();
      const submitted = new Set(scores.map((score) => score.judgeId));
      const missing = judges.filter((judge) => !recused.has(judge.id) && !submitted.has(judge.id));
      if (missing.length > 0 && !dto.allowMissing)
        throw RoadshowErrors.judgesMissing(missing.map((judge) => judge.name));
      const breakdown = announceSlot({
        rules: competition.rules,
        submissionId: slot.submissionId,
        judges: judges.map((judge, i) => ({ id: judge.id, name: judge.name, group: judge.group, seat: i + 1 })),
        sheets: scores.map((score) => ({ judgeId: score.judgeId, criteria: score.criteria, gates: score.gates })),
        recusedJudgeIds,
      });
      slot.lockedAt = new Date();
      slot.announcedScore = breakdown.announcedScore;
      slot.announcedBreakdown = breakdown;
      slot.rulesVersion = competition.rulesVersion;
      await this.live.append(manager, roadshowId, LiveEventType.SlotLocked, {
        slotId: slot.id,
        position: slot.position,
        submissionId: slot.submissionId,
        announcedScore: breakdown.announcedScore,
        rulesVersion: competition.rulesVersion,
        breakdown: publicBreakdownOf(breakdown),
      });
      return { announcedScore: breakdown.announcedScore, rulesVersion: competition.rulesVersion, breakdown };
    });
  }

  /** The office's view of who has scored a slot so far (the lock names the same missing judges). */
  async judgesOfSlot(roadshowId: string, slotId: string): Promise<Unpaged<SlotJudgesResponseDto>> {
    const manager = this.dataSource.manager;
    const slot = await this.roadshows.slot(roadshowId, slotId, manager);
    if (!slot) throw RoadshowErrors.slotNotFound();
    const [judges, recusedJudgeIds, scores] = await Promise.all([
      this.judges.judgesOf(roadshowId, manager),
      this.judges.recusedFrom(slot.submissionId, manager),
      this.scores.scoresOfSlot(manager, slotId),
    ]);
    const recused = new Set(recusedJudgeIds);
    const savedAt = new Map(scores.map((score) => [score.judgeId, score.updatedAt]));
    return {
      slotId,
      position: slot.position,
      items: judges.map((judge) => {
        const saved = savedAt.get(judge.id);
        return {
          judgeId: judge.id,
          name: judge.name,
          group: judge.group,
          status: recused.has(judge.id) ? 'recused' : saved ? 'submitted' : 'waiting',
          savedAt: saved?.toISOString() ?? null,
        };
      }),
    };
  }

  private async transition(
    actor: Actor,
    roadshowId: string,
    slotId: string,
    from: SlotState,
    to: SlotState,
    apply: (context: SlotContext) => Promise<Record<string, unknown>>,
  ): Promise<SlotResponseDto> {
    const view = await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(roadshowId, manager, 'update');
      if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
      const competition = await this.roadshows.competition(roadshow.competitionId, manager);
      if (!competition) throw CompetitionErrors.notFound();
      assertRoadshowStage(competition.state);
      const slot = await this.roadshows.slot(roadshowId, slotId, manager, 'update');
      if (!slot) throw RoadshowErrors.slotNotFound();
      if (slot.state !== from) throw RoadshowErrors.slotWrongState(slot.position, slot.state, from, to);
      const detail = await apply({ manager, roadshow, competition, slot });
      slot.state = to;
      await this.roadshows.saveSlot(manager, slot);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: `slot.${to}`,
          subjectType: 'roadshow-slot',
          subjectId: slot.id,
          before: { state: from },
          after: { state: to, ...detail },
        },
        manager,
      );
      if (to === SlotState.Locked) {
        await this.events.record(manager, {
          topic: WebhookTopic.SlotLocked,
          competitionId: competition.id,
          subject: {
            type: 'roadshow-slot',
            id: slot.id,
            roadshowId,
            submissionId: slot.submissionId,
            position: slot.position,
            state: to,
          },
        });
      }
      const views = await this.roadshows.slotViews(roadshowId, manager);
      return views.find((candidate) => candidate.slot.id === slotId);
    });
    await this.live.notify(roadshowId);
    if (!view) throw RoadshowErrors.slotNotFound();
    return toSlotResponse(view);
  }
}
