import { AuthErrors, Role } from '@app/domain';
import { ProjectGrant } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';

/** The organization an applicant acts for; undefined for the office, which sees every grant. */
export function ownOrganization(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === Role.Applicant ? actor.organizationId : undefined;
}

/** The office sees every grant; a grantee only its own. Anything else reads as missing. */
export function canSee(actor: Actor, grant: Pick<ProjectGrant, 'organizationId'>): boolean {
  const own = ownOrganization(actor);
  return own === undefined || grant.organizationId === own;
}

/** The office an office account acts for; the routes calling this allow only the office. */
export function officeOf(actor: Actor): string {
  if (actor.kind !== 'user' || actor.role !== Role.Office) throw AuthErrors.roleNotAllowed();
  return actor.tenantId;
}

/** The user behind the request: the id each finance signature is recorded under. */
export function userOf(actor: Actor): string {
  return actorId(actor);
}
