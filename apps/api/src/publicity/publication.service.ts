import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardCompetition, CompetitionLifecycle, Notifier, WebhookEvents } from '@app/application';
import { CompetitionState, NotificationKind, PublicityErrors, WebhookTopic, beijingTime } from '@app/domain';
import {
  AuditRepository,
  CompetitionsRepository,
  NotificationsRepository,
  PublicityRepository,
  Tenant,
} from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { isUniqueViolation } from '../common/unique-violation';
import { AwardResponseDto, PublicationNoticeDto, toPublicationNotice } from './dto/publication.dto';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly publicity: PublicityRepository,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly awards: AwardCompetition,
    private readonly audit: AuditRepository,
    private readonly events: WebhookEvents,
    private readonly notifier: Notifier,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Starts the notice period (公示) of the latest run's result: only an allocated competition whose
   * latest run succeeded, so what is published is exactly what was allocated last.
   */
  async publish(actor: Actor, competitionId: string): Promise<PublicationNoticeDto> {
    const publicationId = await this.dataSource.transaction(async (manager) => {
      const competition = await this.lifecycle.lock(manager, competitionId, 'update');
      if (competition.state !== CompetitionState.Allocated) throw PublicityErrors.notAllocated(competition.state);
      const run = await this.publicity.latestRun(manager, competitionId);
      if (!run || run.status !== 'succeeded') throw PublicityErrors.latestRunNotSucceeded(run?.status);
      const startsAt = new Date();
      const endsAt = new Date(startsAt.getTime() + competition.rules.publicityDays * DAY_MS);
      let publication;
      try {
        publication = await this.publicity.insertPublication(manager, {
          competitionId,
          runId: run.id,
          startsAt,
          endsAt,
          publishedBy: auditActor(actor).actorId,
          supersededAt: null,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'publication_current_uq')) throw PublicityErrors.alreadyPublished();
        throw error;
      }
      await this.lifecycle.move(manager, competition, CompetitionState.Publicity, auditActor(actor), {
        publicationId: publication.id,
        runId: run.id,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'publication.create',
          subjectType: 'publication',
          subjectId: publication.id,
          after: {
            competitionId,
            runId: run.id,
            inputHash: run.inputHash,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            publicityDays: competition.rules.publicityDays,
          },
        },
        manager,
      );
      await this.events.record(manager, {
        topic: WebhookTopic.PublicationStarted,
        competitionId,
        subject: {
          type: 'publication',
          id: publication.id,
          runId: run.id,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
      for (const project of await this.notifications.runProjects(manager, run.id)) {
        await this.notifier.toOrganization(manager, {
          tenantId: competition.tenantId,
          organizationId: project.organizationId,
          dedupKey: `published-${publication.id}-${project.submissionId}`,
          facts: {
            kind: NotificationKind.ResultPublished,
            competitionTitle: competition.title,
            projectTitle: project.title,
            endsOn: beijingTime(endsAt),
          },
        });
      }
      return publication.id;
    });
    return this.noticeOf(competitionId, publicationId);
  }

  /** The newest notice of a competition, superseded or not, as the public sees it. */
  async notice(competitionId: string): Promise<PublicationNoticeDto> {
    const publication = await this.publicity.latestPublication(competitionId);
    if (!publication) throw PublicityErrors.notPublished();
    return this.noticeOf(competitionId, publication.id);
  }

  /**
   * Awards the competition now that its notice period is over without open objections: the same
   * check the worker's every-minute tick makes, for the office that does not want to wait for it.
   */
  async award(actor: Actor, competitionId: string): Promise<AwardResponseDto> {
    const award = await this.dataSource.transaction((manager) =>
      this.awards.award(manager, competitionId, auditActor(actor), new Date()),
    );
    return {
      competitionId,
      state: award.competition.state,
      publicationId: award.publication.id,
      runId: award.publication.runId,
      agreementsJobId: award.agreementsJobId,
    };
  }

  private async noticeOf(competitionId: string, publicationId: string): Promise<PublicationNoticeDto> {
    const [competition, publication] = await Promise.all([
      this.competitions.findById(competitionId),
      this.publicity.findPublication(publicationId),
    ]);
    if (!competition || !publication) throw PublicityErrors.notPublished();
    const [run, rows, openObjections, office] = await Promise.all([
      this.publicity.runById(publication.runId),
      this.publicity.noticeRows(publication.runId),
      this.publicity.countOpenObjections(this.dataSource.manager, publication.id),
      this.dataSource.getRepository(Tenant).findOneBy({ id: competition.tenantId }),
    ]);
    return toPublicationNotice(
      publication,
      competition,
      run,
      rows,
      openObjections,
      new Date(),
      office?.settings.notice,
    );
  }
}
