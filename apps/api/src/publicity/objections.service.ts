import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompetitionLifecycle, Notifier, WebhookEvents } from '@app/application';
import { CompetitionState, NotificationKind, PublicityErrors, Role, WebhookTopic } from '@app/domain';
import { AuditRepository, CompetitionsRepository, PublicityRepository } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { RankingRunsService } from '../results/ranking-runs.service';
import { AnswerObjectionDto, CreateObjectionDto, ObjectionResponseDto, toObjectionResponse } from './dto/objection.dto';
import { ObjectionsRepository } from './objections.repository';

/** The applicant's organization; the guard already admits only office and applicants here. */
function organizationOf(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === Role.Applicant ? actor.organizationId : undefined;
}

@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly publicity: PublicityRepository,
    private readonly objections: ObjectionsRepository,
    private readonly runs: RankingRunsService,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly audit: AuditRepository,
    private readonly events: WebhookEvents,
    private readonly notifier: Notifier,
  ) {}

  /**
   * 异议: only for the applicant's own project, only while the notice period runs. The competition
   * row is share-locked, so the period cannot close (or a new run start) between the check and
   * the insert: an objection filed in time always blocks the award.
   */
  async file(actor: Actor, publicationId: string, dto: CreateObjectionDto): Promise<ObjectionResponseDto> {
    const organizationId = organizationOf(actor);
    if (!organizationId) throw PublicityErrors.objectionByApplicantOnly();
    const row = await this.dataSource.transaction(async (manager) => {
      const publication = await this.publicity.findPublication(publicationId, manager);
      if (!publication) throw PublicityErrors.publicationNotFound();
      const competition = await this.competitions.lock(manager, publication.competitionId, 'share');
      const submission = await this.objections.findSubmission(manager, dto.submissionId);
      if (
        !competition ||
        !submission ||
        submission.competitionId !== publication.competitionId ||
        submission.organizationId !== organizationId
      ) {
        throw PublicityErrors.projectNotFound();
      }
      const now = new Date();
      if (
        publication.supersededAt ||
        competition.state !== CompetitionState.Publicity ||
        now.getTime() < publication.startsAt.getTime() ||
        now.getTime() >= publication.endsAt.getTime()
      ) {
        throw PublicityErrors.outsideNoticePeriod(
          publication.startsAt,
          publication.endsAt,
          publication.supersededAt !== null,
          competition.state,
        );
      }
      if (await this.objections.hasOpen(manager, publication.id, submission.id)) {
        throw PublicityErrors.objectionAlreadyOpen();
      }
      const objection = await this.objections.save(manager, {
        publicationId: publication.id,
        submissionId: submission.id,
        filedBy: auditActor(actor).actorId,
        reason: dto.reason,
        status: 'open',
        answer: null,
        answeredBy: null,
        answeredAt: null,
        newRunId: null,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'objection.file',
          subjectType: 'objection',
          subjectId: objection.id,
          after: { publicationId: publication.id, submissionId: submission.id, reason: dto.reason },
        },
        manager,
      );
      return { objection, projectTitle: submission.title, organizationId };
    });
    return toObjectionResponse(row);
  }

  /** The office sees every objection; an applicant only its own organization's. */
  async list(actor: Actor, publicationId: string): Promise<ObjectionResponseDto[]> {
    const publication = await this.publicity.findPublication(publicationId);
    if (!publication) throw PublicityErrors.publicationNotFound();
    const rows = await this.objections.list(publicationId, organizationOf(actor));
    return rows.map(toObjectionResponse);
  }

  /** Another organization's objection answers exactly like a missing one. */
  async get(actor: Actor, id: string): Promise<ObjectionResponseDto> {
    const row = await this.objections.row(id);
    const organizationId = organizationOf(actor);
    if (!row || (organizationId && row.organizationId !== organizationId)) throw PublicityErrors.objectionNotFound();
    return toObjectionResponse(row);
  }

  /**
   * Rejected: the answer is stored and the result stands. Upheld: in one transaction the notice
   * is withdrawn, the competition goes back to ranked and a new ranking run is queued, so there
   * is never a withdrawn notice without its new run, nor a run without the reason it exists.
   * Objections still open on a notice an earlier one already withdrew are answered against
   * the run that withdrawal started.
   */
  async answer(actor: Actor, id: string, dto: AnswerObjectionDto): Promise<ObjectionResponseDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const found = await this.objections.find(id, manager);
      if (!found) throw PublicityErrors.objectionNotFound();
      const publication = await this.publicity.findPublication(found.publicationId, manager);
      if (!publication) throw PublicityErrors.objectionNotFound();
      // Competition first, then the objection: the same order as filing and closing take their locks.
      const competition = await this.competitions.lock(manager, publication.competitionId, 'update');
      const objection = await this.objections.lock(manager, id);
      const submission = await this.objections.findSubmission(manager, found.submissionId);
      if (!competition || !objection || !submission) throw PublicityErrors.objectionNotFound();
      if (objection.status !== 'open') {
        throw PublicityErrors.objectionAlreadyAnswered(objection.answeredAt, objection.status === 'upheld');
      }
      const before = { status: objection.status };
      const now = new Date();
      if (dto.decision === 'upheld') {
        if (!publication.supersededAt) {
          publication.supersededAt = now;
          await this.publicity.savePublication(manager, publication);
          await this.lifecycle.move(manager, competition, CompetitionState.Ranked, auditActor(actor), {
            reason: 'objection upheld',
            objectionId: objection.id,
            publicationId: publication.id,
          });
          const run = await this.runs.requestRun(manager, competition.id, 'objection', actor);
          objection.newRunId = run.id;
        } else {
          objection.newRunId = await this.objections.runStartedFor(manager, publication.id);
        }
      }
      objection.status = dto.decision;
      objection.answer = dto.answer;
      objection.answeredBy = auditActor(actor).actorId;
      objection.answeredAt = now;
      const saved = await this.objections.save(manager, objection);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'objection.answer',
          subjectType: 'objection',
          subjectId: saved.id,
          before,
          after: {
            status: saved.status,
            answer: saved.answer,
            newRunId: saved.newRunId,
            publicationSupersededAt: publication.supersededAt?.toISOString() ?? null,
          },
        },
        manager,
      );
      await this.events.record(manager, {
        topic: WebhookTopic.ObjectionAnswered,
        competitionId: competition.id,
        subject: {
          type: 'objection',
          id: saved.id,
          submissionId: submission.id,
          projectTitle: submission.title,
          status: saved.status,
          newRunId: saved.newRunId,
        },
      });
      await this.notifier.toOrganization(manager, {
        tenantId: competition.tenantId,
        organizationId: submission.organizationId,
        dedupKey: `objection-${saved.id}`,
        facts: {
          kind: NotificationKind.ObjectionAnswered,
          projectTitle: submission.title,
          upheld: saved.status === 'upheld',
        },
      });
      return { objection: saved, projectTitle: submission.title, organizationId: submission.organizationId };
    });
    return toObjectionResponse(row);
  }
}
