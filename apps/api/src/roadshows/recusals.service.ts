import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LiveEventType, RecusalSource, SlotState, SubmissionState } from '@app/domain';
import { AuditRepository, Recusal, RoadshowSlot } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { LiveEventsService } from '../live/live-events.service';
import { CreateRecusalDto } from './dto/create-recusal.dto';
import { DeclareRecusalDto } from './dto/declare-recusal.dto';
import { RecusalResponseDto, toRecusalResponse } from './dto/recusal-response.dto';
import { WithdrawRecusalDto } from './dto/withdraw-recusal.dto';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository } from './roadshow.repository';
import { ROADSHOW_NOT_FOUND, assertPanelOpen, conflict, notFound } from './roadshow-checks';

/** A recusal as its audit rows show it. */
function snapshotOf(recusal: Recusal): Record<string, string> {
  return {
    judgeId: recusal.judgeId,
    submissionId: recusal.submissionId,
    source: recusal.source,
    reason: recusal.reason,
  };
}

const JUDGE_NOT_FOUND = { zh: '该路演中没有这位评委', en: 'no such judge in this roadshow' };

const LOCKED_SLOT = {
  zh: '该项目已锁定并公布分数，回避不再改变结果',
  en: 'this project is locked and its score announced; a recusal can no longer change it',
};

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
      const reason = found.sameOrganization
        ? `同一组织：${found.organizationName} / same organization: ${found.organizationName}`
        : `同一社区：${found.community} / same community: ${found.community}`;
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
      if (!roadshow) throw notFound(ROADSHOW_NOT_FOUND);
      const judge = await this.judges.judge(dto.judgeId, manager);
      if (!judge || judge.roadshowId !== roadshowId) throw notFound(JUDGE_NOT_FOUND, 'judgeId');
      return this.recuse(manager, actor, roadshow.id, roadshow.competitionId, judge.id, dto.submissionId, {
        source: RecusalSource.Office,
        reason: dto.reason,
      });
    });
    await this.live.notify(roadshowId);
    return toRecusalResponse(recusal);
  }

  async declare(actor: Extract<Actor, { kind: 'judge' }>, dto: DeclareRecusalDto): Promise<RecusalResponseDto> {
    const recusal = await this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(actor.roadshowId, manager, 'update');
      const judge = await this.judges.judge(actor.judgeId, manager);
      if (!roadshow || !judge || judge.roadshowId !== roadshow.id) throw notFound(JUDGE_NOT_FOUND);
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
      if (!roadshow) throw notFound(ROADSHOW_NOT_FOUND);
      await this.assertPanelOpenFor(manager, roadshow.competitionId);
      const recusal = await this.judges.recusalOfRoadshow(roadshowId, recusalId, manager);
      if (!recusal)
        throw notFound({ zh: '该路演中没有这条回避记录', en: 'no such recusal in this roadshow' }, 'recusalId');
      if (recusal.source === RecusalSource.Automatic) {
        throw conflict({
          zh: '自动回避由规则产生（评委与项目同一组织或同一社区），不能撤销',
          en: 'an automatic recusal follows from the rules (same organization or community as the project) and cannot be withdrawn',
        });
      }
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
      throw notFound(
        { zh: '本次大赛没有这个已提交的项目', en: 'no such submitted project in this competition' },
        'submissionId',
      );
    }
    const slot = await this.unlockedSlot(manager, roadshowId, submissionId);
    const recusal = await this.judges.insertRecusal(manager, { judgeId, submissionId, ...what });
    if (!recusal) {
      const existing = await this.judges.recusal(judgeId, submissionId, manager);
      throw conflict({
        zh: `该评委已回避此项目（${existing?.source ?? ''}）`,
        en: `the judge is already recused from this project (${existing?.source ?? ''})`,
      });
    }
    await this.recordAudit(manager, actor, recusal);
    await this.panelChanged(manager, roadshowId, slot);
    return recusal;
  }

  private async assertPanelOpenFor(manager: EntityManager, competitionId: string): Promise<void> {
    const competition = await this.roadshows.competition(competitionId, manager);
    if (!competition) throw notFound(ROADSHOW_NOT_FOUND);
    assertPanelOpen(competition.state);
  }

  /** The project's slot, if drawn; a locked one refuses any change to who scores it. */
  private async unlockedSlot(manager: EntityManager, roadshowId: string, submissionId: string) {
    const slot = await this.roadshows.slotOfSubmission(roadshowId, submissionId, manager);
    if (slot?.state === SlotState.Locked) throw conflict(LOCKED_SLOT);
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
