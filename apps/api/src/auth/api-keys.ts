import { randomBytes } from 'node:crypto';
import { EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { AuthErrors, ApiKeyScope } from '@app/domain';
import { ApiKey, AuditRepository } from '@app/persistence';
import { Actor } from './actor';
import { auditActor } from './audit-actor';
import { CredentialDigestService } from './credential-digest.service';

/** A holder with more live keys than this is more likely leaking them than using them. */
export const MAX_ACTIVE_API_KEYS = 20;

/** What a new key is: whose, listed under which office, what it may do (null: all its holder may). */
export interface NewApiKey {
  readonly userId: string;
  readonly tenantId: string | null;
  readonly scopes: ApiKeyScope[] | null;
  readonly name: string;
}

/**
 * Makes a key, audited, in the caller's transaction, refusing past MAX_ACTIVE_API_KEYS active keys
 * among those `holder` finds (the caller locks the holder's row first, so the cap cannot be raced
 * past). The key is returned this once; only its keyed digest is stored, as the auth guard looks it up.
 */
export async function issueApiKey(
  manager: EntityManager,
  audit: AuditRepository,
  digests: CredentialDigestService,
  actor: Actor,
  key: NewApiKey,
  holder: FindOptionsWhere<ApiKey>,
): Promise<{ saved: ApiKey; key: string }> {
  const keys = manager.getRepository(ApiKey);
  if ((await keys.countBy({ ...holder, revokedAt: IsNull() })) >= MAX_ACTIVE_API_KEYS) {
    throw AuthErrors.apiKeyLimit(MAX_ACTIVE_API_KEYS);
  }
  const secret = `gyk_${randomBytes(24).toString('base64url')}`;
  const { keyId, digest } = digests.current('api-key', secret);
  const saved = await keys.save({ ...key, keyHash: digest, digestKeyId: keyId, revokedAt: null });
  await audit.record(
    {
      ...auditActor(actor),
      action: 'api-key.create',
      subjectType: 'api-key',
      subjectId: saved.id,
      after: { name: saved.name, userId: key.userId, tenantId: key.tenantId, scopes: key.scopes },
    },
    manager,
  );
  return { saved, key: secret };
}

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
