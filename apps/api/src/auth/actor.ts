import { Role } from '@app/domain';

/** Who is calling, as established by the auth guard; services decide what this actor may touch. */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role.Office | Role.Admin }
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role.Applicant; readonly organizationId: string }
  | {
      readonly kind: 'judge';
      readonly role: Role.Judge;
      readonly judgeId: string;
      readonly roadshowId: string;
      /** The sign-in this token came from: ended by a reissued code or a removed judge. */
      readonly sessionId: string;
    };

export function actorId(actor: Actor): string {
  return actor.kind === 'judge' ? actor.judgeId : actor.userId;
}
