import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { GrantState } from '@app/domain';
import { Competition, GrantReport, OrganizationSanction, ProjectGrant } from '@app/persistence';

/** What the eligibility rules read about one organization. */
@Injectable()
export class EligibilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  activeSanctions(organizationId: string, today: string): Promise<OrganizationSanction[]> {
    return this.dataSource
      .getRepository(OrganizationSanction)
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId', { organizationId })
      .andWhere('s.starts_on <= :today AND s.ends_on > :today', { today })
      .getMany();
  }

  runningGrants(organizationId: string): Promise<ProjectGrant[]> {
    return this.dataSource
      .getRepository(ProjectGrant)
      .find({ where: { organizationId, state: In([GrantState.Active, GrantState.Suspended]) } });
  }

  competitions(ids: readonly string[]): Promise<Competition[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Competition).find({ where: { id: In([...new Set(ids)]) } });
  }

  reportsOf(grantIds: readonly string[]): Promise<GrantReport[]> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(GrantReport).find({
      where: { grantId: In([...grantIds]) },
      select: { id: true, grantId: true, kind: true, period: true, firstSubmittedAt: true },
    });
  }
}
