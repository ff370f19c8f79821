import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GrantState, GrantsErrors, ReportState } from '@app/domain';
import { LedgerAction, assertReportEditable, assertReportUnderReview, daysLate, dueReport } from '@app/grants';
import { AuditRepository, GrantReport, ProjectGrant, ReportAttachment } from '@app/persistence';
import { scanContentType } from '../agreements/scan-file-type';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { isUniqueViolation } from '../common/unique-violation';
import { AttachmentUpload } from './attachment-upload';
import {
  AttachmentDto,
  CreateReportDto,
  ReportDto,
  ReportPageDto,
  ReportQueryDto,
  UpdateReportDto,
  toAttachmentResponse,
  toReportSummary,
} from './dto/report.dto';
import { canSee, ownOrganization, userOf } from './grant-access';
import { GrantReportsRepository } from './grant-reports.repository';
import { GrantsRepository } from './grants.repository';
import { promoteWhatHolds } from './ledger-facts';
import { StoredFile } from '../common/file-response';

/** A report holds at most this many photos, sign-in sheets and receipts. */
export const ATTACHMENTS_PER_REPORT = 20;

/**
 * 报告: the grantee drafts, saves and submits monthly, mid-term and final reports with their
 * activities, spending per budget line and attachments; the office returns them with comments or
 * accepts them. An accepted report can make a tranche eligible (报告通过后拨付), in the same transaction.
 */
