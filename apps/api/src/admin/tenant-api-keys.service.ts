import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { ApiKey, AuditRepository, Tenant } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { issueApiKey, revokeApiKey } from '../auth/api-keys';
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

  async create(actor: Actor, tenantId: string, dto: CreateTenantApiKeyDto): Promise<CreatedTenantApiKeyResponseDto> {
    const { saved, key } = await this.dataSource.transaction(async (manager) => {
      // Locking the office serializes its key creations, so the cap cannot be raced past.
      const tenant = await manageableTenant(manager, actor, tenantId, true);
      const scopes = [...dto.scopes].sort();
      return issueApiKey(
        manager,
        this.audit,
        this.digests,
        actor,
        { userId: actorId(actor), tenantId: tenant.id, scopes, name: dto.name },
        { tenantId: tenant.id, scopes: Not(IsNull()) },
      );
    });
    return { ...toTenantApiKeyResponse(saved), key };
  }

  /** Idempotent; revokes the office's scoped keys and its accounts' personal keys alike. */
  async revoke(actor: Actor, tenantId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const tenant: Tenant = await manageableTenant(manager, actor, tenantId);
      await revokeApiKey(manager, this.audit, actor, { id, tenantId: tenant.id });
    });
  }
}
