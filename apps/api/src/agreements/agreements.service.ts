import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { JobOutbox } from '@app/application';
import { AgreementErrors, CompetitionErrors, CompetitionState, Role, SubmissionErrors } from '@app/domain';
import { AuditRepository, CompetitionsRepository } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { Unpaged } from '../common/page-query.dto';
import { AgreementRow, AgreementsRepository } from './agreements.repository';
import {
  AgreementListDto,
  AgreementResponseDto,
  RegenerateResponseDto,
  toAgreementResponse,
} from './dto/agreement.dto';
import { ScanContentType, scanContentType } from './scan-file-type';
import { SignedScanUpload } from './signed-scan-upload';
import { StoredFile } from '../common/file-response';

/** Competitions whose agreements exist and may be regenerated. */
const AGREEMENT_STATES: readonly CompetitionState[] = [CompetitionState.Awarded, CompetitionState.InProgress];

export interface AgreementArchive {
  readonly stream: Readable;
  readonly filename: string;
}

function organizationOf(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === Role.Applicant ? actor.organizationId : undefined;
}

/**
 * A file name any archiver and file system accepts: no separators, control or reserved characters.
 * The English rendering is marked, so both languages fit in one ZIP.
 */
export function agreementFileName(number: string, projectTitle: string, locale: 'zh' | 'en' = 'zh'): string {
  const title = projectTitle
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .trim()
    .slice(0, 80);
  return `${number}-${title}${locale === 'en' ? '-en' : ''}.pdf`;
}

@Injectable()
export class AgreementsService {
  private readonly logger = new Logger(AgreementsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly jobs: JobOutbox,
    private readonly audit: AuditRepository,
  ) {}

