import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CompetitionErrors,
  conflictReason,
  LiveEventType,
  RecusalSource,
  RoadshowErrors,
  SlotState,
  SubmissionState,
} from '@app/domain';
import { AuditRepository, Recusal, RoadshowSlot } from '@app/persistence';
import { Actor, JudgeActor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { LiveEventsService } from '../live/live-events.service';
import { CreateRecusalDto } from './dto/create-recusal.dto';
import { DeclareRecusalDto } from './dto/declare-recusal.dto';
import { RecusalResponseDto, toRecusalResponse } from './dto/recusal-response.dto';
import { WithdrawRecusalDto } from './dto/withdraw-recusal.dto';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository } from './roadshow.repository';
import { assertPanelOpen } from './roadshow-checks';

/** A recusal as its audit rows show it. */
function snapshotOf(recusal: Recusal): Record<string, string> {
  return {
    judgeId: recusal.judgeId,
    submissionId: recusal.submissionId,
    source: recusal.source,
    reason: recusal.reason,
  };
}

/**
 * 回避: declared by a judge, set by the office, or automatic for the judge's own organization or
 * community. Changes take the roadshow's row lock first, as the stage's steps do (see
 * RoadshowSlotsService): a recusal then either lands before a lock of its slot reads the recusals,
 * or sees the slot locked and is refused, never in between.
 */
@Injectable()
export class RecusalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveEventsService,
  ) {}

  /**
   * Recuses the given judges from every submitted project of their own organization or community
   * (limited to `submissionIds` when given), in the caller's transaction. Existing recusals are
   * kept as they were; returns the new ones.
   */
  async recuseConflicts(
    manager: EntityManager,
    competitionId: string,
    judgeIds: readonly string[],
    actor: Actor,
    submissionIds?: readonly string[],
  ): Promise<Recusal[]> {
    const created: Recusal[] = [];
    for (const found of await this.judges.conflicts(competitionId, judgeIds, manager, submissionIds)) {
      const reason = conflictReason(found);
      const recusal = await this.judges.insertRecusal(manager, {
        judgeId: found.judgeId,
        submissionId: found.submissionId,
        source: RecusalSource.Automatic,
        reason,
      });
      if (recusal) {
        await this.recordAudit(manager, actor, recusal);
        created.push(recusal);
      }
    }
    return created;
  }

  async recuseByOffice(actor: Actor, roadshowId: string, dto: CreateRecusalDto): Promise<RecusalResponseDto> {
    const recusal = await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(roadshowId, manager, 'update');
      if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
      const judge = await this.judges.judge(dto.judgeId, manager);
      if (!judge || judge.roadshowId !== roadshowId) throw RoadshowErrors.judgeNotFound('judgeId');
      return this.recuse(manager, actor, roadshow.id, roadshow.competitionId, judge.id, dto.submissionId, {
        source: RecusalSource.Office,
        reason: dto.reason,
      });
    });
    await this.live.notify(roadshowId);
    return toRecusalResponse(recusal);
  }

  async declare(actor: JudgeActor, dto: DeclareRecusalDto): Promise<RecusalResponseDto> {
    const recusal = await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(actor.roadshowId, manager, 'update');
      const judge = await this.judges.judge(actor.judgeId, manager);
      if (!roadshow || !judge || judge.roadshowId !== roadshow.id) throw RoadshowErrors.judgeNotFound();
      return this.recuse(manager, actor, roadshow.id, roadshow.competitionId, judge.id, dto.submissionId, {
        source: RecusalSource.Declared,
        reason: dto.reason,
      });
    });
    await this.live.notify(actor.roadshowId);
    return toRecusalResponse(recusal);
  }

  /**
   * The office takes back a declared or office recusal that was made in error (a judge tapped the
   * wrong project): the judge may then see and score the project, and a score already given counts
   * again. Automatic recusals follow from the rules (same organization or community) and stay.
   */
  async withdraw(actor: Actor, roadshowId: string, recusalId: string, dto: WithdrawRecusalDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(roadshowId, manager, 'update');
      if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
      await this.assertPanelOpenFor(manager, roadshow.competitionId);
      const recusal = await this.judges.recusalOfRoadshow(roadshowId, recusalId, manager);
      if (!recusal) throw RoadshowErrors.recusalNotFound();
      if (recusal.source === RecusalSource.Automatic) throw RoadshowErrors.automaticRecusal();
      const slot = await this.unlockedSlot(manager, roadshowId, recusal.submissionId);
      await this.judges.deleteRecusal(manager, recusal.id);
      await this.panelChanged(manager, roadshowId, slot);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'recusal.withdraw',
          subjectType: 'recusal',
          subjectId: recusal.id,
          before: snapshotOf(recusal),
          after: { withdrawn: true, reason: dto.reason },
        },
        manager,
      );
    });
    await this.live.notify(roadshowId);
  }

  private async recuse(
    manager: EntityManager,
    actor: Actor,
    roadshowId: string,
    competitionId: string,
    judgeId: string,
    submissionId: string,
    what: { source: RecusalSource; reason: string },
  ): Promise<Recusal> {
    await this.assertPanelOpenFor(manager, competitionId);
    const submission = await this.roadshows.submission(submissionId, manager);
    if (!submission || submission.competitionId !== competitionId || submission.state !== SubmissionState.Submitted) {
      throw RoadshowErrors.projectNotFound();
    }
    const slot = await this.unlockedSlot(manager, roadshowId, submissionId);
    const recusal = await this.judges.insertRecusal(manager, { judgeId, submissionId, ...what });
    if (!recusal) {
      const existing = await this.judges.recusal(judgeId, submissionId, manager);
      throw RoadshowErrors.alreadyRecused(existing?.source);
    }
    await this.recordAudit(manager, actor, recusal);
    await this.panelChanged(manager, roadshowId, slot);
    return recusal;
  }

  private async assertPanelOpenFor(manager: EntityManager, competitionId: string): Promise<void> {
    const competition = await this.roadshows.competition(competitionId, manager);
    if (!competition) throw CompetitionErrors.notFound();
    assertPanelOpen(competition.state);
  }

  /** The project's slot, if drawn; a locked one refuses any change to who scores it. */
  private async unlockedSlot(manager: EntityManager, roadshowId: string, submissionId: string) {
    const slot = await this.roadshows.slotOfSubmission(roadshowId, submissionId, manager);
    if (slot?.state === SlotState.Locked) throw RoadshowErrors.slotLockedForRecusal();
    return slot;
  }

  private async panelChanged(manager: EntityManager, roadshowId: string, slot: RoadshowSlot | null): Promise<void> {
    if (slot) await this.live.append(manager, roadshowId, LiveEventType.PanelChanged, { slotId: slot.id });
  }

  private async recordAudit(manager: EntityManager, actor: Actor, recusal: Recusal): Promise<void> {
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'recusal.create',
        subjectType: 'recusal',
        subjectId: recusal.id,
        after: snapshotOf(recusal),
      },
      manager,
    );
  }
}
