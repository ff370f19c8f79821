import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Organization, OrganizationSanction, ProjectGrant, RowWindow } from '@app/persistence';

export interface SanctionFilter {
  readonly organizationId?: string;
  /** Only those still barring submissions on this Beijing date. */
  readonly activeOn?: string;
}

/** A sanction with the names a reader needs beside it. */
export interface SanctionRow {
  readonly sanction: OrganizationSanction;
  readonly organizationName: string;
  readonly agreementNumber: string;
}

/** 限制申报: sanctions on organizations, newest first. */
@Injectable()
export class SanctionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, sanction: Omit<OrganizationSanction, 'recordedAt'>): Promise<OrganizationSanction> {
    const repository = manager.getRepository(OrganizationSanction);
    return repository.save(repository.create(sanction));
  }

  async list(filter: SanctionFilter, window: RowWindow): Promise<[SanctionRow[], number]> {
    const query = this.dataSource.getRepository(OrganizationSanction).createQueryBuilder('s');
    if (filter.organizationId) query.andWhere('s.organization_id = :org', { org: filter.organizationId });
    if (filter.activeOn) query.andWhere('s.starts_on <= :day AND s.ends_on > :day', { day: filter.activeOn });
    const [sanctions, total] = await query
      .orderBy('s.recordedAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip(window.skip)
      .take(window.take)
      .getManyAndCount();
    return [await this.named(sanctions), total];
  }

  findByIds(ids: readonly string[]): Promise<OrganizationSanction[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(OrganizationSanction).find({ where: { id: In([...ids]) } });
  }

  async named(sanctions: readonly OrganizationSanction[]): Promise<SanctionRow[]> {
    if (sanctions.length === 0) return [];
    const [organizations, grants] = await Promise.all([
      this.dataSource
        .getRepository(Organization)
        .find({ where: { id: In([...new Set(sanctions.map((s) => s.organizationId))]) } }),
      this.dataSource.getRepository(ProjectGrant).find({ where: { id: In(sanctions.map((s) => s.grantId)) } }),
    ]);
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    const numbers = new Map(grants.map((g) => [g.id, g.agreementNumber]));
    return sanctions.map((sanction) => ({
      sanction,
      organizationName: names.get(sanction.organizationId) ?? '',
      agreementNumber: numbers.get(sanction.grantId) ?? '',
    }));
  }
}
