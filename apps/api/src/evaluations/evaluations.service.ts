import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  CompetitionErrors,
  EvaluationErrors,
  EvaluationOutcome,
  EvaluationRoundState,
  EvaluationRules,
  EvaluationStage,
  GrantsErrors,
  JIANGDONG_EVALUATION,
  JUDGE_GROUP_LABELS,
  RecusalSource,
  RoadshowErrors,
  TerminationCause,
  WebhookTopic,
  conflictOfInterest,
} from '@app/domain';
import { WebhookEvents } from '@app/application';
import { addDays, beijingDate } from '@app/grants';
import {
  AuditRepository,
  CompetitionsRepository,
  EvaluationProject,
  EvaluationRecusal,
  EvaluationResultRow,
  EvaluationRound,
  EvaluationSheet,
  Evaluator,
} from '@app/persistence';
import {
  EVALUATION_BUNDLE_FORMAT,
  EVALUATION_BUNDLE_VERSION,
  EvaluationBundle,
  EvaluationBundleInputs,
  computeEvaluation,
  evaluationBundleRulesOf,
  isGroupWeighted,
} from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { generateSignInCode, signInCodeDigest } from '../auth/sign-in-code';
import { canSee } from '../grants/grant-access';
import { promoteWhatHolds } from '../grants/ledger-facts';
import { GrantsRepository } from '../grants/grants.repository';
import { EvaluationRulesDto } from '../competitions/dto/evaluation-rules.dto';
import { isUniqueViolation } from '../common/unique-violation';
import { NamedFile } from '../common/file-response';
import { inRubricOrder, readScoreSheet } from '../roadshows/score-sheet';
import { evaluatorSignInUrl } from '../roadshows/sign-in-link';
import { TerminationProposalsService } from '../supervision/termination-proposals.service';
import {
  AddEvaluatorDto,
  CreateEvaluationRecusalDto,
  CreateEvaluationRoundDto,
  EvaluationSheetInputDto,
} from './dto/evaluation-input.dto';
import {
  EvaluationResultDto,
  EvaluationRoundDto,
  EvaluationRoundListDto,
  EvaluationRoundSummaryDto,
  EvaluatorSeatedDto,
  GrantEvaluationsDto,
  IssuedEvaluatorCodeDto,
  ProgressDto,
  toEvaluationSheetResponse,
} from './dto/evaluation-response.dto';
import { EvaluationsRepository, RoundProject } from './evaluations.repository';
import { residentSatisfactionOf } from './resident-satisfaction';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Two fresh codes colliding is a one-in-10^11 event; trying again a few times is enough. */
const CODE_ATTEMPTS = 3;

const pairKey = (evaluatorId: string, grantId: string) => `${evaluatorId}\u0000${grantId}`;

/** What the panel owes and has given: one sheet per evaluator and project, recused pairs aside. */
interface Panel {
  readonly projects: readonly RoundProject[];
  readonly evaluators: readonly Evaluator[];
  readonly recusals: readonly EvaluationRecusal[];
  readonly sheets: readonly EvaluationSheet[];
}

function progressOf(panel: Panel, keep: (evaluatorId: string, grantId: string) => boolean): ProgressDto {
  const recused = new Set(panel.recusals.map((r) => pairKey(r.evaluatorId, r.grantId)));
  const sheets = new Set(panel.sheets.map((s) => pairKey(s.evaluatorId, s.grantId)));
  let expected = 0;
  let entered = 0;
  for (const evaluator of panel.evaluators) {
    for (const project of panel.projects) {
      const key = pairKey(evaluator.id, project.grantId);
      if (recused.has(key) || !keep(evaluator.id, project.grantId)) continue;
      expected += 1;
      if (sheets.has(key)) entered += 1;
    }
  }
  return { entered, expected };
}

/** The band a result reached, as its rules name it. */
function bandOf(rules: EvaluationRules, key: string) {
  return rules.bands.find((band) => band.key === key) ?? { key, labelZh: key, labelEn: key, passes: false };
}

