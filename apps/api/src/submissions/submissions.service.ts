import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CompetitionErrors,
  CompetitionState,
  NotificationKind,
  Role,
  ScreeningStatus,
  SubmissionErrors,
  SubmissionState,
  WebhookTopic,
  fieldName,
} from '@app/domain';
import { Notifier, WebhookEvents } from '@app/application';
import { AuditRepository, Competition, CompetitionsRepository, Submission } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { labelOf } from '../common/label.decorator';
import { pageOf, pageResponse } from '../common/page-query.dto';
import {
  AllSubmissionsQueryDto,
  CreateSubmissionDto,
  ScreeningDecisionDto,
  SubmissionPageDto,
  SubmissionQueryDto,
  SubmissionResponseDto,
  UpdateSubmissionDto,
  toSubmissionResponse,
} from './dto/submission.dto';
import { EligibilityService } from '../supervision/eligibility.service';
import { checkSubmissionAgainstRules } from './submission-rules';
import { SubmissionsRepository } from './submissions.repository';

/** Until the roadshow lineup is fixed, an organization may still pull its project out. */
const WITHDRAWABLE_IN: readonly CompetitionState[] = [
  CompetitionState.Open,
  CompetitionState.Closed,
  CompetitionState.Screening,
];

type ContentField = Exclude<keyof UpdateSubmissionDto, 'expectedVersion'>;

function organizationOf(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === Role.Applicant ? actor.organizationId : undefined;
}

function applicantOrganization(actor: Actor): string {
  const organizationId = organizationOf(actor);
  if (!organizationId) throw SubmissionErrors.applicantOnly();
  return organizationId;
}

