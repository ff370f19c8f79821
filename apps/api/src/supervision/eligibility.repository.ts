import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BEIJING_TIME_ZONE, GrantState } from '@app/domain';
import { GrantReport, OrganizationSanction, ProjectGrant } from '@app/persistence';

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

  /** The organization's evaluation results, newest first, with the agreement and the day each round closed. */
  async evaluations(
    organizationId: string,
  ): Promise<{ agreementNumber: string; band: string; passed: boolean; closedOn: string }[]> {
    const rows: { agreement_number: string; band: string; passed: boolean; closed_on: string }[] =
      await this.dataSource.query(
        `SELECT g.agreement_number, e.band, e.passed,
                to_char(e.created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS closed_on
           FROM evaluation_result e
           JOIN project_grant g ON g.id = e.grant_id
          WHERE g.organization_id = $1
          ORDER BY e.created_at DESC, e.round_id`,
        [organizationId, BEIJING_TIME_ZONE],
      );
    return rows.map((r) => ({
      agreementNumber: r.agreement_number,
      band: r.band,
      passed: r.passed,
      closedOn: r.closed_on,
    }));
  }

  reportsOf(grantIds: readonly string[]): Promise<GrantReport[]> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(GrantReport).find({
      where: { grantId: In([...grantIds]) },
      select: { id: true, grantId: true, kind: true, period: true, firstSubmittedAt: true },
    });
  }
}
