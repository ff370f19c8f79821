import { Injectable } from '@nestjs/common';
import { CompetitionErrors, EvaluationErrors, EvaluatorSheetStatus, Role, RoadshowErrors } from '@app/domain';
import { CompetitionsRepository, EvaluationRound, Evaluator } from '@app/persistence';
import { EvaluatorActor } from '../auth/actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { signInCodeCandidates } from '../auth/sign-in-code';
import { TokenService } from '../auth/token.service';
import { RubricCriterionRuleDto } from '../competitions/dto/panel-rules.dto';
import { EvaluationSheetInputDto } from './dto/evaluation-input.dto';
import { toEvaluationSheetResponse } from './dto/evaluation-response.dto';
import {
  EvaluatorRoundViewDto,
  EvaluatorSessionResponseDto,
  EvaluatorSignInDto,
  TabletRoundDto,
} from './dto/evaluator-tablet.dto';
import { residentSatisfactionOf } from './resident-satisfaction';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';
import { EvaluatorSignInLimiter } from './evaluator-sign-in-limiter';

/**
 * An evaluator on a tablet: signs in with the code the office handed out, sees the round's
 * projects with their own sheets only, scores and declares conflicts through the very steps the
 * office's entry uses.
 */
@Injectable()
export class EvaluatorTabletService {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly steps: EvaluationsService,
    private readonly competitions: CompetitionsRepository,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    private readonly limiter: EvaluatorSignInLimiter,
  ) {}

  /** A code of the named round starts a session; anything else is one and the same refusal. */
  async signIn(dto: EvaluatorSignInDto, clientIp: string): Promise<EvaluatorSessionResponseDto> {
    const candidates = signInCodeCandidates(this.digests, 'evaluator-code', dto.code);
    const attempt = { targetId: dto.roundId, address: clientIp, codeDigest: candidates[0].digest };
    const { evaluator, round, codeIssuedAt } = await this.limiter.admit(
      attempt,
      async () => {
        const found = await this.evaluations.evaluatorByCode(candidates, dto.roundId);
        const round = found ? await this.evaluations.findRound(found.roundId) : null;
        return found?.codeIssuedAt && round ? { evaluator: found, round, codeIssuedAt: found.codeIssuedAt } : null;
      },
      RoadshowErrors.signInCodeInvalid,
    );
    const { token, expiresAt } = this.tokens.issue({
      kind: 'evaluator',
      role: Role.Evaluator,
      evaluatorId: evaluator.id,
      roundId: round.id,
      codeIssuedAt: codeIssuedAt.toISOString(),
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      evaluator: tabletEvaluator(evaluator),
      round: await this.tabletRound(round),
    };
  }

  async view(actor: EvaluatorActor, roundId: string): Promise<EvaluatorRoundViewDto> {
    const round = await this.ownRound(actor, roundId);
    const [projects, evaluators, recusals, sheets] = await Promise.all([
      this.evaluations.projectsOf(roundId),
      this.evaluations.evaluatorsOf(roundId),
      this.evaluations.recusalsOf([actor.evaluatorId]),
      this.evaluations.sheetsOf([actor.evaluatorId]),
    ]);
    const evaluator = evaluators.find((candidate) => candidate.id === actor.evaluatorId);
    if (!evaluator) throw EvaluationErrors.evaluatorSessionEnded();
    const recused = new Map(recusals.map((recusal) => [recusal.grantId, recusal.reason]));
    const own = new Map(sheets.map((sheet) => [sheet.grantId, sheet]));
    const satisfaction = await residentSatisfactionOf(
      this.evaluations,
      round,
      projects.map((p) => p.grantId),
    );
    return {
      round: await this.tabletRound(round),
      evaluator: tabletEvaluator(evaluator),
      rubric: round.rules.rubric as RubricCriterionRuleDto[],
      projects: projects.map((project) => {
        const reason = recused.get(project.grantId) ?? null;
        const sheet = own.get(project.grantId);
        return {
          grantId: project.grantId,
          title: project.title,
          organizationName: project.organizationName,
          community: project.community,
          status:
            reason !== null
              ? EvaluatorSheetStatus.Recused
              : sheet
                ? EvaluatorSheetStatus.Scored
                : EvaluatorSheetStatus.ToScore,
          recusalReason: reason,
          residentSatisfaction: satisfaction(project.grantId),
          sheet: sheet ? toEvaluationSheetResponse(round.rules, sheet) : null,
        };
      }),
    };
  }

  async submitSheet(
    actor: EvaluatorActor,
    roundId: string,
    grantId: string,
    dto: EvaluationSheetInputDto,
  ): Promise<EvaluatorRoundViewDto> {
    await this.ownRound(actor, roundId);
    await this.steps.recordSheet(actor, roundId, actor.evaluatorId, grantId, dto);
    return this.view(actor, roundId);
  }

  async declareRecusal(
    actor: EvaluatorActor,
    roundId: string,
    grantId: string,
    reason: string,
  ): Promise<EvaluatorRoundViewDto> {
    await this.ownRound(actor, roundId);
    await this.steps.recordRecusal(actor, roundId, { evaluatorId: actor.evaluatorId, grantId, reason });
    return this.view(actor, roundId);
  }

  /** Another round reads as missing: an evaluator's token opens their own round only. */
  private async ownRound(actor: EvaluatorActor, roundId: string): Promise<EvaluationRound> {
    const round = roundId === actor.roundId ? await this.evaluations.findRound(roundId) : null;
    if (!round) throw EvaluationErrors.roundNotFound();
    return round;
  }

  private async tabletRound(round: EvaluationRound): Promise<TabletRoundDto> {
    const competition = await this.competitions.findById(round.competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    return { id: round.id, stage: round.stage, state: round.state, competitionTitle: competition.title };
  }
}

function tabletEvaluator(evaluator: Evaluator) {
  return { id: evaluator.id, name: evaluator.name, group: evaluator.group };
}
