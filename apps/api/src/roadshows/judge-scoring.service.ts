import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import {
  CompetitionRules,
  CompetitionState,
  DomainError,
  DomainErrorCode,
  LiveEventType,
  SlotState,
} from '@app/domain';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { RequestValidationError } from '../common/validation-error';
import { liveEventLockKey } from '../live/live-event.repository';
import { LiveEventsService } from '../live/live-events.service';
import { ScoreResponseDto, toScoreResponse } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { RoadshowRepository } from './roadshow.repository';
import { SLOT_NOT_FOUND, assertRoadshowStage, conflict, notFound } from './roadshow-checks';
import { ScoreSheet, readScoreSheet } from './score-sheet';
import { ScoreRepository, StoredRevision, SubmitResult } from './score.repository';

type JudgeActor = Extract<Actor, { kind: 'judge' }>;

interface RoadshowRules {
  readonly rules: CompetitionRules;
  readonly rulesVersion: number;
}

const SCORING_SLOT_STATES: readonly SlotState[] = [SlotState.Presenting, SlotState.Scoring];
/** Roadshows whose rules are kept; an evicted one costs one read on its next post. */
const RULES_CACHE_SIZE = 256;
/** A post re-reads the rules when they changed under it; twice in a row means something is wrong. */
const ATTEMPTS = 3;

function sameRequest(stored: StoredRevision, slotId: string, dto: SubmitScoreDto): boolean {
  return (
    stored.slotId === slotId &&
    isDeepStrictEqual({ ...stored.revision.criteria }, { ...dto.criteria }) &&
    isDeepStrictEqual({ ...stored.revision.gates }, { ...(dto.gates ?? {}) }) &&
    stored.revision.comment === (dto.comment ?? null)
  );
}

/**
 * A judge's score for the slot on stage. Nothing is lost and nothing is doubled: every post is one
 * transaction (score, revision, audit row, live event) in one round trip (ScoreRepository.submit);
 * the tablet's Idempotency-Key makes a retry return the first answer without writing; a lock of
 * the slot waits for saves in progress and every later save is refused.
 *
 * The sheet is checked against the competition's rules before the database is asked, with the
 * rules kept per roadshow: they are frozen once the roadshow starts, and the database refuses a
 * save checked against any version but the current one, so a kept copy is never trusted blindly.
 */
@Injectable()
export class JudgeScoringService {
  private readonly rulesByRoadshow = new Map<string, RoadshowRules>();

  constructor(
    private readonly scores: ScoreRepository,
    private readonly roadshows: RoadshowRepository,
    private readonly live: LiveEventsService,
  ) {}

  async submit(
    actor: JudgeActor,
    slotId: string,
    idempotencyKey: string,
    dto: SubmitScoreDto,
  ): Promise<ScoreResponseDto> {
    const judgeId = actorId(actor);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const rules = await this.rulesOf(actor.roadshowId);
      let sheet: ScoreSheet | null = null;
      let invalid: RequestValidationError | null = null;
      if (rules) {
        try {
          sheet = readScoreSheet(rules.rules, dto);
        } catch (error) {
          if (!(error instanceof RequestValidationError)) throw error;
          invalid = error;
        }
      }
      // Without a valid sheet the database only checks the target, so a locked slot or a recusal
      // is reported before the sheet's problems, as it is for a valid sheet.
      const result = await this.scores.submit({
        judgeId,
        roadshowId: actor.roadshowId,
        slotId,
        idempotencyKey,
        open: { competitionState: CompetitionState.Roadshow, slotStates: SCORING_SLOT_STATES },
        sheet: rules && sheet ? { rulesVersion: rules.rulesVersion, ...sheet } : null,
        audit: { ...auditActor(actor), action: 'score.submit' },
        locks: {
          judge: `score-judge:${judgeId}`,
          count: `score-count:${slotId}`,
          live: liveEventLockKey(actor.roadshowId),
        },
        liveType: LiveEventType.JudgeSubmitted,
      });
      const stale = rules === null || (result.rulesVersion !== null && result.rulesVersion !== rules.rulesVersion);
      if (result.outcome === 'rules-changed' || (result.outcome === 'checked' && stale)) {
        this.rulesByRoadshow.delete(actor.roadshowId);
        continue;
      }
      if (result.outcome === 'checked') throw invalid ?? new Error('score_submit checked a valid sheet');
      return this.answer(actor, slotId, dto, result, rules);
    }
    throw new Error(`the rules of roadshow ${actor.roadshowId} kept changing during a score post`);
  }

  private async answer(
    actor: JudgeActor,
    slotId: string,
    dto: SubmitScoreDto,
    result: SubmitResult,
    rules: RoadshowRules | null,
  ): Promise<ScoreResponseDto> {
    switch (result.outcome) {
      case 'judge-not-found':
        throw notFound({ zh: '评委不存在', en: 'judge not found' });
      case 'slot-not-found':
        throw notFound(SLOT_NOT_FOUND, 'slotId');
      case 'recused':
        throw new DomainError(DomainErrorCode.Forbidden, {
          zh: '您已回避该项目，不能为其评分',
          en: 'you are recused from this project and cannot score it',
        });
      case 'closed':
        assertRoadshowStage(result.competitionState as CompetitionState);
        throw conflict(
          result.slotState === SlotState.Locked
            ? { zh: '该项目已锁定并公布分数，不能再提交评分', en: 'this slot is locked; its score is announced' }
            : { zh: '该项目尚未上台，还不能评分', en: 'this slot has not taken the stage yet' },
        );
      case 'stored':
      case 'saved':
        break;
      default:
        throw new Error(`score_submit answered ${result.outcome}`);
    }
    const stored = result.stored as StoredRevision;
    if (result.outcome === 'stored' && !sameRequest(stored, slotId, dto)) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        {
          zh: '这个 Idempotency-Key 已用于另一份评分；新的评分请使用新的键',
          en: 'this Idempotency-Key was already used for a different score; send a new key for a new score',
        },
        'Idempotency-Key',
      );
    }
    if (result.progress) await this.live.notify(actor.roadshowId);
    return toScoreResponse((rules as RoadshowRules).rules, stored);
  }

  private async rulesOf(roadshowId: string): Promise<RoadshowRules | null> {
    const kept = this.rulesByRoadshow.get(roadshowId);
    if (kept) return kept;
    const roadshow = await this.roadshows.roadshow(roadshowId);
    const competition = roadshow ? await this.roadshows.competition(roadshow.competitionId) : null;
    if (!competition) return null;
    const rules = { rules: competition.rules, rulesVersion: competition.rulesVersion };
    if (this.rulesByRoadshow.size >= RULES_CACHE_SIZE) {
      this.rulesByRoadshow.delete(this.rulesByRoadshow.keys().next().value as string);
    }
    this.rulesByRoadshow.set(roadshowId, rules);
    return rules;
  }
}
