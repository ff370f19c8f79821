import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ExitRule,
  GrantState,
  GrantsErrors,
  MonthlyCheckRules,
  SupervisionErrors,
  TerminationCause,
} from '@app/domain';
import { ExitWatch, beijingDate, exitWatch, monthOf, monthsOf, scoreCheck } from '@app/grants';
import { AuditRepository, MonthlyCheck } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { userOf } from '../grants/grant-access';
import { GrantsRepository } from '../grants/grants.repository';
import { GrantsService } from '../grants/grants.service';
import { MonthlyCheckDto, MonthlyCheckSeriesDto, RecordMonthlyCheckDto } from './dto/monthly-check.dto';
import { MonthlyChecksRepository } from './monthly-checks.repository';
import { TerminationProposalsService } from './termination-proposals.service';

/** What the exit proposal says, in both languages: the months, their scores, the rule. */
function exitDetail(watch: ExitWatch, rule: ExitRule): string {
  const months = watch.monthsBelow.map((m) => m.month);
  const scores = watch.monthsBelow.map((m) => m.score);
  return (
    `${months.join('、')} 月度考核分别为 ${scores.join('、')} 分，连续 ${months.length} 个月低于 ${rule.below} 分 / ` +
    `monthly scores ${scores.join(', ')} in ${months.join(', ')}: ${months.length} months in a row below ${rule.below}`
  );
}

/**
 * 月度考核 (辛店): the office scores a grant's month against the competition's checklist, with its
 * evidence. After each check the exit rule reads the months; when the run below the line is as
 * long as the rule says, the grant's exit is proposed in the same transaction.
 */
@Injectable()
export class MonthlyChecksService {
  constructor(
    private readonly checks: MonthlyChecksRepository,
    private readonly grants: GrantsService,
    private readonly ledger: GrantsRepository,
    private readonly proposals: TerminationProposalsService,
    private readonly audit: AuditRepository,
  ) {}

  async record(actor: Actor, grantId: string, dto: RecordMonthlyCheckDto): Promise<MonthlyCheckSeriesDto> {
    const now = new Date();
    await this.checks.transaction(async (manager) => {
      const grant = await this.checks.lockGrant(manager, grantId);
      if (!grant) throw GrantsErrors.grantNotFound();
      if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
        throw GrantsErrors.grantClosed(grant.state);
      }
      const rules = (await this.ledger.termsOf(grant, manager))?.supervision.monthlyChecks;
      if (!rules) throw SupervisionErrors.noMonthlyChecks();
      const months = monthsOf(grant.periodStart, grant.periodEnd);
      if (!months.includes(dto.month)) throw SupervisionErrors.checkMonthInvalid(months[0], months[months.length - 1]);
      if (dto.month > monthOf(beijingDate(now))) throw SupervisionErrors.checkMonthNotStarted(dto.month);
      const { items, score } = scoreCheck(rules.checklist, dto.items);
      const previous = await this.checks.latest(manager, grantId, dto.month);
      if (previous && dto.expectedRevision !== undefined && dto.expectedRevision !== previous.revision) {
        throw SupervisionErrors.checkRevisionStale(dto.month, previous.revision);
      }
      const check = await this.checks.insert(manager, {
        id: randomUUID(),
        grantId,
        month: dto.month,
        revision: (previous?.revision ?? 0) + 1,
        score,
        items,
        note: dto.note,
        checkedBy: userOf(actor),
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: previous ? 'monthly-check.correct' : 'monthly-check.record',
          subjectType: 'grant',
          subjectId: grantId,
          before: previous ? { month: previous.month, revision: previous.revision, score: previous.score } : null,
          after: { checkId: check.id, month: check.month, revision: check.revision, score, items },
        },
        manager,
      );
      const watch = exitWatch(await this.checks.series(grantId, manager), rules.exit);
      if (watch.exit && watch.monthsBelow.some((m) => m.month === dto.month)) {
        await this.proposals.propose(
          { grantId, cause: TerminationCause.MonthlyChecks, detail: exitDetail(watch, rules.exit), actor },
          manager,
        );
      }
    });
    return this.series(actor, grantId);
  }

  /** The office sees every grant's checks; an organization its own grants'. */
  async series(actor: Actor, grantId: string): Promise<MonthlyCheckSeriesDto> {
    const grant = await this.grants.visible(actor, grantId);
    const [terms, checks] = await Promise.all([this.ledger.termsOf(grant), this.checks.series(grantId)]);
    const rules: MonthlyCheckRules | null = terms?.supervision.monthlyChecks ?? null;
    if (!rules) {
      return { grantId, checklist: [], exit: null, months: [], monthsBelow: [], warning: false, exitProposed: false };
    }
    const watch = exitWatch(checks, rules.exit);
    return {
      grantId,
      checklist: rules.checklist.map((item) => ({ ...item })),
      exit: { ...rules.exit },
      months: checks.map((check) => this.toResponse(check, rules.exit)),
      monthsBelow: watch.monthsBelow.map((m) => m.month),
      warning: watch.monthsBelow.length > 0 && !watch.exit,
      exitProposed: watch.exit,
    };
  }

  private toResponse(check: MonthlyCheck, rule: ExitRule): MonthlyCheckDto {
    return {
      id: check.id,
      month: check.month,
      revision: check.revision,
      score: check.score,
      below: check.score < rule.below,
      items: check.items.map((item) => ({ ...item })),
      note: check.note,
      checkedAt: check.createdAt.toISOString(),
    };
  }
}
