import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  COMPETITION_PRESETS,
  COMPETITION_TRANSITIONS,
  CompetitionState,
  DomainError,
  DomainErrorCode,
  RULES_FROZEN_FROM,
  Role,
  canTransition,
} from '@app/domain';
import { AuditRepository, Competition } from '@app/persistence';
import { yuanFigure } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf } from '../common/page-query.dto';
import { validateCompetitionRules } from './competition-rules.validator';
import { beijingTime, stateZh } from './competition-state-labels';
import { CompetitionsRepository } from './competitions.repository';
import { UpdateCompetitionRulesDto } from './dto/competition-rules.dto';
import {
  CompetitionPageDto,
  CompetitionQueryDto,
  CompetitionResponseDto,
  CreateCompetitionDto,
  TransitionCompetitionDto,
  UpdateCompetitionDto,
  toCompetitionResponse,
} from './dto/competition.dto';

export const COMPETITION_NOT_FOUND = new DomainError(
  DomainErrorCode.NotFound,
  { zh: '未找到该大赛', en: 'competition not found' },
  'id',
);

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
  if (deadline.getTime() <= now.getTime()) {
    throw new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: `submissionDeadline 必须晚于当前时间（${beijingTime(deadline)} 北京时间已过）`,
        en: `submissionDeadline must be in the future (${deadline.toISOString()} has passed)`,
      },
      'submissionDeadline',
    );
  }
  return deadline;
}

function refuseIfFrozen(competition: Competition, what: { zh: string; en: string }): void {
  if (RULES_FROZEN_FROM.includes(competition.state)) {
    const frozen = competition.rulesFrozenAt ? `规则已于 ${beijingTime(competition.rulesFrozenAt)} 冻结` : '规则已冻结';
    throw new DomainError(DomainErrorCode.Conflict, {
      zh: `路演已开始，${frozen}，不能再修改${what.zh}（大赛当前为${stateZh(competition.state)}）`,
      en: `the rules were frozen when the roadshow started; ${what.en} can no longer change (the competition is ${competition.state})`,
    });
  }
}

function refuseIfStale(expected: number | undefined, actual: number, field: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError(
      DomainErrorCode.Conflict,
      {
        zh: `大赛已被他人修改（当前版本 ${actual}，你读取的是 ${expected}），请刷新后再改`,
        en: `the competition changed since you read it (now version ${actual}, you sent ${expected}); reload and retry`,
      },
      field,
    );
  }
}

/** Where to go instead, for each of STATES_WITH_OWN_ACTION. */
const DEDICATED_ACTIONS: Partial<Record<CompetitionState, { zh: string; en: string }>> = {
  [CompetitionState.Ranked]: {
    zh: '“排名与分配” (POST /competitions/:id/runs)',
    en: 'a ranking run (POST /competitions/:id/runs)',
  },
  [CompetitionState.Allocated]: {
    zh: '“排名与分配” (POST /competitions/:id/runs)',
    en: 'a ranking run (POST /competitions/:id/runs)',
  },
  [CompetitionState.Publicity]: {
    zh: '“发布公示” (POST /competitions/:id/publication)',
    en: 'publication (POST /competitions/:id/publication)',
  },
  [CompetitionState.Awarded]: {
    zh: '“确定资助” (POST /competitions/:id/award)',
    en: 'the award (POST /competitions/:id/award)',
  },
};

