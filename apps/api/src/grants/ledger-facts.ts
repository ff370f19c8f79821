import { EntityManager } from 'typeorm';
import { ConditionFacts, beijingDate, promoteEligible } from '@app/grants';
import { AuditRepository, ProjectGrant } from '@app/persistence';
import { Actor } from '../auth/actor';
import { GrantSnapshot, GrantsRepository } from './grants.repository';
import { changedTranches, grantLedger, recordEvents, signedAgreementOf, trancheLedger } from './ledger-rows';

/** What the ledger knows about a grant's conditions, read inside the step's transaction. */
export async function conditionFacts(
  grants: GrantsRepository,
  manager: EntityManager,
  grant: ProjectGrant,
  now: Date,
): Promise<ConditionFacts> {
  return {
    agreementId: signedAgreementOf(grant),
    acceptedReports: await grants.acceptedReports(manager, grant.id),
    passedEvaluations: await grants.passedEvaluations(manager, grant.id),
    today: beijingDate(now),
  };
}

/**
 * After a fact lands (an accepted report, a passed evaluation), the planned tranches whose condition
 * now holds become eligible, saved with their audit rows in the same transaction.
 */
export async function promoteWhatHolds(
  grants: GrantsRepository,
  audit: AuditRepository,
  manager: EntityManager,
  actor: Actor,
  snapshot: GrantSnapshot,
  now: Date,
): Promise<void> {
  const promoted = promoteEligible(
    grantLedger(snapshot.grant),
    snapshot.tranches.map(trancheLedger),
    await conditionFacts(grants, manager, snapshot.grant, now),
    now,
  );
  await grants.saveTranches(manager, changedTranches(snapshot.tranches, promoted.value));
  await recordEvents(audit, manager, actor, promoted.events);
}