function toResult(row: EvaluationResultRow, round: EvaluationRound): EvaluationResultDto {
  const band = bandOf(round.rules, row.band);
  return {
    roundId: row.roundId,
    grantId: row.grantId,
    stage: round.stage,
    forStage: row.forStage,
    score: row.score,
    band: row.band,
    bandLabelZh: band.labelZh,
    bandLabelEn: band.labelEn,
    passed: row.passed,
    stars: row.stars,
    outcome: row.outcome,
    remediationDueOn: row.remediationDueOn,
    closedOn: round.closedOn as string,
    rulesVersion: round.rulesVersion,
    inputHash: round.inputHash as string,
    breakdown: row.explanation.breakdown as unknown as EvaluationResultDto['breakdown'],
    starGates: row.explanation.starGates.map((gate) => ({ ...gate })),
  };
}

/**
 * 中期评估、结项评估、整改后复评: rounds over a competition's grants, panels of four groups, the
 * office's entry of paper sheets, and the close that computes every result with libs/scoring and
 * applies its consequences through the grants ledger, all in one transaction.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly grants: GrantsRepository,
    private readonly terminations: TerminationProposalsService,
    private readonly audit: AuditRepository,
    private readonly digests: CredentialDigestService,
    private readonly events: WebhookEvents,
  ) {}

  /** Opens a round under the competition's evaluation rules as they stand, over the grants it concerns. */
  async open(actor: Actor, competitionId: string, dto: CreateEvaluationRoundDto): Promise<EvaluationRoundDto> {
    const round = await this.evaluations.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'update');
      if (!competition) throw CompetitionErrors.notFound();
      if (await this.evaluations.openRound(manager, competitionId, dto.stage)) {
        throw EvaluationErrors.roundAlreadyOpen(dto.stage);
      }
      const candidates =
        dto.stage === EvaluationStage.Reevaluation
          ? await this.evaluations.inRemediation(manager, competitionId)
          : await this.evaluations.activeGrants(manager, competitionId);
      if (candidates.length === 0) throw EvaluationErrors.nothingToEvaluate(dto.stage);
      const rules = competition.rules.evaluation ?? JIANGDONG_EVALUATION;
      const satisfaction = dto.residentSatisfactionCriterion ?? null;
      if (satisfaction !== null && !rules.rubric.some((c) => c.key === satisfaction && !c.gate)) {
        throw EvaluationErrors.satisfactionCriterion(satisfaction);
      }
      const created = await manager.getRepository(EvaluationRound).save(
        manager.getRepository(EvaluationRound).create({
          competitionId,
          stage: dto.stage,
          state: EvaluationRoundState.Open,
          rulesVersion: competition.rulesVersion,
          rules,
          residentSatisfactionCriterion: satisfaction,
          createdBy: auditActor(actor).actorId,
          closedAt: null,
          closedOn: null,
          inputHash: null,
          bundle: null,
        }),
      );
      const forStage = dto.stage === EvaluationStage.Final ? 'final' : 'mid';
      await manager.getRepository(EvaluationProject).insert(
        candidates.map((candidate) => ({
          roundId: created.id,
          grantId: candidate.grantId,
          forStage: candidate.forStage ?? forStage,
        })),
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'evaluation.round.open',
          subjectType: 'evaluation-round',
          subjectId: created.id,
          after: {
            competitionId,
            stage: dto.stage,
            rulesVersion: created.rulesVersion,
            residentSatisfactionCriterion: satisfaction,
            grantIds: candidates.map((c) => c.grantId),
          },
        },
        manager,
      );
      return created;
    });
    return this.get(round.id);
  }

  async list(competitionId: string): Promise<EvaluationRoundListDto> {
    if (!(await this.competitions.findById(competitionId))) throw CompetitionErrors.notFound();
    const rounds = await this.evaluations.roundsOf(competitionId);
    return { items: await Promise.all(rounds.map(async (round) => this.summary(round, await this.panel(round.id)))) };
  }

  async get(id: string): Promise<EvaluationRoundDto> {
    const round = await this.evaluations.findRound(id);
    if (!round) throw EvaluationErrors.roundNotFound();
    const panel = await this.panel(id);
    const results = new Map((await this.evaluations.resultsOf(id)).map((row) => [row.grantId, row]));
    const rules = round.rules;
    const satisfaction = await residentSatisfactionOf(
      this.evaluations,
      round,
      panel.projects.map((p) => p.grantId),
    );
    return {
      ...this.summary(round, panel),
      rules: rules as EvaluationRulesDto,
      projects: panel.projects.map((project) => {
        const result = results.get(project.grantId);
        return {
          grantId: project.grantId,
          agreementNumber: project.agreementNumber,
          title: project.title,
          organizationName: project.organizationName,
          community: project.community,
          forStage: project.forStage,
          progress: progressOf(panel, (_, grantId) => grantId === project.grantId),
          result: result ? toResult(result, round) : null,
          residentSatisfaction: satisfaction(project.grantId),
        };
      }),
      evaluators: panel.evaluators.map((evaluator) => ({
        id: evaluator.id,
        seat: evaluator.seat,
        name: evaluator.name,
        group: evaluator.group,
        organizationId: evaluator.organizationId,
        community: evaluator.community,
        codeIssuedAt: evaluator.codeIssuedAt?.toISOString() ?? null,
        progress: progressOf(panel, (evaluatorId) => evaluatorId === evaluator.id),
      })),
      recusals: panel.recusals.map((r) => ({
        evaluatorId: r.evaluatorId,
        grantId: r.grantId,
        source: r.source,
        reason: r.reason,
      })),
      sheets: panel.sheets.map((sheet) => toEvaluationSheetResponse(rules, sheet)),
    };
  }

  /**
   * Seats an evaluator in one of the four groups and recuses them, at once, from every project of
   * their own organization or community (the judges' rule). Their tablet sign-in code is returned
   * this once; only its digest is kept.
   */
  async addEvaluator(actor: Actor, roundId: string, dto: AddEvaluatorDto, origin: string): Promise<EvaluatorSeatedDto> {
    const { code, result: seatedId } = await this.withFreshCode((code) =>
      this.evaluations.transaction(async (manager) => {
        const round = await this.openRoundLocked(manager, roundId);
        if (!isGroupWeighted(round.rules, dto.group)) {
          throw EvaluationErrors.evaluatorGroupNotWeighted(JUDGE_GROUP_LABELS[dto.group]);
        }
        if (
          dto.organizationId !== undefined &&
          !(await this.evaluations.organizationExists(manager, dto.organizationId))
        ) {
          throw RoadshowErrors.organizationNotFound();
        }
        const seated = await this.evaluations.evaluatorsOf(roundId, manager);
        const evaluator = await manager.getRepository(Evaluator).save(
          manager.getRepository(Evaluator).create({
            roundId,
            seat: seated.length === 0 ? 1 : seated[seated.length - 1].seat + 1,
            name: dto.name,
            group: dto.group,
            organizationId: dto.organizationId ?? null,
            community: dto.community ?? null,
            ...this.codeColumns(code),
          }),
        );
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'evaluation.evaluator.add',
            subjectType: 'evaluation-round',
            subjectId: roundId,
            after: {
              evaluatorId: evaluator.id,
              seat: evaluator.seat,
              name: evaluator.name,
              group: evaluator.group,
              organizationId: evaluator.organizationId,
              community: evaluator.community,
            },
          },
          manager,
        );
        for (const project of await this.evaluations.projectsOf(roundId, manager)) {
          const reason = conflictOfInterest(evaluator, project);
          if (reason) await this.recuse(manager, actor, evaluator.id, project.grantId, RecusalSource.Automatic, reason);
        }
        return evaluator.id;
      }),
    );
    const round = await this.get(roundId);
    return { ...round, issuedCode: issuedCode(round, seatedId, code, origin) };
  }

  /**
   * A new code for an evaluator, for a lost slip or one seated before codes: the old code is
   * refused at once and every tablet signed in with it is signed out.
   */
  async reissueCode(
    actor: Actor,
    roundId: string,
    evaluatorId: string,
    origin: string,
  ): Promise<IssuedEvaluatorCodeDto> {
    const { code } = await this.withFreshCode((code) =>
      this.evaluations.transaction(async (manager) => {
        await this.openRoundLocked(manager, roundId);
        const evaluators = manager.getRepository(Evaluator);
        const evaluator = await evaluators.findOneBy({ id: evaluatorId, roundId });
        if (!evaluator) throw EvaluationErrors.evaluatorNotFound('evaluatorId');
        const before = evaluator.codeIssuedAt?.toISOString() ?? null;
        Object.assign(evaluator, this.codeColumns(code));
        await evaluators.save(evaluator);
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'evaluation.evaluator.code-reissue',
            subjectType: 'evaluation-round',
            subjectId: roundId,
            before: { evaluatorId, codeIssuedAt: before },
            after: { evaluatorId, codeIssuedAt: evaluator.codeIssuedAt?.toISOString() ?? null },
          },
          manager,
        );
      }),
    );
    return issuedCode(await this.get(roundId), evaluatorId, code, origin);
  }

  /**
   * Runs `write` with a fresh code, again with another when two codes collide under the current
   * credential key (the unique digest): one chance in 10^11, but never a 500 for the office.
   */
  private async withFreshCode<T>(write: (code: string) => Promise<T>): Promise<{ code: string; result: T }> {
    for (let attempt = 1; ; attempt += 1) {
      const code = generateSignInCode();
      try {
        return { code, result: await write(code) };
      } catch (error) {
        if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(error, 'evaluator_code_digest_key')) throw error;
      }
    }
  }

  private codeColumns(code: string): Pick<Evaluator, 'codeDigest' | 'digestKeyId' | 'codeIssuedAt'> {
    const { keyId, digest } = signInCodeDigest(this.digests, 'evaluator-code', code);
    return { codeDigest: digest, digestKeyId: keyId, codeIssuedAt: new Date() };
  }

  /** 申报回避: the evaluator declared a conflict to the office, which records it; their sheet never counts. */
  async declareRecusal(actor: Actor, roundId: string, dto: CreateEvaluationRecusalDto): Promise<EvaluationRoundDto> {
    await this.recordRecusal(actor, roundId, dto);
    return this.get(roundId);
  }

  /** A declared conflict, whether the office records it or the evaluator declares it on the tablet. */
  async recordRecusal(actor: Actor, roundId: string, dto: CreateEvaluationRecusalDto): Promise<void> {
    await this.evaluations.transaction(async (manager) => {
      await this.openRoundLocked(manager, roundId);
      await this.memberOf(manager, roundId, dto.evaluatorId, dto.grantId);
      await this.recuse(manager, actor, dto.evaluatorId, dto.grantId, RecusalSource.Declared, dto.reason);
    });
  }

  /** The office enters an evaluator's paper sheet; entering it again replaces it (audited with both). */
  async enterSheet(
    actor: Actor,
    roundId: string,
    evaluatorId: string,
    grantId: string,
    dto: EvaluationSheetInputDto,
  ): Promise<EvaluationRoundDto> {
    await this.recordSheet(actor, roundId, evaluatorId, grantId, dto);
    return this.get(roundId);
  }

  /**
   * One path for every sheet: the office entering a paper sheet and the evaluator scoring on the
   * tablet are validated, stored and audited alike; only the actor differs.
   */
  async recordSheet(
    actor: Actor,
    roundId: string,
    evaluatorId: string,
    grantId: string,
    dto: EvaluationSheetInputDto,
  ): Promise<void> {
    await this.evaluations.transaction(async (manager) => {
      const round = await this.openRoundLocked(manager, roundId);
      await this.memberOf(manager, roundId, evaluatorId, grantId);
      const recusal = await manager.getRepository(EvaluationRecusal).findOneBy({ evaluatorId, grantId });
      if (recusal) throw EvaluationErrors.evaluatorRecused(recusal.reason);
      const sheet = readScoreSheet(round.rules, dto);
      const sheets = manager.getRepository(EvaluationSheet);
      const before = await sheets.findOneBy({ evaluatorId, grantId });
      const saved = await sheets.save(
        sheets.create({
          evaluatorId,
          grantId,
          marks: { ...sheet.criteria },
          gates: { ...sheet.gates },
          total: sheet.total,
          enteredBy: auditActor(actor).actorId,
          revision: (before?.revision ?? 0) + 1,
          updatedAt: new Date(),
        }),
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'evaluation.sheet.enter',
          subjectType: 'evaluation-round',
          subjectId: roundId,
          before: before
            ? { evaluatorId, grantId, marks: before.marks, gates: before.gates, total: before.total }
            : null,
          after: { evaluatorId, grantId, marks: saved.marks, gates: saved.gates, total: saved.total },
        },
        manager,
      );
    });
  }

  /**
   * 结束评估: every sheet due must be in. The engine computes each project's score, band and stars
   * from the round's inputs; a pass makes the tranche waiting on its stage eligible (through the
   * ledger, audited), a first C opens a remediation until the closing day plus the rules' days, and
   * a C after a remediation proposes termination to the office (supervision's proposals). The
   * bundle is stored for `scoring verify`.
   */
  async close(actor: Actor, roundId: string): Promise<EvaluationRoundDto> {
    const now = new Date();
    await this.evaluations.transaction(async (manager) => {
      const round = await this.openRoundLocked(manager, roundId);
      const panel = await this.panel(roundId, manager);
      const progress = progressOf(panel, () => true);
      if (panel.evaluators.length === 0 || progress.entered < progress.expected || progress.expected === 0) {
        throw EvaluationErrors.sheetsMissing(progress.expected - progress.entered, progress.expected);
      }
      const inputs = bundleInputsOf(round, panel);
      const result = computeEvaluation(inputs, sha256Hex);
      const closedOn = beijingDate(now);
      const forStage = new Map(panel.projects.map((p) => [p.grantId, p.forStage]));
      const rows: EvaluationResultRow[] = [];
      for (const project of result.projects) {
        const stage = forStage.get(project.projectId) ?? 'mid';
        const passed = bandOf(round.rules, project.band).passes;
        const outcome = passed
          ? EvaluationOutcome.Passed
          : (await this.evaluations.failedBefore(manager, project.projectId, stage))
            ? EvaluationOutcome.TerminationProposed
            : EvaluationOutcome.Remediation;
        rows.push(
          manager.getRepository(EvaluationResultRow).create({
            roundId,
            grantId: project.projectId,
            forStage: stage,
            score: project.score,
            band: project.band,
            passed,
            stars: project.stars,
            outcome,
            remediationDueOn:
              outcome === EvaluationOutcome.Remediation ? addDays(closedOn, round.rules.remediationDays) : null,
            explanation: { breakdown: { ...project.breakdown }, starGates: project.starGates.map((g) => ({ ...g })) },
            createdAt: now,
          }),
        );
      }
      await manager.getRepository(EvaluationResultRow).save(rows);
      const bundle: EvaluationBundle = {
        format: EVALUATION_BUNDLE_FORMAT,
        version: EVALUATION_BUNDLE_VERSION,
        inputs,
        result,
      };
      round.state = EvaluationRoundState.Closed;
      round.closedAt = now;
      round.closedOn = closedOn;
      round.inputHash = result.inputHash;
      round.bundle = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
      await manager.getRepository(EvaluationRound).save(round);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'evaluation.round.close',
          subjectType: 'evaluation-round',
          subjectId: roundId,
          after: {
            inputHash: result.inputHash,
            results: rows.map((row) => ({
              grantId: row.grantId,
              score: row.score,
              band: row.band,
              stars: row.stars,
              outcome: row.outcome,
              remediationDueOn: row.remediationDueOn,
            })),
          },
        },
        manager,
      );
      await this.events.record(manager, {
        topic: WebhookTopic.EvaluationCompleted,
        competitionId: round.competitionId,
        subject: {
          type: 'evaluation-round',
          id: roundId,
          stage: round.stage,
          state: round.state,
          projects: rows.length,
        },
      });
      for (const row of rows.filter((candidate) => candidate.passed)) {
        await this.releaseTranche(manager, actor, row.grantId, now);
      }
      for (const row of rows.filter((candidate) => candidate.outcome === EvaluationOutcome.TerminationProposed)) {
        await this.terminations.propose(
          {
            grantId: row.grantId,
            cause: TerminationCause.FailedEvaluation,
            detail:
              `整改后复评仍不合格：${row.score} 分（${row.band}），评估轮次 ${roundId} / ` +
              `failed the re-evaluation after remediation: ${row.score} (${row.band}), round ${roundId}`,
            actor,
          },
          manager,
        );
      }
    });
    return this.get(roundId);
  }

  async bundle(roundId: string): Promise<NamedFile> {
    const round = await this.evaluations.findRound(roundId);
    if (!round) throw EvaluationErrors.roundNotFound();
    if (!round.bundle) throw EvaluationErrors.roundStillOpen();
    return {
      filename: `evaluation-${round.stage}-${round.id}.json`,
      contentType: 'application/json; charset=utf-8',
      bytes: Buffer.from(`${JSON.stringify(round.bundle, null, 2)}\n`, 'utf8'),
    };
  }

  /** A grant's results, for its grantee and the office, with the remediation deadline while one runs. */
  async ofGrant(actor: Actor, grantId: string): Promise<GrantEvaluationsDto> {
    const grant = await this.grants.findGrant(grantId);
    if (!grant || !canSee(actor, grant)) throw GrantsErrors.grantNotFound();
    const rows = await this.evaluations.resultsOfGrant(grantId);
    const rounds = new Map<string, EvaluationRound>();
    for (const id of new Set(rows.map((row) => row.roundId))) {
      const round = await this.evaluations.findRound(id);
      if (round) rounds.set(id, round);
    }
    const items = rows.flatMap((row) => {
      const round = rounds.get(row.roundId);
      return round ? [toResult(row, round)] : [];
    });
    const latest = items.at(-1);
    return {
      grantId,
      items,
      remediationDueOn: latest?.outcome === EvaluationOutcome.Remediation ? latest.remediationDueOn : null,
    };
  }

  private summary(round: EvaluationRound, panel: Panel): EvaluationRoundSummaryDto {
    return {
      id: round.id,
      competitionId: round.competitionId,
      stage: round.stage,
      state: round.state,
      rulesVersion: round.rulesVersion,
      createdAt: round.createdAt.toISOString(),
      closedAt: round.closedAt?.toISOString() ?? null,
      closedOn: round.closedOn,
      inputHash: round.inputHash,
      progress: progressOf(panel, () => true),
    };
  }

  private async panel(roundId: string, manager?: EntityManager): Promise<Panel> {
    const [projects, evaluators] = await Promise.all([
      this.evaluations.projectsOf(roundId, manager),
      this.evaluations.evaluatorsOf(roundId, manager),
    ]);
    const ids = evaluators.map((evaluator) => evaluator.id);
    const [recusals, sheets] = await Promise.all([
      this.evaluations.recusalsOf(ids, manager),
      this.evaluations.sheetsOf(ids, manager),
    ]);
    return { projects, evaluators, recusals, sheets };
  }

  private async openRoundLocked(manager: EntityManager, roundId: string): Promise<EvaluationRound> {
    const round = await this.evaluations.lockRound(manager, roundId);
    if (!round) throw EvaluationErrors.roundNotFound();
    if (round.state !== EvaluationRoundState.Open) throw EvaluationErrors.roundClosed();
    return round;
  }

  private async memberOf(manager: EntityManager, roundId: string, evaluatorId: string, grantId: string) {
    const evaluator = await manager.getRepository(Evaluator).findOneBy({ id: evaluatorId, roundId });
    if (!evaluator) throw EvaluationErrors.evaluatorNotFound('evaluatorId');
    const project = await manager.getRepository(EvaluationProject).findOneBy({ roundId, grantId });
    if (!project) throw EvaluationErrors.projectNotInRound();
  }

  private async recuse(
    manager: EntityManager,
    actor: Actor,
    evaluatorId: string,
    grantId: string,
    source: RecusalSource,
    reason: string,
  ): Promise<void> {
    const recusals = manager.getRepository(EvaluationRecusal);
    if (await recusals.findOneBy({ evaluatorId, grantId })) return;
    await recusals.insert({ evaluatorId, grantId, source, reason });
    await this.audit.record(
      {
        ...auditActor(actor),
        action: 'evaluation.recusal',
        subjectType: 'evaluation-recusal',
        subjectId: evaluatorId,
        after: { evaluatorId, grantId, source, reason },
      },
      manager,
    );
  }

  /** A passed evaluation is a fact of the ledger: the tranche waiting on its stage becomes eligible. */
  private async releaseTranche(manager: EntityManager, actor: Actor, grantId: string, now: Date): Promise<void> {
    const snapshot = await this.grants.lockGrant(manager, grantId);
    if (snapshot) await promoteWhatHolds(this.grants, this.audit, manager, actor, snapshot, now);
  }
}

