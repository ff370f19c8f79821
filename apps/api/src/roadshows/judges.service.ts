import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionErrors, LiveEventType, RoadshowErrors } from '@app/domain';
import { AuditRepository, Competition, Roadshow } from '@app/persistence';
import { isGroupWeighted, Rational } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { JudgeSessionRepository } from '../auth/judge-session.repository';
import { Unpaged } from '../common/page-query.dto';
import { isUniqueViolation } from '../common/unique-violation';
import { LiveEventsService } from '../live/live-events.service';
import { AddJudgeDto } from './dto/add-judge.dto';
import { JudgeCodesResponseDto } from './dto/judge-codes.dto';
import { IssuedCodeDto, JudgeCreatedResponseDto, toJudgeResponse } from './dto/judge-response.dto';
import { PanelJudgePageDto } from './dto/panel-judge.dto';
import { toRecusalResponse } from './dto/recusal-response.dto';
import { generateSignInCode, signInCodeCandidates, signInCodeDigest } from '../auth/sign-in-code';
import { JudgeRepository } from './judge.repository';
import { RecusalsService } from './recusals.service';
import { RoadshowRepository } from './roadshow.repository';
import { assertPanelOpen } from './roadshow-checks';
import { qrMatrixOf, roadshowJudgeUrl, signInUrl } from './sign-in-link';

/** Two fresh codes colliding is a one-in-10^11 event; trying again a few times is enough. */
const CODE_ATTEMPTS = 3;
/** A tablet that synced this recently counts as online; it syncs every few seconds while the page is open. */
export const ONLINE_WITHIN_SECONDS = 30;

interface OpenPanel {
  readonly roadshow: Roadshow;
  readonly competition: Competition;
}

/**
 * The panel as the office manages it: adding judges, handing out codes (shown once, only their
 * digest kept), reissuing a lost one, removing a judge who has not scored, and which tablets are on.
 */
