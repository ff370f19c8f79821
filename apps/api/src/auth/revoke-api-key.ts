import { EntityManager, FindOptionsWhere } from 'typeorm';
import { AuthErrors } from '@app/domain';
import { ApiKey, AuditRepository } from '@app/persistence';
import { Actor } from './actor';
import { auditActor } from './audit-actor';

/**
 * Revokes the one key `where` finds, audited, in the caller's transaction; idempotent: a key that is
 * already revoked changes nothing. A key outside `where` answers exactly like a missing one.
 */
export async function revokeApiKey(
  manager: EntityManager,
  audit: AuditRepository,
  actor: Actor,
  where: FindOptionsWhere<ApiKey>,
): Promise<void> {
  const keys = manager.getRepository(ApiKey);
  const key = await keys.findOne({ where, lock: { mode: 'pessimistic_write' } });
  if (!key) throw AuthErrors.apiKeyNotFound();
  if (key.revokedAt) return;
  key.revokedAt = new Date();
  await keys.save(key);
  await audit.record(
    {
      ...auditActor(actor),
      action: 'api-key.revoke',
      subjectType: 'api-key',
      subjectId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: key.revokedAt.toISOString() },
    },
    manager,
  );
}
