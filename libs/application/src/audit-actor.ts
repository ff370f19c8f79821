import type { ActorType } from '@app/persistence';

/** Who an audit row names: a person or judge by role and id, or the system itself. */
export interface AuditActor {
  readonly actorType: ActorType;
  readonly actorId: string | null;
}

/** The worker's scheduled and queued work acts as the system. */
export const SYSTEM_ACTOR: AuditActor = { actorType: 'system', actorId: null };
