import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode, SlotState } from '@app/domain';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { isUniqueViolation } from '../common/unique-violation';
import { LiveEventType } from '../live/live-event-type';
import { LiveEventsService } from '../live/live-events.service';
import { ScoreResponseDto, toScoreResponse } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { SLOT_NOT_FOUND, assertRoadshowStage, conflict, notFound } from './roadshow-checks';
import { readScoreSheet } from './score-sheet';
import { ScoreRepository, StoredRevision } from './score.repository';

type JudgeActor = Extract<Actor, { kind: 'judge' }>;

interface Outcome {
  readonly response: ScoreResponseDto;
  /** A new judge has submitted: the big screen's count changed. */
  readonly counted: boolean;
}

function sameRequest(stored: StoredRevision, slotId: string, dto: SubmitScoreDto): boolean {
  return (
    stored.slotId === slotId &&
    isDeepStrictEqual({ ...stored.revision.criteria }, { ...dto.criteria }) &&
    isDeepStrictEqual({ ...stored.revision.gates }, { ...(dto.gates ?? {}) }) &&
    stored.revision.comment === (dto.comment ?? null)
  );
}

/**
 * A judge's score for the slot on stage. Nothing is lost and nothing is doubled: every write is
 * one transaction (score, revision, audit row, live event); the tablet's Idempotency-Key makes a
 * retry return the first answer without writing; a lock of the slot waits for saves in progress
 * and every later save is refused.
 *
 * A later revision costs four round trips (BEGIN, one read, one write, COMMIT); a judge's first
 * submission of a slot four more for the big screen's count and its live event.
 */
@Injectable()
export class JudgeScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scores: ScoreRepository,
    private readonly live: LiveEventsService,
  ) {}

  async submit(
    actor: JudgeActor,
    slotId: string,
    idempotencyKey: string,
    dto: SubmitScoreDto,
  ): Promise<ScoreResponseDto> {
    let outcome: Outcome;
    try {
      outcome = await this.dataSource.transaction((manager) => this.write(manager, actor, slotId, idempotencyKey, dto));
    } catch (error) {
      // A retry with the same key committed while this request waited for the judge's lock, after
      // this request's read had been taken (see ScoreRepository.scoringContext): the constraint
      // refused the duplicate, nothing was written, and a second pass answers from what was saved.
      if (!isUniqueViolation(error, 'score_revision_idempotency_uq')) throw error;
      outcome = await this.dataSource.transaction((manager) => this.write(manager, actor, slotId, idempotencyKey, dto));
    }
    if (outcome.counted) await this.live.notify(actor.roadshowId);
    return outcome.response;
  }

  private async write(
    manager: EntityManager,
    actor: JudgeActor,
    slotId: string,
    idempotencyKey: string,
    dto: SubmitScoreDto,
  ): Promise<Outcome> {
    const judgeId = actorId(actor);
    const { judgeFound, target, recused, stored } = await this.scores.scoringContext(manager, {
      judgeId,
      roadshowId: actor.roadshowId,
      slotId,
      idempotencyKey,
    });
    if (!judgeFound) throw notFound({ zh: '评委不存在', en: 'judge not found' });
    if (!target) throw notFound(SLOT_NOT_FOUND, 'slotId');
    if (stored) {
      if (!sameRequest(stored, slotId, dto)) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            zh: '这个 Idempotency-Key 已用于另一份评分；新的评分请使用新的键',
            en: 'this Idempotency-Key was already used for a different score; send a new key for a new score',
          },
          'Idempotency-Key',
        );
      }
      return { response: toScoreResponse(target.rules, stored), counted: false };
    }
    if (recused) {
      throw new DomainError(DomainErrorCode.Forbidden, {
        zh: '您已回避该项目，不能为其评分',
        en: 'you are recused from this project and cannot score it',
      });
    }
    assertRoadshowStage(target.competitionState);
    if (target.state !== SlotState.Presenting && target.state !== SlotState.Scoring) {
      throw conflict(
        target.state === SlotState.Locked
          ? { zh: '该项目已锁定并公布分数，不能再提交评分', en: 'this slot is locked; its score is announced' }
          : { zh: '该项目尚未上台，还不能评分', en: 'this slot has not taken the stage yet' },
      );
    }
    const sheet = readScoreSheet(target.rules, dto);

    const revision = await this.scores.saveScore(manager, {
      slotId,
      judgeId,
      submissionId: target.submissionId,
      idempotencyKey,
      criteria: sheet.criteria,
      gates: sheet.gates,
      total: sheet.total,
      comment: sheet.comment,
      audit: { ...auditActor(actor), action: 'score.submit' },
    });

    const counted = revision.revision === 1;
    if (counted) {
      await this.scores.lockSlotCount(manager, slotId);
      const { submittedCount, judgeCount } = await this.scores.slotProgress(manager, {
        slotId,
        roadshowId: actor.roadshowId,
        submissionId: target.submissionId,
      });
      await this.live.append(manager, actor.roadshowId, LiveEventType.JudgeSubmitted, {
        slotId,
        submittedCount,
        judgeCount,
      });
    }
    return {
      response: toScoreResponse(target.rules, { revision, slotId, submissionId: target.submissionId }),
      counted,
    };
  }
}
