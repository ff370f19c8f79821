import { Role } from '@app/domain';
import { ActorType } from '@app/persistence';
import { Actor, actorId } from './actor';

/** Who an audit row names for this actor: the role as the actor type, the user's, judge's, evaluator's or voter's id as the actor id. */
export function auditActor(actor: Actor): { actorType: ActorType; actorId: string } {
  return { actorType: actorTypeOf(actor.role), actorId: actorId(actor) };
}

function actorTypeOf(role: Role): ActorType {
  switch (role) {
    case Role.Office:
      return 'office';
    case Role.Admin:
      return 'admin';
    case Role.Applicant:
      return 'applicant';
    case Role.Judge:
      return 'judge';
    case Role.Evaluator:
      return 'evaluator';
    case Role.Voter:
      return 'voter';
    case Role.Resident:
      return 'resident';
  }
}
