import { EntityManager } from 'typeorm';
import { AdminErrors, Role } from '@app/domain';
import { Tenant } from '@app/persistence';
import { Actor } from '../auth/actor';

/**
 * The office an actor may manage: an admin any, an office account its own. Another office's id
 * reads exactly like a missing one, so ids reveal nothing about other offices.
 */
export async function manageableTenant(
  manager: EntityManager,
  actor: Actor,
  tenantId: string,
  lock = false,
): Promise<Tenant> {
  const mayManage = actor.role === Role.Admin || (actor.role === Role.Office && actor.tenantId === tenantId);
  const tenant = mayManage
    ? await manager
        .getRepository(Tenant)
        .findOne({ where: { id: tenantId }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) })
    : null;
  if (!tenant) throw AdminErrors.tenantNotFound();
  return tenant;
}