function assertAcceptingSubmissions(competition: Competition, now: Date): void {
  if (competition.state !== CompetitionState.Open) throw SubmissionErrors.notAccepting(competition.state);
  if (competition.submissionDeadline.getTime() <= now.getTime()) {
    throw SubmissionErrors.deadlinePassed(competition.submissionDeadline);
  }
}

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditRepository,
    private readonly eligibility: EligibilityService,
    private readonly events: WebhookEvents,
    private readonly notifier: Notifier,
  ) {}

  async create(actor: Actor, competitionId: string, dto: CreateSubmissionDto): Promise<SubmissionResponseDto> {
    const organizationId = applicantOrganization(actor);
    const saved = await this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'share');
      if (!competition || competition.state === CompetitionState.Draft) throw CompetitionErrors.notFound();
      assertAcceptingSubmissions(competition, new Date());
      checkSubmissionAgainstRules(dto, competition.rules);
      await this.eligibility.assertEligible(organizationId, competition.rules.supervision.eligibility, new Date());
      if (competition.rules.onePerOrganization) {
        await this.assertNoOtherProject(manager, competitionId, organizationId);
      }
      const submission = await manager.getRepository(Submission).save({
        competitionId,
        organizationId,
        ...this.content(dto),
        budgetTotalFen: dto.requestedFen + dto.matchingFen,
        state: SubmissionState.Draft,
        submittedAt: null,
        screening: ScreeningStatus.Pending,
        screeningReason: null,
        createdBy: auditActor(actor).actorId,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'submission.create',
          subjectType: 'submission',
          subjectId: submission.id,
          after: toSubmissionResponse(submission),
        },
        manager,
      );
      return submission;
    });
    return toSubmissionResponse(saved);
  }

  async get(actor: Actor, id: string): Promise<SubmissionResponseDto> {
    return toSubmissionResponse(await this.visible(actor, id));
  }

  /** Applicants see only their own organization's projects, whatever the filter says. */
  async list(actor: Actor, query: AllSubmissionsQueryDto): Promise<SubmissionPageDto> {
    const page = pageOf(query);
    const [items, total] = await this.submissions.list(
      {
        competitionId: query.competitionId,
        organizationId: organizationOf(actor),
        state: query.state,
        screening: query.screening,
        category: query.category,
      },
      page,
    );
    return pageResponse(page, items.map(toSubmissionResponse), total);
  }

  async listForCompetition(actor: Actor, competitionId: string, query: SubmissionQueryDto): Promise<SubmissionPageDto> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition || (organizationOf(actor) && competition.state === CompetitionState.Draft)) {
      throw CompetitionErrors.notFound();
    }
    return this.list(actor, { ...query, competitionId });
  }

  async update(actor: Actor, id: string, dto: UpdateSubmissionDto): Promise<SubmissionResponseDto> {
    const { expectedVersion, ...sent } = dto;
    const changes = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined)) as Partial<
      Pick<CreateSubmissionDto, ContentField>
    >;
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) {
        throw SubmissionErrors.fieldCleared(fieldName([{ label: labelOf(UpdateSubmissionDto, field) }]), field);
      }
    }
    return this.writeOwn(actor, id, async (manager, submission, competition) => {
      if (expectedVersion !== undefined && expectedVersion !== submission.version) {
        throw SubmissionErrors.changedSinceRead(submission.version, expectedVersion);
      }
      if (submission.state === SubmissionState.Withdrawn) throw SubmissionErrors.withdrawn();
      assertAcceptingSubmissions(competition, new Date());
      const current = this.content(submission);
      const merged = this.content({ ...current, ...changes });
      checkSubmissionAgainstRules(merged, competition.rules);
      // content() rebuilds every value with a fixed key order, so the text comparison is exact.
      const changed = (Object.keys(merged) as ContentField[]).filter(
        (key) => JSON.stringify(current[key]) !== JSON.stringify(merged[key]),
      );
      if (changed.length === 0) return submission;
      Object.assign(submission, merged, { budgetTotalFen: merged.requestedFen + merged.matchingFen });
      const saved = await manager.getRepository(Submission).save(submission);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'submission.update',
          subjectType: 'submission',
          subjectId: id,
          before: Object.fromEntries(changed.map((key) => [key, current[key]])),
          after: Object.fromEntries(changed.map((key) => [key, merged[key]])),
        },
        manager,
      );
      return saved;
    });
  }

  async submit(actor: Actor, id: string): Promise<SubmissionResponseDto> {
    return this.writeOwn(actor, id, async (manager, submission, competition) => {
      if (submission.state !== SubmissionState.Draft) throw SubmissionErrors.notDraft(submission.state);
      assertAcceptingSubmissions(competition, new Date());
      // The office may have changed the rules since the draft was saved.
      checkSubmissionAgainstRules(submission, competition.rules);
      await this.eligibility.assertEligible(
        submission.organizationId,
        competition.rules.supervision.eligibility,
        new Date(),
      );
      if (competition.rules.onePerOrganization) {
        await this.assertNoOtherProject(manager, competition.id, submission.organizationId, submission.id);
      }
      submission.state = SubmissionState.Submitted;
      submission.submittedAt = new Date();
      const saved = await manager.getRepository(Submission).save(submission);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'submission.submit',
          subjectType: 'submission',
          subjectId: id,
          before: { state: SubmissionState.Draft },
          after: { state: saved.state, submittedAt: saved.submittedAt?.toISOString() },
        },
        manager,
      );
      await this.events.record(manager, {
        topic: WebhookTopic.SubmissionSubmitted,
        competitionId: competition.id,
        subject: { type: 'submission', id, title: saved.title, state: saved.state },
      });
      return saved;
    });
  }

  async withdraw(actor: Actor, id: string): Promise<SubmissionResponseDto> {
    return this.writeOwn(actor, id, async (manager, submission, competition) => {
      if (submission.state === SubmissionState.Withdrawn) throw SubmissionErrors.alreadyWithdrawn();
      if (!WITHDRAWABLE_IN.includes(competition.state)) throw SubmissionErrors.lineupFixed(competition.state);
      const before = { state: submission.state };
      submission.state = SubmissionState.Withdrawn;
      const saved = await manager.getRepository(Submission).save(submission);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'submission.withdraw',
          subjectType: 'submission',
          subjectId: id,
          before,
          after: { state: saved.state },
        },
        manager,
      );
      return saved;
    });
  }

  /** 资格审查: the office passes or rejects a submitted project; a rejection needs a reason the applicant reads. */
  async screen(actor: Actor, id: string, dto: ScreeningDecisionDto): Promise<SubmissionResponseDto> {
    const reason = dto.reason ?? null;
    if (dto.decision === ScreeningStatus.Rejected && !reason) throw SubmissionErrors.screeningReasonRequired();
    const saved = await this.dataSource.transaction(async (manager) => {
      const { submission, competition } = await this.lockPair(manager, id);
      if (competition.state !== CompetitionState.Screening) throw SubmissionErrors.notInScreening(competition.state);
      if (submission.state !== SubmissionState.Submitted) throw SubmissionErrors.notSubmitted(submission.state);
      if (submission.screening === dto.decision && submission.screeningReason === reason) return submission;
      const before = { screening: submission.screening, screeningReason: submission.screeningReason };
      submission.screening = dto.decision;
      submission.screeningReason = reason;
      const result = await manager.getRepository(Submission).save(submission);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'submission.screening',
          subjectType: 'submission',
          subjectId: id,
          before,
          after: { screening: result.screening, screeningReason: result.screeningReason },
        },
        manager,
      );
      if (result.screening !== ScreeningStatus.Pending) {
        await this.notifier.toOrganization(manager, {
          tenantId: competition.tenantId,
          organizationId: result.organizationId,
          dedupKey: `screening-${id}-${result.screening}`,
          facts: {
            kind: NotificationKind.ScreeningResult,
            projectTitle: result.title,
            passed: result.screening === ScreeningStatus.Passed,
            reason: result.screeningReason,
          },
        });
      }
      return result;
    });
    return toSubmissionResponse(saved);
  }

  /** Another organization's project answers exactly like a missing one, so ids reveal nothing. */
  private async visible(actor: Actor, id: string): Promise<Submission> {
    const submission = await this.submissions.findById(id);
    const own = organizationOf(actor);
    if (!submission || (own !== undefined && submission.organizationId !== own)) throw SubmissionErrors.notFound();
    return submission;
  }

  /** Locks the competition before the submission, the order every submission write uses, so none can deadlock. */
  private async lockPair(
    manager: EntityManager,
    id: string,
  ): Promise<{ submission: Submission; competition: Competition }> {
    const unlocked = await this.submissions.findById(id);
    if (!unlocked) throw SubmissionErrors.notFound();
    const competition = await this.competitions.lock(manager, unlocked.competitionId, 'share');
    const submission = await this.submissions.lock(manager, id);
    if (!competition || !submission) throw SubmissionErrors.notFound();
    return { submission, competition };
  }

  private async writeOwn(
    actor: Actor,
    id: string,
    write: (manager: EntityManager, submission: Submission, competition: Competition) => Promise<Submission>,
  ): Promise<SubmissionResponseDto> {
    const organizationId = applicantOrganization(actor);
    await this.visible(actor, id);
    const saved = await this.dataSource.transaction(async (manager) => {
      const { submission, competition } = await this.lockPair(manager, id);
      if (submission.organizationId !== organizationId) throw SubmissionErrors.notFound();
      return write(manager, submission, competition);
    });
    return toSubmissionResponse(saved);
  }

  private async assertNoOtherProject(
    manager: EntityManager,
    competitionId: string,
    organizationId: string,
    exceptId?: string,
  ): Promise<void> {
    await this.submissions.lockOrganization(manager, organizationId);
    const other = await this.submissions.findActive(manager, competitionId, organizationId, exceptId);
    if (other) throw SubmissionErrors.onePerOrganization(other.title);
  }

  /** Only the content fields, copied, so DTO instances and entity extras never reach the row. */
  private content(source: Pick<CreateSubmissionDto, ContentField>): Pick<CreateSubmissionDto, ContentField> {
    return {
      title: source.title,
      category: source.category,
      summary: source.summary,
      needAddressed: source.needAddressed,
      beneficiaries: { who: source.beneficiaries.who, count: source.beneficiaries.count },
      targets: [...source.targets],
      requestedFen: source.requestedFen,
      matchingFen: source.matchingFen,
      budgetLines: source.budgetLines.map(({ item, kind, amountFen }) => ({ item, kind, amountFen })),
      milestones: source.milestones.map(({ title, due }) => ({ title, due })),
    };
  }
}
