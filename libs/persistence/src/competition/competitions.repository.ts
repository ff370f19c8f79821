import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOperator, In, Not } from 'typeorm';
import { CompetitionState, ScreeningStatus, SubmissionState } from '@app/domain';
import { Roadshow } from '../roadshow/roadshow.entity';
import { Competition } from './competition.entity';
import { Submission } from './submission.entity';
import { currentTenantScope } from '../tenancy/tenant-scope';

/** Which rows of a list: offset and count. */
export interface RowWindow {
  readonly skip: number;
  readonly take: number;
}

export interface CompetitionFilter {
  readonly state?: CompetitionState;
  /** States the caller may not see at all (applicants never see drafts). */
  readonly hiddenStates?: readonly CompetitionState[];
}

/** The scope's offices as a condition, or none for the platform. */
function visibleTenants(): { tenantId?: FindOperator<string> } {
  const visible = currentTenantScope()?.visible ?? 'all';
  return visible === 'all' ? {} : { tenantId: In([...visible]) };
}

@Injectable()
export class CompetitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get competitions() {
    return this.dataSource.getRepository(Competition);
  }

  /** Another office's competition reads as missing, as it does to the database's row-level security. */
  findById(id: string): Promise<Competition | null> {
    return this.competitions.findOneBy({ id, ...visibleTenants() });
  }

  /**
   * Reads the row inside the caller's transaction with a row lock: `update` for writes to the
   * competition (transitions, rule edits), `share` for writes that depend on its state staying put
   * (submissions, screening) so they cannot interleave with a transition.
   */
  lock(manager: EntityManager, id: string, mode: 'update' | 'share'): Promise<Competition | null> {
    return manager.getRepository(Competition).findOne({
      where: { id, ...visibleTenants() },
      lock: { mode: mode === 'update' ? 'pessimistic_write' : 'pessimistic_read' },
    });
  }

  async list(filter: CompetitionFilter, window: RowWindow): Promise<[Competition[], number]> {
    const hidden = filter.hiddenStates ?? [];
    if (filter.state && hidden.includes(filter.state)) return [[], 0];
    const state = filter.state ?? (hidden.length > 0 ? Not(In([...hidden])) : undefined);
    return this.competitions.findAndCount({
      where: { ...visibleTenants(), ...(state === undefined ? {} : { state }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.take,
    });
  }

  async competitionOfRoadshow(roadshowId: string): Promise<string | undefined> {
    return (await this.dataSource.getRepository(Roadshow).findOneBy({ id: roadshowId }))?.competitionId;
  }

  /** Submitted projects still waiting for the office's screening decision. */
  countUnscreened(manager: EntityManager, competitionId: string): Promise<number> {
    return manager.getRepository(Submission).countBy({
      competitionId,
      state: SubmissionState.Submitted,
      screening: ScreeningStatus.Pending,
    });
  }
}
