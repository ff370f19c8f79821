import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode, SlotState } from '@app/domain';
import { AuditRepository, Score } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { isUniqueViolation } from '../common/unique-violation';
import { LiveEventType } from '../live/live-event-type';
import { LiveEventsService } from '../live/live-events.service';
import { ScoreResponseDto, toScoreResponse } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { JudgeRepository } from './judge.repository';
import { SLOT_NOT_FOUND, assertRoadshowStage, conflict, notFound } from './roadshow-checks';
import { readScoreSheet } from './score-sheet';
import { ScoreRepository, StoredRevision } from './score.repository';

type JudgeActor = Extract<Actor, { kind: 'judge' }>;

interface Outcome {
  readonly response: ScoreResponseDto;
  /** A new judge has submitted: the big screen's count changed. */
  readonly counted: boolean;
}

function isDuplicateWrite(error: unknown): boolean {
  return isUniqueViolation(error, 'score_revision_idempotency_uq') || isUniqueViolation(error, 'score_slot_judge_uq');
}

function sameRequest(stored: StoredRevision, slotId: string, dto: SubmitScoreDto): boolean {
  return (
    stored.slotId === slotId &&
    isDeepStrictEqual({ ...stored.revision.criteria }, { ...dto.criteria }) &&
    isDeepStrictEqual({ ...stored.revision.gates }, { ...(dto.gates ?? {}) }) &&
    stored.revision.comment === (dto.comment ?? null)
  );
}

function snapshot(score: Score) {
  return {
    slotId: score.slotId,
    submissionId: score.submissionId,
    revision: score.revision,
    criteria: score.criteria,
    gates: score.gates,
    total: score.total,
    comment: score.comment,
  };
}

/**
 * A judge's score for the slot on stage. Nothing is lost and nothing is doubled: every write is
 * one transaction (score, revision, audit row, live event); the tablet's Idempotency-Key makes a
 * retry return the first answer without writing; a lock of the slot waits for saves in progress
 * and every later save is refused.
 */
@Injectable()
export class JudgeScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly judges: JudgeRepository,
    private readonly scores: ScoreRepository,
    private readonly audit: AuditRepository,
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
      // The per-judge lock makes this unreachable in practice; if a race still slips through,
      // the constraint refused the duplicate and a second pass answers from what was saved.
      if (!isDuplicateWrite(error)) throw error;
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
    await this.scores.lockJudge(manager, judgeId);
    const judge = await this.judges.judge(judgeId, manager);
    if (!judge || judge.roadshowId !== actor.roadshowId) {
      throw notFound({ zh: '评委不存在', en: 'judge not found' });
    }
    const stored = await this.scores.revisionByKey(manager, judgeId, idempotencyKey);
    const target = await this.scores.scoringTarget(manager, actor.roadshowId, slotId);
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
    if (await this.judges.isRecused(judgeId, target.submissionId, manager)) {
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

    const existing = await this.scores.score(manager, slotId, judgeId);
    const before = existing ? snapshot(existing) : null;
    const score =
      existing ?? this.scores.newScore(manager, { slotId, judgeId, submissionId: target.submissionId, revision: 0 });
    score.criteria = { ...sheet.criteria };
    score.gates = { ...sheet.gates };
    score.total = sheet.total;
    score.comment = sheet.comment;
    score.revision += 1;
    const saved = await this.scores.saveScore(manager, score);
    const revision = await this.scores.insertRevision(manager, {
      scoreId: saved.id,
      judgeId,
      idempotencyKey,
      revision: saved.revision,
      criteria: { ...sheet.criteria },
      gates: { ...sheet.gates },
      total: sheet.total,
      comment: sheet.comment,
    });
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'score.submit',
        subjectType: 'score',
        subjectId: saved.id,
        before,
        after: { ...snapshot(saved), idempotencyKey },
      },
      manager,
    );

    const counted = saved.revision === 1;
    if (counted) {
      await this.scores.lockSlotCount(manager, slotId);
      const submittedCount = await this.scores.submittedCount(manager, slotId);
      const recused = new Set(await this.judges.recusedFrom(target.submissionId, manager));
      const judgeCount = (await this.judges.judgesOf(actor.roadshowId, manager)).filter(
        (candidate) => !recused.has(candidate.id),
      ).length;
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