@Injectable()
export class GrantReportsService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly reports: GrantReportsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: Actor, grantId: string, dto: CreateReportDto): Promise<ReportDto> {
    const grant = await this.grants.findGrant(grantId);
    if (!grant || !canSee(actor, grant)) throw GrantsErrors.grantNotFound();
    const now = new Date();
    let id: string;
    try {
      id = await this.grants.transaction(async (manager) => {
        assertOpen(grant);
        const terms = await this.grants.termsOf(grant);
        if (!terms) throw GrantsErrors.grantNotFound();
        const due = dueReport(
          { start: grant.periodStart, end: grant.periodEnd },
          terms.grants.reports,
          dto.kind,
          dto.period,
          now,
        );
        const budget = await this.grants.currentBudget(grantId, manager);
        const report = await this.reports.insert(manager, {
          grantId,
          kind: due.kind,
          period: due.period,
          dueOn: due.dueOn,
          state: ReportState.Draft,
          narrative: '',
          activities: [],
          spending: budget.lines.map(() => ({ grantFen: 0, matchingFen: 0 })),
          reviewLog: [],
          firstSubmittedAt: null,
          submittedAt: null,
          reviewedBy: null,
          reviewedAt: null,
          createdBy: userOf(actor),
        });
        await this.record(manager, actor, LedgerAction.ReportCreate, report, null, {
          grantId,
          kind: report.kind,
          period: report.period,
          dueOn: report.dueOn,
        });
        return report.id;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'grant_report_period_uq')) throw GrantsErrors.reportAlreadyExists();
      throw error;
    }
    return this.get(actor, id);
  }

  /** A draft saved as it stands; each field sent replaces the stored one. */
  async update(actor: Actor, id: string, dto: UpdateReportDto): Promise<ReportDto> {
    await this.visible(actor, id);
    await this.grants.transaction(async (manager) => {
      const report = await this.lock(manager, id);
      assertReportEditable(report.state);
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== report.version) {
        throw GrantsErrors.reportChangedSinceRead(report.version, dto.expectedVersion);
      }
      if (dto.spending !== undefined) {
        const budget = await this.grants.currentBudget(report.grantId, manager);
        if (dto.spending.length !== budget.lines.length) throw GrantsErrors.spendingLinesMismatch(budget.lines.length);
        report.spending = dto.spending.map(({ grantFen, matchingFen }) => ({ grantFen, matchingFen }));
      }
      if (dto.narrative !== undefined) report.narrative = dto.narrative;
      if (dto.activities !== undefined) {
        report.activities = dto.activities.map(({ date, place, participants, description }) => ({
          date,
          place,
          participants,
          description,
        }));
      }
      const saved = await this.reports.save(manager, report);
      await this.record(manager, actor, LedgerAction.ReportUpdate, saved, null, {
        version: saved.version,
        fields: Object.keys(dto).filter((k) => k !== 'expectedVersion'),
      });
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string): Promise<ReportDto> {
    await this.visible(actor, id);
    const now = new Date();
    await this.grants.transaction(async (manager) => {
      const report = await this.lock(manager, id);
      assertReportEditable(report.state);
      const grant = await this.grants.findGrant(report.grantId, manager);
      if (!grant) throw GrantsErrors.reportNotFound();
      assertOpen(grant);
      if (report.narrative.trim() === '') throw GrantsErrors.reportIncomplete();
      const budget = await this.grants.currentBudget(report.grantId, manager);
      if (report.spending.length !== budget.lines.length) throw GrantsErrors.spendingLinesMismatch(budget.lines.length);
      report.activities.forEach((activity, i) => {
        if (activity.date < grant.periodStart || activity.date > grant.periodEnd) {
          throw GrantsErrors.activityDateOutsidePeriod(i, grant.periodStart, grant.periodEnd);
        }
      });
      const before = report.state;
      report.state = ReportState.Submitted;
      report.firstSubmittedAt ??= now;
      report.submittedAt = now;
      report.reviewLog = [
        ...report.reviewLog,
        { at: now.toISOString(), by: userOf(actor), action: 'submit', text: null },
      ];
      const saved = await this.reports.save(manager, report);
      await this.record(manager, actor, LedgerAction.ReportSubmit, saved, before, {
        daysLate: daysLate(saved.dueOn, saved.firstSubmittedAt, now),
        attachments: await this.reports.countAttachments(manager, id),
      });
    });
    return this.get(actor, id);
  }

  /** 退回修改: back to the grantee with the office's comments, which it answers by changing and resubmitting. */
  async returnForChanges(actor: Actor, id: string, comments: string): Promise<ReportDto> {
    await this.visible(actor, id);
    const now = new Date();
    await this.grants.transaction(async (manager) => {
      const report = await this.lock(manager, id);
      assertReportUnderReview(report.state);
      this.review(report, actor, now, 'return', comments);
      report.state = ReportState.Returned;
      const saved = await this.reports.save(manager, report);
      await this.record(manager, actor, LedgerAction.ReportReturn, saved, ReportState.Submitted, { comments });
    });
    return this.get(actor, id);
  }

  /** 审核通过: the report counts (its spending, its kind for the tranches waiting on it). */
  async accept(actor: Actor, id: string, comments: string | undefined): Promise<ReportDto> {
    const found = await this.visible(actor, id);
    const now = new Date();
    await this.grants.transaction(async (manager) => {
      const snapshot = await this.grants.lockGrant(manager, found.grantId);
      if (!snapshot) throw GrantsErrors.reportNotFound();
      const report = await this.lock(manager, id);
      assertReportUnderReview(report.state);
      this.review(report, actor, now, 'accept', comments ?? null);
      report.state = ReportState.Accepted;
      const saved = await this.reports.save(manager, report);
      await this.record(manager, actor, LedgerAction.ReportAccept, saved, ReportState.Submitted, {
        comments: comments ?? null,
      });
      await promoteWhatHolds(this.grants, this.audit, manager, actor, snapshot, now);
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ReportDto> {
    const report = await this.visible(actor, id);
    const grant = await this.grants.findGrant(report.grantId);
    if (!grant) throw GrantsErrors.reportNotFound();
    const [budget, attachments, titles] = await Promise.all([
      this.grants.currentBudget(grant.id),
      this.reports.attachmentsOf(id),
      this.grants.projectTitles([grant]),
    ]);
    const now = new Date();
    return {
      ...toReportSummary(
        report,
        grant,
        titles.get(grant.id) ?? '',
        daysLate(report.dueOn, report.firstSubmittedAt, now),
      ),
      narrative: report.narrative,
      activities: report.activities.map((a) => ({ ...a })),
      spending: report.spending.map((s, i) => ({ item: budget.lines[i]?.item ?? '', ...s })),
      attachments: attachments.map(toAttachmentResponse),
      review: report.reviewLog.map((entry) => ({ ...entry })),
      updatedAt: report.updatedAt.toISOString(),
    };
  }

  /** The office's review queue (state=submitted), or a grantee's own reports. */
  async list(actor: Actor, query: ReportQueryDto): Promise<ReportPageDto> {
    const page = pageOf(query);
    const [rows, total] = await this.reports.list(
      {
        state: query.state,
        kind: query.kind,
        grantId: query.grantId,
        competitionId: query.competitionId,
        organizationId: ownOrganization(actor),
      },
      { skip: page.skip, take: page.pageSize },
    );
    const grants = new Map(
      (await this.grants.grantsById([...new Set(rows.map((r) => r.grantId))])).map((g) => [g.id, g]),
    );
    const titles = await this.grants.projectTitles([...grants.values()]);
    const now = new Date();
    const items = rows.flatMap((report) => {
      const grant = grants.get(report.grantId);
      if (!grant) return [];
      return [
        toReportSummary(
          report,
          grant,
          titles.get(grant.id) ?? '',
          daysLate(report.dueOn, report.firstSubmittedAt, now),
        ),
      ];
    });
    return pageResponse(page, items, total);
  }

  /** A photo, sign-in sheet or receipt: PDF, JPEG or PNG by its bytes, kept with its sha256. */
  async attach(actor: Actor, id: string, upload: AttachmentUpload): Promise<AttachmentDto> {
    await this.visible(actor, id);
    const contentType = scanContentType(upload.bytes);
    if (!contentType) throw GrantsErrors.attachmentType(upload.filename);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const saved = await this.grants.transaction(async (manager) => {
      const report = await this.lock(manager, id);
      assertReportEditable(report.state);
      if ((await this.reports.countAttachments(manager, id)) >= ATTACHMENTS_PER_REPORT) {
        throw GrantsErrors.attachmentLimit(ATTACHMENTS_PER_REPORT);
      }
      const attachment = await this.reports.insertAttachment(manager, {
        reportId: id,
        filename: upload.filename,
        contentType,
        sizeBytes: upload.bytes.length,
        sha256,
        bytes: upload.bytes,
        uploadedBy: userOf(actor),
      });
      await this.record(manager, actor, LedgerAction.ReportAttach, report, null, {
        attachmentId: attachment.id,
        filename: attachment.filename,
        contentType,
        sizeBytes: attachment.sizeBytes,
        sha256,
      });
      return attachment;
    });
    return toAttachmentResponse(saved);
  }

  async attachment(actor: Actor, attachmentId: string): Promise<StoredFile> {
    const attachment = await this.visibleAttachment(actor, attachmentId);
    const bytes = await this.reports.attachmentBytes(attachmentId);
    await this.audit.record({
      ...auditActor(actor),
      action: 'report.attachment.download',
      subjectType: 'report',
      subjectId: attachment.reportId,
      after: { attachmentId, sha256: attachment.sha256 },
    });
    return { bytes, filename: attachment.filename, contentType: attachment.contentType, sha256: attachment.sha256 };
  }

  async detach(actor: Actor, attachmentId: string): Promise<void> {
    const attachment = await this.visibleAttachment(actor, attachmentId);
    await this.grants.transaction(async (manager) => {
      const report = await this.lock(manager, attachment.reportId);
      assertReportEditable(report.state);
      await this.reports.deleteAttachment(manager, attachmentId);
      await this.record(manager, actor, LedgerAction.ReportDetach, report, null, {
        attachmentId,
        filename: attachment.filename,
        sha256: attachment.sha256,
      });
    });
  }

  /** A report the actor may see: the office's, or the grantee's own; anything else reads as missing. */
  private async visible(actor: Actor, id: string): Promise<GrantReport> {
    const report = await this.reports.find(id);
    const grant = report && (await this.grants.findGrant(report.grantId));
    if (!report || !grant || !canSee(actor, grant)) throw GrantsErrors.reportNotFound();
    return report;
  }

  private async visibleAttachment(actor: Actor, id: string): Promise<ReportAttachment> {
    const attachment = await this.reports.findAttachment(id);
    if (!attachment) throw GrantsErrors.attachmentNotFound();
    try {
      await this.visible(actor, attachment.reportId);
    } catch {
      throw GrantsErrors.attachmentNotFound();
    }
    return attachment;
  }

  private async lock(manager: EntityManager, id: string): Promise<GrantReport> {
    const report = await this.reports.lock(manager, id);
    if (!report) throw GrantsErrors.reportNotFound();
    return report;
  }

  private review(report: GrantReport, actor: Actor, now: Date, action: 'return' | 'accept', text: string | null): void {
    report.reviewedBy = userOf(actor);
    report.reviewedAt = now;
    report.reviewLog = [...report.reviewLog, { at: now.toISOString(), by: userOf(actor), action, text }];
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    action: LedgerAction,
    report: GrantReport,
    before: ReportState | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        ...auditActor(actor),
        action,
        subjectType: 'report',
        subjectId: report.id,
        before: before ? { state: before } : null,
        after: { state: report.state, kind: report.kind, ...details },
      },
      manager,
    );
  }
}

/** Reports are written while the grant runs, suspended or not; a closed grant takes none. */
function assertOpen(grant: ProjectGrant): void {
  if (grant.state === GrantState.Completed || grant.state === GrantState.Terminated) {
    throw GrantsErrors.grantClosed(grant.state);
  }
}
