import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompetitionState, DomainError, DomainErrorCode } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { AgreementJobsService } from '../agreements/agreement-jobs.service';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { isUniqueViolation } from '../common/unique-violation';
import { beijingTime, stateZh } from '../competitions/competition-state-labels';
import { CompetitionsRepository } from '../competitions/competitions.repository';
import { COMPETITION_NOT_FOUND } from '../competitions/competitions.service';
import { transitionCompetition } from './competition-transition';
import { AwardResponseDto, PublicationNoticeDto, toPublicationNotice } from './dto/publication.dto';
import { PublicityRepository } from './publicity.repository';

const DAY_MS = 24 * 3600 * 1000;

export const PUBLICATION_NOT_FOUND = new DomainError(
  DomainErrorCode.NotFound,
  { zh: '该大赛尚未公示结果', en: 'the competition has not published a result' },
  'id',
);

@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly publicity: PublicityRepository,
    private readonly audit: AuditRepository,
    private readonly agreementJobs: AgreementJobsService,
  ) {}

  /**
   * Starts the notice period (公示) of the latest run's result: only an allocated competition whose
   * latest run succeeded, so what is published is exactly what was allocated last.
   */
  async publish(actor: Actor, competitionId: string): Promise<PublicationNoticeDto> {
    const publicationId = await this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'update');
      if (!competition) throw COMPETITION_NOT_FOUND;
      if (competition.state !== CompetitionState.Allocated) {
        throw new DomainError(DomainErrorCode.Conflict, {
          zh: `只有「资金已分配」的大赛可以公示结果，大赛当前为${stateZh(competition.state)}`,
          en: `only an allocated competition can publish its result; it is ${competition.state}`,
        });
      }
      const run = await this.publicity.latestRun(manager, competitionId);
      if (!run || run.status !== 'succeeded') {
        throw new DomainError(DomainErrorCode.Conflict, {
          zh: `最近一次排名与分配${run ? `状态为 ${run.status}` : '不存在'}，成功完成后才能公示`,
          en: `the latest ranking run ${run ? `is ${run.status}` : 'does not exist'}; publish once it has succeeded`,
        });
      }
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
        if (isUniqueViolation(error, 'publication_current_uq')) {
          throw new DomainError(DomainErrorCode.Conflict, {
            zh: '该大赛已有正在公示的结果',
            en: 'the competition already has a result in its notice period',
          });
        }
        throw error;
      }
      await transitionCompetition(manager, this.audit, actor, competition, CompetitionState.Publicity, {
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
      return publication.id;
    });
    return this.noticeOf(competitionId, publicationId);
  }

  /** The newest notice of a competition, superseded or not, as the public sees it. */
  async notice(competitionId: string): Promise<PublicationNoticeDto> {
    const publication = await this.publicity.latestPublication(competitionId);
    if (!publication) throw PUBLICATION_NOT_FOUND;
    return this.noticeOf(competitionId, publication.id);
  }

  /**
   * Awards the competition now that its notice period is over without open objections: the same
   * check the worker's every-minute tick makes, for the office that does not want to wait for it.
   */
  async award(actor: Actor, competitionId: string): Promise<AwardResponseDto> {
    const now = new Date();
    const result = await this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'update');
      if (!competition) throw COMPETITION_NOT_FOUND;
      const publication = await this.publicity.currentPublication(manager, competitionId);
      if (!publication || competition.state !== CompetitionState.Publicity) {
        throw new DomainError(DomainErrorCode.Conflict, {
          zh: `只有公示中的大赛可以立项，大赛当前为${stateZh(competition.state)}`,
          en: `only a competition in its notice period can be awarded; it is ${competition.state}`,
        });
      }
      if (now.getTime() < publication.endsAt.getTime()) {
        throw new DomainError(DomainErrorCode.Conflict, {
          zh: `公示期至 ${beijingTime(publication.endsAt)}（北京时间）结束，结束后才能立项`,
          en: `the notice period ends at ${publication.endsAt.toISOString()}; award after it`,
        });
      }
      const open = await this.publicity.countOpenObjections(manager, publication.id);
      if (open > 0) {
        throw new DomainError(DomainErrorCode.Conflict, {
          zh: `还有 ${open} 条异议未答复，答复后才能立项`,
          en: `${open} objection(s) are still open; answer them before awarding`,
        });
      }
      const agreementsJobId = await this.agreementJobs.enqueue(manager, {
        competitionId,
        runId: publication.runId,
        generation: 1,
      });
      await transitionCompetition(manager, this.audit, actor, competition, CompetitionState.Awarded, {
        reason: 'publicity period ended without open objections',
        publicationId: publication.id,
        runId: publication.runId,
        agreementsJobId,
      });
      return { competition, publication, agreementsJobId };
    });
    return {
      competitionId,
      state: result.competition.state,
      publicationId: result.publication.id,
      runId: result.publication.runId,
      agreementsJobId: result.agreementsJobId,
    };
  }

  private async noticeOf(competitionId: string, publicationId: string): Promise<PublicationNoticeDto> {
    const [competition, publication] = await Promise.all([
      this.competitions.findById(competitionId),
      this.publicity.findPublication(publicationId),
    ]);
    if (!competition || !publication) throw PUBLICATION_NOT_FOUND;
    const [run, rows, openObjections] = await Promise.all([
      this.publicity.runById(publication.runId),
      this.publicity.noticeRows(publication.runId),
      this.publicity.countOpenObjections(this.dataSource.manager, publication.id),
    ]);
    return toPublicationNotice(publication, competition, run, rows, openObjections, new Date());
  }
}
