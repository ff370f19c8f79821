import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { Agreement, OutboxMessage, Publication, RunResult, Submission } from '@app/persistence';
import { JobName } from '@app/queue';

/** An agreement's metadata with the project and organization it is for (never the PDF bytes). */
export interface AgreementRow {
  readonly agreement: Agreement;
  readonly projectTitle: string;
  readonly organizationId: string;
}

@Injectable()
export class AgreementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async row(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgreementRow | null> {
    const agreement = await manager.getRepository(Agreement).findOneBy({ id });
    return agreement && this.withProject(manager, agreement);
  }

  lock(manager: EntityManager, id: string): Promise<Agreement | null> {
    return manager.getRepository(Agreement).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, agreement: Agreement): Promise<Agreement> {
    return manager.getRepository(Agreement).save(agreement);
  }

  /** The submission's current (non-void) agreement in Chinese, the text that governs and is signed. */
  async currentForSubmission(submissionId: string): Promise<AgreementRow | null> {
    const agreement = await this.dataSource.getRepository(Agreement).findOne({
      where: { submissionId, locale: 'zh', status: Not('void') },
      order: { version: 'DESC' },
    });
    return agreement && this.withProject(this.dataSource.manager, agreement);
  }

  findSubmission(id: string): Promise<Submission | null> {
    return this.dataSource.getRepository(Submission).findOneBy({ id });
  }

  /** In number order; void versions only when asked for. */
  async listForCompetition(competitionId: string, includeVoid: boolean): Promise<AgreementRow[]> {
    const agreements = await this.dataSource.getRepository(Agreement).find({
      where: { competitionId, ...(includeVoid ? {} : { status: Not('void') }) },
      order: { sequence: 'ASC', locale: 'DESC', version: 'ASC' },
    });
    const submissions = new Map(
      (
        await this.dataSource
          .getRepository(Submission)
          .findBy({ id: In([...new Set(agreements.map((a) => a.submissionId))]) })
      ).map((s) => [s.id, s]),
    );
    return agreements.map((agreement) => ({
      agreement,
      projectTitle: submissions.get(agreement.submissionId)?.title ?? '',
      organizationId: submissions.get(agreement.submissionId)?.organizationId ?? '',
    }));
  }

  /** How many agreements the awarded run calls for: one per funded project. */
  async fundedCount(competitionId: string): Promise<{ runId: string; count: number } | null> {
    const publication = await this.dataSource
      .getRepository(Publication)
      .findOneBy({ competitionId, supersededAt: IsNull() });
    if (!publication) return null;
    const count = await this.dataSource
      .getRepository(RunResult)
      .countBy({ runId: publication.runId, grantFen: MoreThan(0) });
    return { runId: publication.runId, count };
  }

  async pdf(id: string): Promise<Buffer> {
    const row = await this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .select('a.id')
      .addSelect('a.pdf')
      .where('a.id = :id', { id })
      .getOneOrFail();
    return row.pdf;
  }

  async signedScan(id: string): Promise<Buffer | null> {
    const row = await this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .select('a.id')
      .addSelect('a.signedScan')
      .where('a.id = :id', { id })
      .getOneOrFail();
    return row.signedScan;
  }

  async storeSignedScan(manager: EntityManager, id: string, scan: Buffer, signedAt: Date): Promise<void> {
    await manager.getRepository(Agreement).update({ id }, { signedScan: scan, signedAt, status: 'signed' });
  }

  /**
   * Voids the competition's current agreements except signed ones (a signed agreement is a
   * contract in force; it is not replaced by a regeneration). Returns what was voided.
   */
  async voidCurrent(manager: EntityManager, competitionId: string): Promise<Agreement[]> {
    const current = await manager.getRepository(Agreement).find({
      where: { competitionId, status: In(['generated', 'downloaded']) },
      lock: { mode: 'pessimistic_write' },
    });
    if (current.length > 0) {
      await manager.getRepository(Agreement).update({ id: In(current.map((a) => a.id)) }, { status: 'void' });
    }
    return current;
  }

  countSigned(manager: EntityManager, competitionId: string): Promise<number> {
    return manager.getRepository(Agreement).countBy({ competitionId, status: 'signed' });
  }

  /** The highest rendering generation queued for the run so far (0 when none). */
  async lastGeneration(manager: EntityManager, runId: string): Promise<number> {
    const row: { generation: number | null } | undefined = await manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select(`MAX((m.payload->>'generation')::int)`, 'generation')
      .where('m.job_name = :jobName', { jobName: JobName.RenderAgreements })
      .andWhere(`m.payload->>'runId' = :runId`, { runId })
      .getRawOne();
    return row?.generation ?? 0;
  }

  private async withProject(manager: EntityManager, agreement: Agreement): Promise<AgreementRow | null> {
    const submission = await manager.getRepository(Submission).findOneBy({ id: agreement.submissionId });
    if (!submission) return null;
    return { agreement, projectTitle: submission.title, organizationId: submission.organizationId };
  }
}
