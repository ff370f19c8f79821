import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { CompetitionState, ScreeningStatus, SubmissionState } from '@app/domain';
import { Competition, Roadshow, Submission } from '@app/persistence';
import { Page } from '../common/page-query.dto';

export interface CompetitionFilter {
  readonly state?: CompetitionState;
  /** States the caller may not see at all (applicants never see drafts). */
  readonly hiddenStates?: readonly CompetitionState[];
}

@Injectable()
export class CompetitionsRepository {
  constructor(
    @InjectRepository(Competition) private readonly competitions: Repository<Competition>,
    @InjectRepository(Roadshow) private readonly roadshows: Repository<Roadshow>,
  ) {}

  findById(id: string): Promise<Competition | null> {
    return this.competitions.findOneBy({ id });
  }

  /**
   * Reads the row inside the caller's transaction with a row lock: `update` for writes to the
   * competition (transitions, rule edits), `share` for writes that depend on its state staying put
   * (submissions, screening) so they cannot interleave with a transition.
   */
  lock(manager: EntityManager, id: string, mode: 'update' | 'share'): Promise<Competition | null> {
    return manager.getRepository(Competition).findOne({
      where: { id },
      lock: { mode: mode === 'update' ? 'pessimistic_write' : 'pessimistic_read' },
    });
  }

  async list(filter: CompetitionFilter, page: Page): Promise<[Competition[], number]> {
    const hidden = filter.hiddenStates ?? [];
    if (filter.state && hidden.includes(filter.state)) return [[], 0];
    const state = filter.state ?? (hidden.length > 0 ? Not(In([...hidden])) : undefined);
    return this.competitions.findAndCount({
      where: state === undefined ? {} : { state },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.skip,
      take: page.pageSize,
    });
  }

  async competitionOfRoadshow(roadshowId: string): Promise<string | undefined> {
    return (await this.roadshows.findOneBy({ id: roadshowId }))?.competitionId;
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