@Injectable()
export class CompetitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: Actor, dto: CreateCompetitionDto): Promise<CompetitionResponseDto> {
    const overrides = sentFields(dto.rules);
    if (!dto.preset && Object.keys(overrides).length === 0) {
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        { zh: '请选择预设规则 preset，或在 rules 中给出完整规则', en: 'choose a preset, or give the complete rules' },
        'preset',
      );
    }
    const base = dto.preset ? COMPETITION_PRESETS[dto.preset] : {};
    const rules = validateCompetitionRules({ ...base, ...overrides }, dto.poolFen);
    const submissionDeadline = futureDeadline(dto.submissionDeadline, new Date());
    const saved = await this.dataSource.transaction(async (manager) => {
      const competition = await manager.getRepository(Competition).save({
        title: dto.title,
        state: CompetitionState.Draft,
        poolFen: dto.poolFen,
        rules,
        rulesVersion: 1,
        rulesFrozenAt: null,
        grantor: { name: dto.grantor.name, address: dto.grantor.address, representative: dto.grantor.representative },
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
    const [items, total] = await this.competitions.list({ state: query.state, hiddenStates }, page);
    return { items: items.map(toCompetitionResponse), total, page: page.page, pageSize: page.pageSize };
  }

  /**
   * Drafts exist only for the office; a judge sees only the competition of their roadshow. Anything
   * else answers exactly like a missing id.
   */
  async get(actor: Actor, id: string): Promise<CompetitionResponseDto> {
    const competition = await this.competitions.findById(id);
    if (!competition) throw COMPETITION_NOT_FOUND;
    if (actor.kind === 'judge' && (await this.competitions.competitionOfRoadshow(actor.roadshowId)) !== id) {
      throw COMPETITION_NOT_FOUND;
    }
    if (actor.role !== Role.Office && actor.role !== Role.Admin && competition.state === CompetitionState.Draft) {
      throw COMPETITION_NOT_FOUND;
    }
    return toCompetitionResponse(competition);
  }

  async getPublic(id: string): Promise<CompetitionResponseDto> {
    const competition = await this.competitions.findById(id);
    if (!competition || competition.state === CompetitionState.Draft) throw COMPETITION_NOT_FOUND;
    return toCompetitionResponse(competition);
  }

  async update(actor: Actor, id: string, dto: UpdateCompetitionDto): Promise<CompetitionResponseDto> {
    const { expectedVersion, ...changes } = sentFields(dto);
    const deadline = changes.submissionDeadline ? futureDeadline(changes.submissionDeadline, new Date()) : undefined;
    return this.writeLocked(id, async (manager, competition) => {
      refuseIfStale(expectedVersion, competition.version, 'expectedVersion');
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
          throw new DomainError(
            DomainErrorCode.ValidationFailed,
            {
              zh: `资金池 ${yuanFigure(changes.poolFen)} 不能小于单个项目申请上限 ${yuanFigure(competition.rules.maxRequestFen)}`,
              en: `the pool of ${yuanFigure(changes.poolFen)} must not be below the per-project cap of ${yuanFigure(competition.rules.maxRequestFen)}`,
            },
            'poolFen',
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
    return this.writeLocked(id, async (manager, competition) => {
      refuseIfFrozen(competition, { zh: '规则', en: 'the rules' });
      if (expectedRulesVersion !== undefined && expectedRulesVersion !== competition.rulesVersion) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            zh: `规则已被他人修改（当前第 ${competition.rulesVersion} 版，你读取的是第 ${expectedRulesVersion} 版），请刷新后再改`,
            en: `the rules changed since you read them (now version ${competition.rulesVersion}, you sent ${expectedRulesVersion}); reload and retry`,
          },
          'expectedRulesVersion',
        );
      }
      const rules = validateCompetitionRules({ ...competition.rules, ...patch }, competition.poolFen, '');
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
          after: { rulesVersion: saved.rulesVersion, rules },
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
      const from = competition.state;
      const to = dto.to;
      if (!canTransition(from, to)) {
        const allowed = COMPETITION_TRANSITIONS[from];
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            zh:
              `大赛当前为${stateZh(from)}，不能变为${stateZh(to)}；` +
              (allowed.length ? `可变为：${allowed.map(stateZh).join('、')}` : '该状态已是终点'),
            en:
              `a competition cannot go from ${from} to ${to}; ` +
              (allowed.length ? `from ${from} it can go to: ${allowed.join(', ')}` : `${from} is final`),
          },
          'to',
        );
      }
      const action = DEDICATED_ACTIONS[to];
      if (action) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            zh: `大赛不能直接变为${stateZh(to)}：请使用${action.zh}`,
            en: `a competition does not move to ${to} by itself: use ${action.en}`,
          },
          'to',
        );
      }
      const now = new Date();
      if (to === CompetitionState.Open && competition.submissionDeadline.getTime() <= now.getTime()) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            zh: `申报截止时间 ${beijingTime(competition.submissionDeadline)} 已过，请先修改截止时间再开始征集`,
            en: `the submission deadline ${competition.submissionDeadline.toISOString()} has passed; move it before opening`,
          },
          'submissionDeadline',
        );
      }
      if (to === CompetitionState.Roadshow) {
        const unscreened = await this.competitions.countUnscreened(manager, id);
        if (unscreened > 0) {
          throw new DomainError(DomainErrorCode.Conflict, {
            zh: `还有 ${unscreened} 个已提交项目未完成资格审查，审查完毕才能进入路演`,
            en: `${unscreened} submitted project(s) are not screened yet; finish screening before the roadshow`,
          });
        }
      }
      competition.state = to;
      if (to === CompetitionState.Roadshow && !competition.rulesFrozenAt) competition.rulesFrozenAt = now;
      const saved = await manager.getRepository(Competition).save(competition);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'competition.transition',
          subjectType: 'competition',
          subjectId: id,
          before: { state: from },
          after: {
            state: to,
            rulesVersion: saved.rulesVersion,
            rulesFrozenAt: saved.rulesFrozenAt?.toISOString() ?? null,
            reason: dto.reason ?? null,
          },
        },
        manager,
      );
      return saved;
    });
  }

  private async writeLocked(
    id: string,
    write: (manager: EntityManager, competition: Competition) => Promise<Competition>,
  ): Promise<CompetitionResponseDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, id, 'update');
      if (!competition) throw COMPETITION_NOT_FOUND;
      return write(manager, competition);
    });
    return toCompetitionResponse(saved);
  }
}
