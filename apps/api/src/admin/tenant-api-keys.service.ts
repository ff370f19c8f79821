import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { AuthErrors } from '@app/domain';
import { ApiKey, AuditRepository, Tenant } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { MAX_ACTIVE_API_KEYS } from '../auth/auth.service';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { revokeApiKey } from '../auth/revoke-api-key';
import {
  CreateTenantApiKeyDto,
  CreatedTenantApiKeyResponseDto,
  TenantApiKeyResponseDto,
  toTenantApiKeyResponse,
} from './dto/tenant-api-key.dto';
import { manageableTenant } from './tenant-access';

/** An office's keys for its integrations, made by the office itself or an administrator. */
@Injectable()
export class TenantApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly digests: CredentialDigestService,
  ) {}

  /** Scoped keys and the office accounts' personal keys: every key that can act for the office. */
  async list(actor: Actor, tenantId: string): Promise<TenantApiKeyResponseDto[]> {
    const tenant = await manageableTenant(this.dataSource.manager, actor, tenantId);
    const keys = await this.dataSource
      .getRepository(ApiKey)
      .find({ where: { tenantId: tenant.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(toTenantApiKeyResponse);
  }

  /** The key is returned this once; only its keyed digest is stored, as the auth guard looks it up. */
  async create(actor: Actor, tenantId: string, dto: CreateTenantApiKeyDto): Promise<CreatedTenantApiKeyResponseDto> {
    const key = `gyk_${randomBytes(24).toString('base64url')}`;
    const created = await this.dataSource.transaction(async (manager) => {
      // Locking the office serializes its key creations, so the cap below cannot be raced past.
      const tenant = await manageableTenant(manager, actor, tenantId, true);
      const active = await manager
        .getRepository(ApiKey)
        .countBy({ tenantId: tenant.id, scopes: Not(IsNull()), revokedAt: IsNull() });
      if (active >= MAX_ACTIVE_API_KEYS) throw AuthErrors.apiKeyLimit(MAX_ACTIVE_API_KEYS);
      const { keyId, digest } = this.digests.current('api-key', key);
      const saved = await manager.getRepository(ApiKey).save({
        userId: actorId(actor),
        tenantId: tenant.id,
        scopes: [...dto.scopes].sort(),
        name: dto.name,
        keyHash: digest,
        digestKeyId: keyId,
        revokedAt: null,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'api-key.create',
          subjectType: 'api-key',
          subjectId: saved.id,
          after: { name: saved.name, tenantId: tenant.id, scopes: saved.scopes },
        },
        manager,
      );
      return saved;
    });
    return { ...toTenantApiKeyResponse(created), key };
  }

  /** Idempotent; revokes the office's scoped keys and its accounts' personal keys alike. */
  async revoke(actor: Actor, tenantId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const tenant: Tenant = await manageableTenant(manager, actor, tenantId);
      await revokeApiKey(manager, this.audit, actor, { id, tenantId: tenant.id });
    });
  }
}
