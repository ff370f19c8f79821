import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompetitionState, PublicityErrors } from '@app/domain';
import { Competition, Publication, PublicityRepository } from '@app/persistence';
import { JobName } from '@app/queue';
import { AuditActor } from '../audit-actor';
import { CompetitionLifecycle } from '../competition/competition-lifecycle';
import { JobOutbox } from '../jobs/job-outbox';

export interface Award {
  readonly competition: Competition;
  readonly publication: Publication;
  readonly agreementsJobId: string;
}

/**
 * 立项: a competition whose notice period (公示) has ended without an open objection is awarded
 * and its agreements are queued, in one transaction. The office's button and the worker's
 * every-minute tick both award through here; the refusals' reasons (AWARD_NOT_DUE) tell the tick
 * that a competition is simply not due yet.
 */
@Injectable()
export class AwardCompetition {
  constructor(
    private readonly lifecycle: CompetitionLifecycle,
    private readonly publicity: PublicityRepository,
    private readonly jobs: JobOutbox,
  ) {}

  async award(manager: EntityManager, competitionId: string, actor: AuditActor, now: Date): Promise<Award> {
    const competition = await this.lifecycle.lock(manager, competitionId, 'update');
    const publication = await this.publicity.currentPublication(manager, competitionId);
    if (!publication || competition.state !== CompetitionState.Publicity) {
      throw PublicityErrors.notInNoticePeriod(competition.state);
    }
    if (now.getTime() < publication.endsAt.getTime()) throw PublicityErrors.noticePeriodRunning(publication.endsAt);
    const open = await this.publicity.countOpenObjections(manager, publication.id);
    if (open > 0) throw PublicityErrors.objectionsOpen(open);
    const agreementsJobId = await this.jobs.enqueue(manager, {
      name: JobName.RenderAgreements,
      data: { competitionId, runId: publication.runId, generation: 1 },
    });
    await this.lifecycle.move(manager, competition, CompetitionState.Awarded, actor, {
      reason: 'publicity period ended without open objections',
      publicationId: publication.id,
      runId: publication.runId,
      agreementsJobId,
    });
    return { competition, publication, agreementsJobId };
  }
}
