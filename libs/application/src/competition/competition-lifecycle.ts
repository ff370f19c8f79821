import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompetitionErrors, CompetitionState, canTransition } from '@app/domain';
import { AuditRepository, Competition, CompetitionsRepository } from '@app/persistence';
import { AuditActor } from '../audit-actor';

/**
 * The one place a competition changes state: the lifecycle's check, the freezing of the rules when
 * the roadshow starts, the write and its audit row, in the caller's transaction. The office's
 * transitions, the notice, the award, an upheld objection and a finished ranking run all move a
 * competition through here, so the audit log reads one way whichever route made the move.
 */
@Injectable()
export class CompetitionLifecycle {
  constructor(
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The competition row locked for the rest of the caller's transaction; refuses an unknown id. */
  async lock(manager: EntityManager, id: string, mode: 'update' | 'share'): Promise<Competition> {
    const competition = await this.competitions.lock(manager, id, mode);
    if (!competition) throw CompetitionErrors.notFound();
    return competition;
  }

  /**
   * Moves a competition the caller has locked (FOR UPDATE). `details` go into the audit row beside
   * the new state; `field` names the request field a refusal is about, when there is one.
   */
  async move(
    manager: EntityManager,
    competition: Competition,
    to: CompetitionState,
    actor: AuditActor,
    details: Record<string, unknown> = {},
    field?: string,
  ): Promise<Competition> {
    const from = competition.state;
    if (!canTransition(from, to)) throw CompetitionErrors.transitionNotAllowed(from, to, field);
    competition.state = to;
    if (to === CompetitionState.Roadshow && !competition.rulesFrozenAt) competition.rulesFrozenAt = new Date();
    const saved = await manager.getRepository(Competition).save(competition);
    await this.audit.record(
      {
        ...actor,
        action: 'competition.transition',
        subjectType: 'competition',
        subjectId: competition.id,
        before: { state: from },
        after: {
          state: to,
          rulesVersion: saved.rulesVersion,
          ...(to === CompetitionState.Roadshow ? { rulesFrozenAt: saved.rulesFrozenAt?.toISOString() ?? null } : {}),
          ...details,
        },
      },
      manager,
    );
    return saved;
  }
}