  async list(competitionId: string, includeVoid: boolean): Promise<Unpaged<AgreementListDto>> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    const [rows, funded] = await Promise.all([
      this.agreements.listForCompetition(competitionId, includeVoid),
      this.agreements.fundedCount(competitionId),
    ]);
    return {
      competitionId,
      runId: funded?.runId ?? null,
      // One document per funded project and language the rules ask for.
      expected: AGREEMENT_STATES.includes(competition.state)
        ? (funded?.count ?? 0) * competition.rules.grants.agreementLocales.length
        : 0,
      rendered: rows.filter((r) => r.agreement.status !== 'void').length,
      items: rows.map(toAgreementResponse),
    };
  }

  async get(actor: Actor, id: string): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.visible(actor, id));
  }

  /** A winning applicant's current agreement for its own project. */
  async forSubmission(actor: Actor, submissionId: string): Promise<AgreementResponseDto> {
    const organizationId = organizationOf(actor);
    const submission = await this.agreements.findSubmission(submissionId);
    if (!submission || (organizationId && submission.organizationId !== organizationId)) {
      throw SubmissionErrors.notFound();
    }
    const row = await this.agreements.currentForSubmission(submissionId);
    if (!row) throw AgreementErrors.noAgreementYet();
    return toAgreementResponse(row);
  }

  /**
   * One PDF. Audited for everyone; the applicant's first download marks it downloaded, in the
   * same transaction as its audit row.
   */
  async download(actor: Actor, id: string): Promise<StoredFile> {
    const row = await this.visible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      let before: string | undefined;
      if (organizationOf(actor)) {
        const locked = await this.agreements.lock(manager, id);
        if (locked?.status === 'generated') {
          before = locked.status;
          locked.status = 'downloaded';
          await this.agreements.save(manager, locked);
        }
      }
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'agreement.download',
          subjectType: 'agreement',
          subjectId: id,
          before: before ? { status: before } : null,
          after: {
            via: 'pdf',
            number: row.agreement.number,
            version: row.agreement.version,
            sha256: row.agreement.sha256,
            ...(before ? { status: 'downloaded' } : {}),
          },
        },
        manager,
      );
    });
    return {
      bytes: await this.agreements.pdf(id),
      filename: agreementFileName(row.agreement.number, row.projectTitle, row.agreement.locale),
      contentType: 'application/pdf',
      sha256: row.agreement.sha256,
    };
  }

  /**
   * Every current agreement of the competition as a ZIP, streamed: each PDF is read from the
   * database only when the archive reaches it, so memory holds one PDF at a time whatever the
   * number of agreements. Each agreement in it gets its own download audit row before streaming.
   */
  async archive(actor: Actor, competitionId: string): Promise<AgreementArchive> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    const rows = await this.agreements.listForCompetition(competitionId, false);
    if (rows.length === 0) throw AgreementErrors.noneRendered();
    await this.dataSource.transaction(async (manager) => {
      for (const { agreement } of rows) {
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'agreement.download',
            subjectType: 'agreement',
            subjectId: agreement.id,
            after: { via: 'zip', number: agreement.number, version: agreement.version, sha256: agreement.sha256 },
          },
          manager,
        );
      }
    });
    const zip = new ZipFile();
    const output = new PassThrough();
    zip.outputStream.pipe(output);
    zip.on('error', (error: Error) => {
      this.logger.error(`agreements ZIP of competition ${competitionId} aborted: ${error.message}`);
      output.destroy(error);
    });
    for (const { agreement, projectTitle } of rows) {
      // PDFs are already compressed: storing them keeps the CPU free and the sizes exact.
      zip.addReadStreamLazy(
        agreementFileName(agreement.number, projectTitle, agreement.locale),
        { compress: false, size: agreement.sizeBytes, mtime: agreement.createdAt },
        (callback) => {
          this.agreements.pdf(agreement.id).then(
            (bytes) => callback(null, Readable.from([bytes], { objectMode: false })),
            (error: unknown) => callback(error, new PassThrough()),
          );
        },
      );
    }
    zip.end();
    return { stream: output, filename: `agreements-${competitionId}.zip` };
  }

  /**
   * Voids the current versions (signed ones stay in force) and queues the next rendering
   * generation; the handler then renders version + 1 under the same numbers.
   */
  async regenerate(actor: Actor, competitionId: string): Promise<RegenerateResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'update');
      if (!competition) throw CompetitionErrors.notFound();
      const funded = await this.agreements.fundedCount(competitionId);
      if (!AGREEMENT_STATES.includes(competition.state) || !funded) {
        throw AgreementErrors.notAwarded(competition.state);
      }
      const voided = await this.agreements.voidCurrent(manager, competitionId);
      const keptSigned = await this.agreements.countSigned(manager, competitionId);
      const generation = (await this.agreements.lastGeneration(manager, funded.runId)) + 1;
      const jobId = await this.jobs.enqueue(manager, {
        name: JobName.RenderAgreements,
        data: { competitionId, runId: funded.runId, generation },
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'agreements.regenerate',
          subjectType: 'competition',
          subjectId: competitionId,
          before: { current: voided.map((a) => ({ id: a.id, number: a.number, version: a.version })) },
          after: { generation, jobId, voided: voided.length, keptSigned },
        },
        manager,
      );
      return { generation, jobId, voided: voided.length, keptSigned };
    });
  }

  /** The signed scan from the winning applicant: PDF, JPEG or PNG by magic number; the agreement becomes signed. */
  async uploadSignedScan(actor: Actor, id: string, upload: SignedScanUpload): Promise<AgreementResponseDto> {
    const row = await this.visible(actor, id);
    const contentType = scanContentType(upload.bytes);
    if (!contentType) throw AgreementErrors.scanWrongType();
    const signedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.agreements.lock(manager, id);
      if (!locked || locked.status === 'void') throw AgreementErrors.notFound();
      if (locked.status === 'signed') throw AgreementErrors.alreadySigned();
      await this.agreements.storeSignedScan(manager, id, upload.bytes, signedAt);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'agreement.sign',
          subjectType: 'agreement',
          subjectId: id,
          before: { status: locked.status },
          after: {
            status: 'signed',
            number: row.agreement.number,
            scan: {
              contentType,
              sizeBytes: upload.bytes.length,
              sha256: createHash('sha256').update(upload.bytes).digest('hex'),
              filename: upload.filename.slice(0, 200),
            },
          },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  async signedScan(actor: Actor, id: string): Promise<StoredFile> {
    const row = await this.visible(actor, id);
    const bytes = await this.agreements.signedScan(id);
    const contentType: ScanContentType | undefined = bytes ? scanContentType(bytes) : undefined;
    if (!bytes || !contentType) throw AgreementErrors.noSignedScan();
    await this.audit.record({
      ...auditActor(actor),
      action: 'agreement.signed-scan.download',
      subjectType: 'agreement',
      subjectId: id,
      after: { number: row.agreement.number },
    });
    const extension = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
    return {
      bytes,
      filename: `${row.agreement.number}-signed.${extension}`,
      contentType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  /**
   * The office sees every agreement; an applicant only its own organization's current ones.
   * Anything else answers exactly like a missing id.
   */
  private async visible(actor: Actor, id: string): Promise<AgreementRow> {
    const row = await this.agreements.row(id);
    const organizationId = organizationOf(actor);
    if (!row || (organizationId && (row.organizationId !== organizationId || row.agreement.status === 'void'))) {
      throw AgreementErrors.notFound();
    }
    return row;
  }
}
