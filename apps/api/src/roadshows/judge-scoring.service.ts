import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionRules, CompetitionState, LiveEventType, RoadshowErrors, SlotState } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { JudgeActor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { RequestValidationError } from '../common/validation-error';
import { LiveEventsService } from '../live/live-events.service';
import { ScoreResponseDto, toScoreResponse } from './dto/score-response.dto';
import { SubmitScoreDto } from './dto/submit-score.dto';
import { RoadshowRepository } from './roadshow.repository';
import { ScoreSheet, readScoreSheet } from './score-sheet';
import { ScoreRepository, StoredRevision, snapshotOf } from './score.repository';

interface RoadshowRules {
  readonly rules: CompetitionRules;
  readonly rulesVersion: number;
}

type PostOutcome =
  | { readonly kind: 'saved'; readonly stored: StoredRevision; readonly first: boolean }
  | { readonly kind: 'replayed'; readonly stored: StoredRevision }
  | { readonly kind: 'rules-changed' };

/** The slot states in which a judge's score is taken. */
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
 * transaction (score, revision, audit row, and on the judge's first save the live event); the
 * judge's row lock puts one judge's posts one after another, so the tablet's Idempotency-Key makes
 * a retry return the first answer without writing; the slot's share lock makes a lock of the slot
 * wait for saves in progress, and every later save sees the slot locked and is refused.
 *
 * The sheet is checked against the competition's rules before the transaction, with the rules
 * kept per roadshow: they are frozen once the roadshow starts, and the post is refused inside the
 * transaction when the competition's rules version is not the one the sheet was checked against.
 */
@Injectable()
export class JudgeScoringService {
  private readonly rulesByRoadshow = new Map<string, RoadshowRules>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scores: ScoreRepository,
    private readonly roadshows: RoadshowRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveEventsService,
  ) {}

  async submit(
    actor: JudgeActor,
    slotId: string,
    idempotencyKey: string,
    dto: SubmitScoreDto,
  ): Promise<ScoreResponseDto> {
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
      const outcome = await this.dataSource.transaction((manager) =>
        this.post(manager, actor, slotId, idempotencyKey, rules, sheet, invalid),
      );
      if (outcome.kind === 'rules-changed') {
        this.rulesByRoadshow.delete(actor.roadshowId);
        continue;
      }
      if (outcome.kind === 'replayed' && !sameRequest(outcome.stored, slotId, dto)) {
        throw RoadshowErrors.idempotencyKeyReused();
      }
      if (outcome.kind === 'saved' && outcome.first) await this.live.notify(actor.roadshowId);
      return toScoreResponse((rules as RoadshowRules).rules, outcome.stored);
    }
    throw new Error(`the rules of roadshow ${actor.roadshowId} kept changing during a score post`);
  }

  /**
   * One post's transaction. The target's refusals come before the sheet's, so a locked slot or a
   * recusal is reported the same way whatever the sheet holds.
   */
  private async post(
    manager: EntityManager,
    actor: JudgeActor,
    slotId: string,
    idempotencyKey: string,
    rules: RoadshowRules | null,
    sheet: ScoreSheet | null,
    invalid: RequestValidationError | null,
  ): Promise<PostOutcome> {
    const judgeId = actorId(actor);
    if (!(await this.scores.lockJudge(manager, judgeId, actor.roadshowId))) throw RoadshowErrors.judgeNotFound();
    const target = await this.scores.target(manager, {
      judgeId,
      roadshowId: actor.roadshowId,
      slotId,
      idempotencyKey,
    });
    if (!target) throw RoadshowErrors.slotNotFound();
    if (target.stored) return { kind: 'replayed', stored: target.stored };
    if (target.recused) throw RoadshowErrors.recused();
    if (target.competitionState !== CompetitionState.Roadshow) {
      throw RoadshowErrors.notRoadshowStage(target.competitionState);
    }
    if (target.slotState === SlotState.Locked) throw RoadshowErrors.slotLocked();
    if (!SCORING_SLOT_STATES.includes(target.slotState)) throw RoadshowErrors.notOnStage();
    if (rules === null || target.rulesVersion !== rules.rulesVersion) return { kind: 'rules-changed' };
    if (!sheet) throw invalid ?? new Error('a score sheet was neither valid nor refused');
    const stored = await this.scores.write(manager, {
      slotId,
      judgeId,
      submissionId: target.submissionId,
      idempotencyKey,
      ...sheet,
    });
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'score.submit',
        subjectType: 'score',
        subjectId: stored.revision.scoreId,
        before: target.previous,
        after: { ...snapshotOf(stored), idempotencyKey },
      },
      manager,
    );
    const first = stored.revision.revision === 1;
    if (first) {
      await this.live.appendRead(manager, actor.roadshowId, LiveEventType.JudgeSubmitted, async (locked) => ({
        slotId,
        ...(await this.scores.progressOf(locked, slotId)),
      }));
    }
    return { kind: 'saved', stored, first };
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
