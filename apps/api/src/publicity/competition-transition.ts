import { EntityManager } from 'typeorm';
import { COMPETITION_TRANSITIONS, CompetitionState, DomainError, DomainErrorCode, canTransition } from '@app/domain';
import { AuditRepository, Competition } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { stateZh } from '../competitions/competition-state-labels';

/**
 * Moves a competition the caller has locked (FOR UPDATE) along its lifecycle and audits the move
 * in the caller's transaction, in the same shape as the office's own transitions, so the audit
 * log reads one way whichever route made the move.
 */
export async function transitionCompetition(
  manager: EntityManager,
  audit: AuditRepository,
  actor: Actor,
  competition: Competition,
  to: CompetitionState,
  details: Record<string, unknown>,
): Promise<Competition> {
  const from = competition.state;
  if (!canTransition(from, to)) {
    const allowed = COMPETITION_TRANSITIONS[from];
    throw new DomainError(DomainErrorCode.Conflict, {
      zh:
        `大赛当前为${stateZh(from)}，不能变为${stateZh(to)}；` +
        (allowed.length ? `可变为：${allowed.map(stateZh).join('、')}` : '该状态已是终点'),
      en:
        `a competition cannot go from ${from} to ${to}` +
        (allowed.length ? `; from ${from} it can go to: ${allowed.join(', ')}` : ''),
    });
  }
  competition.state = to;
  const saved = await manager.getRepository(Competition).save(competition);
  await audit.record(
    {
      ...auditActor(actor),
      action: 'competition.transition',
      subjectType: 'competition',
      subjectId: competition.id,
      before: { state: from },
      after: { state: to, rulesVersion: saved.rulesVersion, ...details },
    },
    manager,
  );
  return saved;
}
