import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { runInTenantScope } from '@app/persistence';

/**
 * A job for one ranking run (ranking it, rendering its agreements) acts for the run's office and
 * sees only that office's rows, as the office's own request would; a job for no one office (the
 * minute's notice-period tick, the probe) keeps the platform-wide scope of the process.
 */
@Injectable()
export class JobTenantScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(job: Job, work: () => Promise<T>): Promise<T> {
    const runId = (job.data as { runId?: unknown }).runId;
    if (typeof runId !== 'string') return work();
    const [run] = await this.dataSource.query<{ tenant_id: string }[]>(
      'SELECT tenant_id FROM ranking_run WHERE id = $1',
      [runId],
    );
    if (run === undefined) return work();
    return runInTenantScope({ tenantId: run.tenant_id, visible: [run.tenant_id] }, work);
  }
}
