import { EntityManager } from 'typeorm';
import { ConditionFacts, beijingDate } from '@app/grants';
import { ProjectGrant } from '@app/persistence';
import { GrantsRepository } from './grants.repository';

/** What the ledger knows about a grant's conditions, read inside the step's transaction. */
export async function conditionFacts(
  grants: GrantsRepository,
  manager: EntityManager,
  grant: ProjectGrant,
  now: Date,
): Promise<ConditionFacts> {
  return {
    agreementId: grant.agreementId,
    acceptedReports: await grants.acceptedReports(manager, grant.id),
    passedEvaluations: await grants.passedEvaluations(manager, grant.id),
    today: beijingDate(now),
  };
}
