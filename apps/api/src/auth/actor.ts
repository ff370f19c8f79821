import { ApiKeyScope, ResidentMethod, Role } from '@app/domain';

/** Who is calling, as established by the auth guard; services decide what this actor may touch. */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: Role.Office;
      /** The office the account belongs to: what it may see and run. */
      readonly tenantId: string;
      /** Set when an office's API key is calling: it may call only the routes that need one of these. */
      readonly scopes?: readonly ApiKeyScope[];
    }
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role.Admin }
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role.Applicant; readonly organizationId: string }
  | {
      readonly kind: 'judge';
      readonly role: Role.Judge;
      readonly judgeId: string;
      readonly roadshowId: string;
      /** The sign-in this token came from: ended by a reissued code or a removed judge. */
      readonly sessionId: string;
    }
  | {
      readonly kind: 'evaluator';
      readonly role: Role.Evaluator;
      readonly evaluatorId: string;
      readonly roundId: string;
      /** When the code this token came from was issued: a reissued code or a closed round ends it. */
      readonly codeIssuedAt: string;
    }
  | {
      readonly kind: 'voter';
      readonly role: Role.Voter;
      readonly voterId: string;
      /** The one vote round the voter was verified for: any other reads as missing. */
      readonly roundId: string;
    }
  | {
      readonly kind: 'resident';
      readonly role: Role.Resident;
      readonly residentId: string;
      readonly method: ResidentMethod;
      /** A community's printed code opens that community's wall only; a phone opens every wall. */
      readonly communityId: string | null;
    };

/** Each kind of caller, for the routes and services only that kind reaches. */
export type UserActor = Extract<Actor, { kind: 'user' }>;
export type OfficeActor = Extract<Actor, { role: Role.Office }>;
export type JudgeActor = Extract<Actor, { kind: 'judge' }>;
export type EvaluatorActor = Extract<Actor, { kind: 'evaluator' }>;
export type VoterActor = Extract<Actor, { kind: 'voter' }>;
export type ResidentActor = Extract<Actor, { kind: 'resident' }>;

export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'judge':
      return actor.judgeId;
    case 'evaluator':
      return actor.evaluatorId;
    case 'voter':
      return actor.voterId;
    case 'resident':
      return actor.residentId;
    case 'user':
      return actor.userId;
  }
}