/** The code an evaluator was just given, shown to the office this once. */
function issuedCode(
  round: EvaluationRoundDto,
  evaluatorId: string,
  code: string,
  origin: string,
): IssuedEvaluatorCodeDto {
  const evaluator = round.evaluators.find(
    (candidate) => candidate.id === evaluatorId,
  ) as IssuedEvaluatorCodeDto['evaluator'];
  return { evaluator, code, signInUrl: evaluatorSignInUrl(origin, round.id, code) };
}

/** The round's inputs as the evaluation bundle states them, in the bundle's stated orders. */
function bundleInputsOf(round: EvaluationRound, panel: Panel): EvaluationBundleInputs {
  const seats = new Map(panel.evaluators.map((evaluator) => [evaluator.id, evaluator.seat]));
  const byProjectThenSeat = (
    a: { grantId: string; evaluatorId: string },
    b: { grantId: string; evaluatorId: string },
  ) =>
    a.grantId === b.grantId
      ? (seats.get(a.evaluatorId) ?? 0) - (seats.get(b.evaluatorId) ?? 0)
      : a.grantId < b.grantId
        ? -1
        : 1;
  return {
    round: {
      id: round.id,
      competitionId: round.competitionId,
      stage: round.stage,
      rulesVersion: round.rulesVersion,
    },
    rules: evaluationBundleRulesOf(round.rules),
    projects: [...panel.projects]
      .sort((a, b) => (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0))
      .map((project) => ({
        id: project.grantId,
        title: project.title,
        organization: project.organizationId,
        community: project.community,
      })),
    judges: panel.evaluators.map((evaluator) => ({
      id: evaluator.id,
      seat: evaluator.seat,
      group: evaluator.group,
      weight: '1',
    })),
    sheets: [...panel.sheets].sort(byProjectThenSeat).map((sheet) => ({
      projectId: sheet.grantId,
      judgeId: sheet.evaluatorId,
      marks: inRubricOrder(round.rules, sheet.marks),
      gates: inRubricOrder(round.rules, sheet.gates),
    })),
    recusals: [...panel.recusals]
      .sort(byProjectThenSeat)
      .map((recusal) => ({ projectId: recusal.grantId, judgeId: recusal.evaluatorId })),
  };
}