@Injectable()
export class JudgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly recusals: RecusalsService,
    private readonly digests: CredentialDigestService,
    private readonly sessions: JudgeSessionRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveEventsService,
  ) {}

  /**
   * Adds a judge and returns the sign-in code this one time; only its digest is stored. The judge
   * is recused at once from every project of their organization or community.
   */
  async add(actor: Actor, roadshowId: string, dto: AddJudgeDto, origin: string): Promise<JudgeCreatedResponseDto> {
    const weight = dto.weight ?? '1';
    if (!Rational.parse(weight).eq(Rational.ONE)) throw RoadshowErrors.personalWeight();
    return this.withFreshCodes(1, (manager, [code]) =>
      this.addOnce(manager, actor, roadshowId, dto, weight, code, origin),
    );
  }

  /**
   * New codes for the listed judges, for a code sheet or a lost slip: each old code is refused at
   * once and every tablet signed in with it is signed out (whoever found a lost code may have used
   * it). Judges keep their scores; the tablets' unsent scores go out after the new sign-in.
   */
  async issueCodes(
    actor: Actor,
    roadshowId: string,
    judgeIds: readonly string[],
    origin: string,
  ): Promise<JudgeCodesResponseDto> {
    return this.withFreshCodes(judgeIds.length, async (manager, codes) => {
      await this.openPanel(manager, roadshowId);
      const issuedAt = new Date();
      let endedSessions = 0;
      const issued: IssuedCodeDto[] = [];
      for (const [i, judgeId] of judgeIds.entries()) {
        const current = await this.judges.judge(judgeId, manager, 'update');
        if (!current || current.roadshowId !== roadshowId) throw RoadshowErrors.judgeNotFound(`judgeIds.${i}`);
        const judge = await this.judges.replaceCode(
          manager,
          judgeId,
          signInCodeDigest(this.digests, 'judge-code', codes[i]),
        );
        const ended = await this.sessions.endAll(manager, judgeId);
        endedSessions += ended;
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'judge.code-reissue',
            subjectType: 'judge',
            subjectId: judgeId,
            before: { codeIssuedAt: current.codeIssuedAt.toISOString() },
            after: { codeIssuedAt: judge.codeIssuedAt.toISOString(), endedSessions: ended },
          },
          manager,
        );
        issued.push(this.issued(judge, codes[i], origin));
      }
      return { roadshowId, issuedAt: issuedAt.toISOString(), endedSessions, codes: issued };
    });
  }

  /**
   * Removes a judge added by mistake or who did not come, with their recusals and sessions. A
   * judge who has scored stays: their scores are part of the announced results.
   */
  async remove(actor: Actor, roadshowId: string, judgeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { roadshow } = await this.openPanel(manager, roadshowId);
      const judge = await this.judges.judge(judgeId, manager, 'update');
      if (!judge || judge.roadshowId !== roadshowId) throw RoadshowErrors.judgeNotFound('judgeId');
      const scored = (await this.judges.scoreCounts(roadshowId, manager)).get(judgeId) ?? 0;
      if (scored > 0) throw RoadshowErrors.judgeHasScored(judge.name, scored);
      const recusals = (await this.judges.recusalsOf(roadshowId, manager)).filter(
        (recusal) => recusal.judgeId === judgeId,
      );
      await this.judges.deleteJudge(manager, judgeId);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'judge.remove',
          subjectType: 'judge',
          subjectId: judgeId,
          before: { ...toJudgeResponse(judge), recusals: recusals.map(toRecusalResponse) },
          after: { removed: true },
        },
        manager,
      );
      // The hall screen's "n of N judges" changes with the panel.
      if (roadshow.currentSlotId) {
        await this.live.append(manager, roadshowId, LiveEventType.PanelChanged, { slotId: roadshow.currentSlotId });
      }
    });
    await this.live.notify(roadshowId);
  }

  /** The panel with each judge's tablets: online when synced within ONLINE_WITHIN_SECONDS. */
  async panel(roadshowId: string, origin: string, now = new Date()): Promise<Unpaged<PanelJudgePageDto>> {
    if (!(await this.roadshows.roadshow(roadshowId))) throw RoadshowErrors.roadshowNotFound('id');
    const [judges, scored, tablets] = await Promise.all([
      this.judges.judgesOf(roadshowId),
      this.judges.scoreCounts(roadshowId),
      this.sessions.tabletsOf(roadshowId),
    ]);
    return {
      roadshowId,
      judgeUrl: roadshowJudgeUrl(origin, roadshowId),
      items: judges.map((judge) => ({
        ...toJudgeResponse(judge),
        scoredCount: scored.get(judge.id) ?? 0,
        tablets: tablets
          .filter((tablet) => tablet.judgeId === judge.id)
          .map((tablet) => ({
            sessionId: tablet.id,
            signedInAt: tablet.signedInAt.toISOString(),
            lastSeenAt: tablet.lastSeenAt.toISOString(),
            online: now.getTime() - tablet.lastSeenAt.getTime() <= ONLINE_WITHIN_SECONDS * 1000,
          })),
      })),
    };
  }

  /**
   * Runs `write` in a transaction with codes no judge signs in with under any listed credential
   * key, again with new codes when two collide under the current key (the unique digest), which
   * a check before the transaction cannot rule out.
   */
  private async withFreshCodes<T>(
    count: number,
    write: (manager: EntityManager, codes: readonly string[]) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const codes: string[] = [];
      while (codes.length < count) {
        const code = await this.unusedCode();
        if (!codes.includes(code)) codes.push(code);
      }
      try {
        return await this.dataSource.transaction((manager) => write(manager, codes));
      } catch (error) {
        if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(error, 'judge_code_digest_key')) throw error;
      }
    }
  }

  /**
   * A code no judge signs in with under any listed credential key. The unique digest catches only a
   * repeat under the current key, since the same code has another digest under each older key.
   */
  private async unusedCode(): Promise<string> {
    for (;;) {
      const code = generateSignInCode();
      if (!(await this.judges.judgeByCode(signInCodeCandidates(this.digests, 'judge-code', code)))) return code;
    }
  }

  /** The roadshow, row-locked like every change of its panel and stage, while its panel may still change. */
  private async openPanel(manager: EntityManager, roadshowId: string): Promise<OpenPanel> {
    const roadshow = await this.roadshows.roadshow(roadshowId, manager, 'update');
    if (!roadshow) throw RoadshowErrors.roadshowNotFound('id');
    const competition = await this.roadshows.competition(roadshow.competitionId, manager);
    if (!competition) throw CompetitionErrors.notFound();
    assertPanelOpen(competition.state);
    return { roadshow, competition };
  }

  private issued(judge: Parameters<typeof toJudgeResponse>[0], code: string, origin: string): IssuedCodeDto {
    const url = signInUrl(origin, judge.roadshowId, code);
    return { judge: toJudgeResponse(judge), code, signInUrl: url, qr: qrMatrixOf(url) };
  }

  private async addOnce(
    manager: EntityManager,
    actor: Actor,
    roadshowId: string,
    dto: AddJudgeDto,
    weight: string,
    code: string,
    origin: string,
  ): Promise<JudgeCreatedResponseDto> {
    const digest = signInCodeDigest(this.digests, 'judge-code', code);
    const { competition } = await this.openPanel(manager, roadshowId);
    if (!isGroupWeighted(competition.rules, dto.group)) throw RoadshowErrors.groupWithoutWeight(dto.group);
    if (dto.organizationId && !(await this.judges.organization(dto.organizationId, manager))) {
      throw RoadshowErrors.organizationNotFound();
    }
    const judge = await this.judges.insert(manager, {
      roadshowId,
      name: dto.name.trim(),
      group: dto.group,
      weight,
      organizationId: dto.organizationId ?? null,
      community: dto.community?.trim() || null,
      codeDigest: digest.digest,
      digestKeyId: digest.keyId,
      codeIssuedAt: new Date(),
    });
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'judge.add',
        subjectType: 'judge',
        subjectId: judge.id,
        after: toJudgeResponse(judge),
      },
      manager,
    );
    const automatic = await this.recusals.recuseConflicts(manager, competition.id, [judge.id], actor);
    return { ...this.issued(judge, code, origin), automaticRecusals: automatic.map(toRecusalResponse) };
  }
}
