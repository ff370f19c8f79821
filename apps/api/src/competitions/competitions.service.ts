import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompetitionLifecycle } from '@app/application';
import {
  AdminErrors,
  AuthErrors,
  BilingualMessage,
  COMPETITION_PRESETS,
  CompetitionErrors,
  CompetitionState,
  RULES_FROZEN_FROM,
  Role,
  STATES_WITH_OWN_ACTION,
  canTransition,
} from '@app/domain';
import { AuditRepository, Competition, CompetitionsRepository, GrantorParty, Tenant } from '@app/persistence';
import { yuanFigure } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { RulesDraft, validateCompetitionRules } from './competition-rules.validator';
import { UpdateCompetitionRulesDto } from './dto/competition-rules.dto';
import {
  ApplyScorePresetDto,
  CompetitionPageDto,
  CompetitionPreset,
  CompetitionQueryDto,
  CompetitionResponseDto,
  CreateCompetitionDto,
  TransitionCompetitionDto,
  UpdateCompetitionDto,
  toCompetitionResponse,
} from './dto/competition.dto';

/** The fields a client actually sent; DTO instances carry every declared field, unset ones as undefined. */
function sentFields<T extends object>(input: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** jsonb does not keep key order, so stored and new rules are compared with sorted keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function futureDeadline(text: string, now: Date): Date {
  const deadline = new Date(text);
  if (deadline.getTime() <= now.getTime()) throw CompetitionErrors.deadlineInPast(deadline);
  return deadline;
}

function refuseIfFrozen(competition: Competition, what: BilingualMessage): void {
  if (RULES_FROZEN_FROM.includes(competition.state)) {
    throw CompetitionErrors.rulesFrozen(competition.state, competition.rulesFrozenAt, what);
  }
}

@Injectable()
export class CompetitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: Actor, dto: CreateCompetitionDto): Promise<CompetitionResponseDto> {
    const overrides = sentFields(dto.rules);
    if (!dto.preset && Object.keys(overrides).length === 0) throw CompetitionErrors.presetOrRulesRequired();
    const base = dto.preset ? COMPETITION_PRESETS[dto.preset] : {};
    const rules = validateCompetitionRules({ ...base, ...overrides }, dto.poolFen);
    const submissionDeadline = futureDeadline(dto.submissionDeadline, new Date());
    // The route admits offices only; an office runs its competitions in its own tenant.
    if (actor.kind !== 'user' || actor.role !== Role.Office) throw AuthErrors.roleNotAllowed();
    const tenantId = actor.tenantId;
    const saved = await this.dataSource.transaction(async (manager) => {
      const grantor = dto.grantor ?? (await this.officeGrantor(manager, actor));
      const competition = await manager.getRepository(Competition).save({
        tenantId,
        title: dto.title,
        state: CompetitionState.Draft,
        poolFen: dto.poolFen,
        rules,
        rulesVersion: 1,
        rulesFrozenAt: null,
        grantor: { name: grantor.name, address: grantor.address, representative: grantor.representative },
        submissionDeadline,
        createdBy: auditActor(actor).actorId,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'competition.create',
          subjectType: 'competition',
          subjectId: competition.id,
          after: { ...toCompetitionResponse(competition), preset: dto.preset ?? null },
        },
        manager,
      );
      return competition;
    });
    return toCompetitionResponse(saved);
  }

  async list(actor: Actor, query: CompetitionQueryDto): Promise<CompetitionPageDto> {
    const page = pageOf(query);
    const hiddenStates = actor.role === Role.Applicant ? [CompetitionState.Draft] : [];
    const [items, total] = await this.competitions.list(
      { state: query.state, hiddenStates },
      { skip: page.skip, take: page.pageSize },
    );
    return pageResponse(page, items.map(toCompetitionResponse), total);
  }

  /**
   * Drafts exist only for the office; a judge sees only the competition of their roadshow. Anything
   * else answers exactly like a missing id.
   */
  async get(actor: Actor, id: string): Promise<CompetitionResponseDto> {
    const competition = await this.competitions.findById(id);
    if (!competition) throw CompetitionErrors.notFound();
    if (actor.kind === 'judge' && (await this.competitions.competitionOfRoadshow(actor.roadshowId)) !== id) {
      throw CompetitionErrors.notFound();
    }
    if (actor.role !== Role.Office && actor.role !== Role.Admin && competition.state === CompetitionState.Draft) {
      throw CompetitionErrors.notFound();
    }
    return toCompetitionResponse(competition);
  }

  async getPublic(id: string): Promise<CompetitionResponseDto> {
    const competition = await this.competitions.findById(id);
    if (!competition || competition.state === CompetitionState.Draft) throw CompetitionErrors.notFound();
    return toCompetitionResponse(competition);
  }

  async update(actor: Actor, id: string, dto: UpdateCompetitionDto): Promise<CompetitionResponseDto> {
    const { expectedVersion, ...changes } = sentFields(dto);
    const deadline = changes.submissionDeadline ? futureDeadline(changes.submissionDeadline, new Date()) : undefined;
    return this.writeLocked(id, async (manager, competition) => {
      if (expectedVersion !== undefined && expectedVersion !== competition.version) {
        throw CompetitionErrors.changedSinceRead(
          'competition',
          competition.version,
          expectedVersion,
          'expectedVersion',
        );
      }
      refuseIfFrozen(competition, { zh: '大赛基本信息', en: 'the competition' });
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set = <K extends 'title' | 'poolFen' | 'submissionDeadline' | 'grantor'>(key: K, value: Competition[K]) => {
        before[key] = competition[key];
        after[key] = value;
        competition[key] = value;
      };
      if (changes.title !== undefined) set('title', changes.title);
      if (changes.grantor !== undefined) set('grantor', { ...changes.grantor });
      if (deadline !== undefined) set('submissionDeadline', deadline);
      if (changes.poolFen !== undefined) {
        if (changes.poolFen < competition.rules.maxRequestFen) {
          throw CompetitionErrors.poolBelowCap(
            yuanFigure(changes.poolFen),
            yuanFigure(competition.rules.maxRequestFen),
          );
        }
        validateCompetitionRules(competition.rules, changes.poolFen);
        set('poolFen', changes.poolFen);
      }
      if (Object.keys(after).length === 0) return competition;
      const saved = await manager.getRepository(Competition).save(competition);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'competition.update',
          subjectType: 'competition',
          subjectId: id,
          before,
          after,
        },
        manager,
      );
      return saved;
    });
  }

  /**
   * Each field sent replaces the stored one; the merged rules are validated as a whole. A real
   * change bumps rulesVersion; sending the rules as they are changes nothing.
   */
  async updateRules(actor: Actor, id: string, dto: UpdateCompetitionRulesDto): Promise<CompetitionResponseDto> {
    const { expectedRulesVersion, ...patch } = sentFields(dto);
    return this.replaceRules(actor, id, expectedRulesVersion, (competition) => ({ ...competition.rules, ...patch }));
  }

  /**
   * Puts a preset's way of making the final score (its components, normalization and bias
   * threshold) on a draft competition's rules, keeping everything else the office set. Only a
   * draft: once applicants submit, the office changes the rules field by field and sees each change.
   */
  async applyScorePreset(actor: Actor, id: string, dto: ApplyScorePresetDto): Promise<CompetitionResponseDto> {
    const preset = COMPETITION_PRESETS[dto.preset];
    return this.replaceRules(
      actor,
      id,
      dto.expectedRulesVersion,
      (competition) => {
        if (competition.state !== CompetitionState.Draft) throw CompetitionErrors.presetOnlyInDraft(competition.state);
        const {
          normalization: _normalization,
          biasThreshold: _biasThreshold,
          ...aggregation
        } = competition.rules.aggregation;
        return {
          ...competition.rules,
          aggregation: {
            ...aggregation,
            ...(preset.aggregation.normalization ? { normalization: preset.aggregation.normalization } : {}),
            ...(preset.aggregation.biasThreshold ? { biasThreshold: preset.aggregation.biasThreshold } : {}),
          },
          components: preset.components,
        };
      },
      dto.preset,
    );
  }

  /** The one write of a competition's rules: checked against the version read, validated whole, audited. */
  private replaceRules(
    actor: Actor,
    id: string,
    expectedRulesVersion: number | undefined,
    next: (competition: Competition) => RulesDraft,
    preset?: CompetitionPreset,
  ): Promise<CompetitionResponseDto> {
    return this.writeLocked(id, async (manager, competition) => {
      refuseIfFrozen(competition, { zh: '规则', en: 'the rules' });
      if (expectedRulesVersion !== undefined && expectedRulesVersion !== competition.rulesVersion) {
        throw CompetitionErrors.changedSinceRead(
          'rules',
          competition.rulesVersion,
          expectedRulesVersion,
          'expectedRulesVersion',
        );
      }
      const rules = validateCompetitionRules(next(competition), competition.poolFen, '');
      if (canonical(rules) === canonical(competition.rules)) return competition;
      const before = { rulesVersion: competition.rulesVersion, rules: competition.rules };
      competition.rules = rules;
      competition.rulesVersion += 1;
      const saved = await manager.getRepository(Competition).save(competition);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'competition.rules.update',
          subjectType: 'competition',
          subjectId: id,
          before,
          after: { rulesVersion: saved.rulesVersion, rules, ...(preset ? { preset } : {}) },
        },
        manager,
      );
      return saved;
    });
  }

  /**
   * Moves the competition along its lifecycle. The row is locked for the check and the write, so
   * of two concurrent requests for the same move exactly one succeeds and the other sees the new
   * state and is refused.
   */
  async transition(actor: Actor, id: string, dto: TransitionCompetitionDto): Promise<CompetitionResponseDto> {
    return this.writeLocked(id, async (manager, competition) => {
      const to = dto.to;
      if (!canTransition(competition.state, to)) {
        throw CompetitionErrors.transitionNotAllowed(competition.state, to, 'to');
      }
      if (STATES_WITH_OWN_ACTION.includes(to)) throw CompetitionErrors.transitionHasOwnAction(to, 'to');
      if (to === CompetitionState.Open && competition.submissionDeadline.getTime() <= Date.now()) {
        throw CompetitionErrors.deadlinePassedBeforeOpening(competition.submissionDeadline);
      }
      if (to === CompetitionState.Roadshow) {
        const unscreened = await this.competitions.countUnscreened(manager, id);
        if (unscreened > 0) throw CompetitionErrors.submissionsNotScreened(unscreened);
      }
      return this.lifecycle.move(manager, competition, to, auditActor(actor), { reason: dto.reason ?? null }, 'to');
    });
  }

  private async writeLocked(
    id: string,
    write: (manager: EntityManager, competition: Competition) => Promise<Competition>,
  ): Promise<CompetitionResponseDto> {
    const saved = await this.dataSource.transaction(async (manager) =>
      write(manager, await this.lifecycle.lock(manager, id, 'update')),
    );
    return toCompetitionResponse(saved);
  }

  /** What a competition created without a grantor names as party A: the office's own, from its settings. */
  private async officeGrantor(manager: EntityManager, actor: Actor): Promise<GrantorParty> {
    const tenant =
      actor.role === Role.Office ? await manager.getRepository(Tenant).findOneBy({ id: actor.tenantId }) : null;
    if (!tenant?.settings.grantor) throw AdminErrors.grantorNotSet();
    return tenant.settings.grantor;
  }
}
