import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminErrors, TENANT_KIND_LABELS, TENANT_PARENT_KINDS } from '@app/domain';
import { AuditRepository, Tenant } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CreateTenantDto, TenantResponseDto, UpdateTenantDto, toTenantResponse } from './dto/tenant.dto';
import { TenantSettingsDto, TenantSettingsResponseDto, toSettings } from './dto/tenant-settings.dto';
import { manageableTenant } from './tenant-access';

@Injectable()
export class TenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async list(): Promise<TenantResponseDto[]> {
    const tenants = await this.dataSource.getRepository(Tenant).find({ order: { name: 'ASC', id: 'ASC' } });
    return parentsFirst(tenants).map(toTenantResponse);
  }

  async create(actor: Actor, dto: CreateTenantDto): Promise<TenantResponseDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const parent = dto.parentId ? await manager.getRepository(Tenant).findOneBy({ id: dto.parentId }) : null;
      if (dto.parentId && !parent) throw AdminErrors.tenantNotFound('parentId');
      if (!TENANT_PARENT_KINDS[dto.kind].includes(parent?.kind ?? null)) {
        const label = TENANT_KIND_LABELS[dto.kind];
        throw AdminErrors.tenantParentKind(label.zh, label.en);
      }
      const tenant = await manager
        .getRepository(Tenant)
        .save({ kind: dto.kind, parentId: parent?.id ?? null, name: dto.name, nameEn: dto.nameEn, settings: {} });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'tenant.create',
          subjectType: 'tenant',
          subjectId: tenant.id,
          after: toTenantResponse(tenant),
        },
        manager,
      );
      return tenant;
    });
    return toTenantResponse(created);
  }

  async rename(actor: Actor, id: string, dto: UpdateTenantDto): Promise<TenantResponseDto> {
    const renamed = await this.dataSource.transaction(async (manager) => {
      const tenant = await manageableTenant(manager, actor, id, true);
      const before = { name: tenant.name, nameEn: tenant.nameEn };
      tenant.name = dto.name ?? tenant.name;
      tenant.nameEn = dto.nameEn ?? tenant.nameEn;
      await manager.getRepository(Tenant).update(tenant.id, { name: tenant.name, nameEn: tenant.nameEn });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'tenant.rename',
          subjectType: 'tenant',
          subjectId: tenant.id,
          before,
          after: { name: tenant.name, nameEn: tenant.nameEn },
        },
        manager,
      );
      return tenant;
    });
    return toTenantResponse(renamed);
  }

  async settings(actor: Actor, id: string): Promise<TenantSettingsResponseDto> {
    return toSettingsResponse(await manageableTenant(this.dataSource.manager, actor, id));
  }

  async replaceSettings(actor: Actor, id: string, dto: TenantSettingsDto): Promise<TenantSettingsResponseDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const tenant = await manageableTenant(manager, actor, id, true);
      const before = tenant.settings;
      // The console edits the grantor and the notice; the needs limit is set elsewhere and must survive.
      tenant.settings = before.needs ? { ...toSettings(dto), needs: before.needs } : toSettings(dto);
      await manager.getRepository(Tenant).update(tenant.id, { settings: tenant.settings });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'tenant.settings',
          subjectType: 'tenant',
          subjectId: tenant.id,
          before,
          after: tenant.settings,
        },
        manager,
      );
      return tenant;
    });
    return toSettingsResponse(saved);
  }
}

function toSettingsResponse(tenant: Tenant): TenantSettingsResponseDto {
  return {
    tenantId: tenant.id,
    tenantName: tenant.name,
    tenantNameEn: tenant.nameEn,
    grantor: tenant.settings.grantor ? { ...tenant.settings.grantor } : null,
    noticeTexts: tenant.settings.notice ? { ...tenant.settings.notice } : null,
  };
}

/** Depth-first from the top, keeping the given order among siblings. */
function parentsFirst(tenants: readonly Tenant[]): Tenant[] {
  const ids = new Set(tenants.map((tenant) => tenant.id));
  const children = new Map<string | null, Tenant[]>();
  for (const tenant of tenants) {
    const parent = tenant.parentId && ids.has(tenant.parentId) ? tenant.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tenant]);
  }
  const ordered: Tenant[] = [];
  const visit = (parent: string | null) => {
    for (const tenant of children.get(parent) ?? []) {
      ordered.push(tenant);
      visit(tenant.id);
    }
  };
  visit(null);
  return ordered;
}
