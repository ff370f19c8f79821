import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReportKind, ReportState } from '@app/domain';
import { GrantReport, ProjectGrant, ReportAttachment, RowWindow } from '@app/persistence';

export interface ReportFilter {
  readonly state?: ReportState;
  readonly kind?: ReportKind;
  readonly grantId?: string;
  readonly competitionId?: string;
  readonly organizationId?: string;
}

/** The grantee's reports and their attachments. */
@Injectable()
export class GrantReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string): Promise<GrantReport | null> {
    return this.dataSource.getRepository(GrantReport).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<GrantReport | null> {
    return manager.getRepository(GrantReport).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, report: Partial<GrantReport>): Promise<GrantReport> {
    return manager.getRepository(GrantReport).save(manager.getRepository(GrantReport).create(report));
  }

  save(manager: EntityManager, report: GrantReport): Promise<GrantReport> {
    return manager.getRepository(GrantReport).save(report);
  }

  ofGrant(grantId: string): Promise<GrantReport[]> {
    return this.dataSource
      .getRepository(GrantReport)
      .find({ where: { grantId }, order: { dueOn: 'ASC', kind: 'ASC' } });
  }

  /** Oldest submission first, so the office reviews in the order reports came in. */
  list(filter: ReportFilter, window: RowWindow): Promise<[GrantReport[], number]> {
    const query = this.dataSource
      .getRepository(GrantReport)
      .createQueryBuilder('r')
      .innerJoin(ProjectGrant, 'g', 'g.id = r.grant_id');
    if (filter.state) query.andWhere('r.state = :state', { state: filter.state });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.grantId) query.andWhere('r.grant_id = :grantId', { grantId: filter.grantId });
    if (filter.competitionId)
      query.andWhere('g.competition_id = :competitionId', { competitionId: filter.competitionId });
    if (filter.organizationId) query.andWhere('g.organization_id = :org', { org: filter.organizationId });
    return (
      query
        .orderBy('r.submittedAt', 'ASC', 'NULLS LAST')
        .addOrderBy('r.dueOn', 'ASC')
        .addOrderBy('r.id', 'ASC')
        // Joined one-to-one: plain offset and limit, no DISTINCT sub-query (which cannot order by the join).
        .offset(window.skip)
        .limit(window.take)
        .getManyAndCount()
    );
  }

  attachmentsOf(reportId: string): Promise<ReportAttachment[]> {
    return this.dataSource.getRepository(ReportAttachment).find({ where: { reportId }, order: { createdAt: 'ASC' } });
  }

  countAttachments(manager: EntityManager, reportId: string): Promise<number> {
    return manager.getRepository(ReportAttachment).countBy({ reportId });
  }

  insertAttachment(
    manager: EntityManager,
    attachment: Omit<ReportAttachment, 'id' | 'createdAt'>,
  ): Promise<ReportAttachment> {
    const repository = manager.getRepository(ReportAttachment);
    return repository.save(repository.create(attachment));
  }

  findAttachment(id: string): Promise<ReportAttachment | null> {
    return this.dataSource.getRepository(ReportAttachment).findOneBy({ id });
  }

  async attachmentBytes(id: string): Promise<Buffer> {
    const row = await this.dataSource
      .getRepository(ReportAttachment)
      .createQueryBuilder('a')
      .select('a.id')
      .addSelect('a.bytes')
      .where('a.id = :id', { id })
      .getOneOrFail();
    return row.bytes;
  }

  async deleteAttachment(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ReportAttachment).delete({ id });
  }
}
