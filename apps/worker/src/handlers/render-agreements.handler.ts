import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Not, QueryFailedError } from 'typeorm';
import { WebhookEvents } from '@app/application';
import { AppConfig } from '@app/config';
import { AgreementErrors, CompetitionErrors, CompetitionState, WebhookTopic } from '@app/domain';
import {
  Agreement,
  AuditRepository,
  Competition,
  Organization,
  Publication,
  RunResult,
  Submission,
} from '@app/persistence';
import { RenderAgreementsPayload } from '@app/queue';
import { AgreementFonts, AgreementLocale, loadAgreementFonts, renderAgreementPdf } from '@app/reports';
import { agreementNumber, buildAgreementView } from './agreement-view.builder';

export interface RenderAgreementsProgress {
  readonly competitionId: string;
  readonly runId: string;
  readonly generation: number;
  /** Documents handled so far (rendered now or already there), out of `total`: one per project and language. */
  readonly done: number;
  readonly total: number;
  readonly rendered: number;
  readonly skipped: number;
}

export interface RenderAgreementsResult {
  readonly total: number;
  readonly rendered: number;
  readonly skipped: number;
  readonly ms: number;
}

export interface RenderAgreementsOptions {
  /** Written into each PDF; the job's enqueue time, so a retried job draws the same documents. */
  readonly generatedAt: Date;
  readonly onProgress?: (progress: RenderAgreementsProgress) => Promise<void>;
}

const AWARDED_STATES: readonly CompetitionState[] = [
  CompetitionState.Awarded,
  CompetitionState.InProgress,
  CompetitionState.Finished,
];

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: unknown }).code === '23505';
}

/**
 * Renders the agreement (协议书) of every funded project of an awarded run, in rank order, in each
 * language the competition's rules ask for (Chinese always; it governs). Numbers are gapless per
 * competition (the position among the funded projects, kept by later versions and shared by the
 * languages), so a retried or repeated job gives every project the same number. Idempotent: a
 * document that is already current (non-void) is skipped, and each document's row and audit entry
 * commit together, so a worker killed midway leaves whole agreements only.
 */
@Injectable()
export class RenderAgreementsHandler {
  private readonly logger = new Logger(RenderAgreementsHandler.name);
  private fonts: AgreementFonts | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
    private readonly events: WebhookEvents,
  ) {}

  /** Parsing 2 × 10 MB of TrueType costs more than an agreement: once per worker, on first use. */
  private agreementFonts(): AgreementFonts {
    this.fonts ??= loadAgreementFonts(this.config.fonts.dir);
    return this.fonts;
  }

  async handle(data: RenderAgreementsPayload, options: RenderAgreementsOptions): Promise<RenderAgreementsResult> {
    const started = performance.now();
    const { competition, funded } = await this.loadWork(data);
    const submissions = new Map(
      (await this.dataSource.getRepository(Submission).findBy({ id: In(funded.map((r) => r.submissionId)) })).map(
        (s) => [s.id, s],
      ),
    );
    const organizations = new Map(
      (
        await this.dataSource
          .getRepository(Organization)
          .findBy({ id: In([...new Set([...submissions.values()].map((s) => s.organizationId))]) })
      ).map((o) => [o.id, o]),
    );
    const existing = await this.dataSource.getRepository(Agreement).find({
      where: { competitionId: competition.id },
      order: { version: 'ASC' },
    });
    const locales: readonly AgreementLocale[] = competition.rules.grants.agreementLocales;

    let rendered = 0;
    let skipped = 0;
    const total = funded.length * locales.length;
    const report = async () =>
      options.onProgress?.({
        competitionId: competition.id,
        runId: data.runId,
        generation: data.generation,
        done: rendered + skipped,
        total,
        rendered,
        skipped,
      });
    await report();

    for (const [index, result] of funded.entries()) {
      const ofProject = existing.filter((a) => a.submissionId === result.submissionId);
      const sequence = ofProject[0]?.sequence ?? index + 1;
      for (const locale of locales) {
        const versions = ofProject.filter((a) => a.locale === locale);
        if (versions.some((a) => a.status !== 'void' && a.runId === data.runId)) {
          skipped += 1;
          await report();
          continue;
        }
        if (
          await this.renderOne(
            data,
            options,
            { competition, result, submissions, organizations },
            locale,
            sequence,
            versions,
          )
        ) {
          rendered += 1;
        } else {
          skipped += 1;
        }
        await report();
      }
    }

    const ms = Math.round(performance.now() - started);
    this.logger.log(
      `agreements of competition ${competition.id}: ${rendered} rendered, ${skipped} skipped in ${ms} ms`,
    );
    return { total, rendered, skipped, ms };
  }

  /** One project's agreement in one language; false when another job stored it first. */
  private async renderOne(
    data: RenderAgreementsPayload,
    options: RenderAgreementsOptions,
    work: {
      competition: Competition;
      result: RunResult;
      submissions: ReadonlyMap<string, Submission>;
      organizations: ReadonlyMap<string, Organization>;
    },
    locale: AgreementLocale,
    sequence: number,
    versions: readonly Agreement[],
  ): Promise<boolean> {
    const { competition, result, submissions, organizations } = work;
    const submission = submissions.get(result.submissionId);
    const organization = submission && organizations.get(submission.organizationId);
    if (!submission || !organization) throw AgreementErrors.fundedProjectMissing(result.submissionId);
    const number = agreementNumber(competition.createdAt, sequence);
    const view = buildAgreementView({
      locale,
      number,
      competition,
      organization,
      submission,
      grantFen: result.grantFen,
      generatedAt: options.generatedAt,
    });
    const pdf = await renderAgreementPdf(view, this.agreementFonts());
    return this.store({
      competitionId: competition.id,
      submissionId: submission.id,
      runId: data.runId,
      sequence,
      number,
      version: (versions.at(-1)?.version ?? 0) + 1,
      locale,
      period: { start: view.project.periodStart, end: view.project.periodEnd },
      grantFen: result.grantFen,
      pdf,
      generation: data.generation,
    });
  }

  /** The awarded competition and its funded results in rank order; anything else will never succeed. */
  private async loadWork(data: RenderAgreementsPayload): Promise<{ competition: Competition; funded: RunResult[] }> {
    const competition = await this.dataSource.getRepository(Competition).findOneBy({ id: data.competitionId });
    if (!competition) throw CompetitionErrors.notFound();
    const publication = await this.dataSource
      .getRepository(Publication)
      .findOneBy({ competitionId: competition.id, supersededAt: IsNull() });
    if (!AWARDED_STATES.includes(competition.state) || publication?.runId !== data.runId) {
      throw AgreementErrors.runNotAwarded(data.runId, competition.state);
    }
    const funded = await this.dataSource.getRepository(RunResult).find({
      where: { runId: data.runId, grantFen: MoreThan(0) },
      order: { position: 'ASC' },
    });
    return { competition, funded };
  }

  /** One project's row and its audit entry in one transaction; false when another job stored it first. */
  private async store(row: {
    competitionId: string;
    submissionId: string;
    runId: string;
    sequence: number;
    number: string;
    version: number;
    locale: AgreementLocale;
    period: { readonly start: string; readonly end: string };
    grantFen: number;
    pdf: Buffer;
    generation: number;
  }): Promise<boolean> {
    const sha256 = createHash('sha256').update(row.pdf).digest('hex');
    try {
      await this.dataSource.transaction(async (manager) => {
        const inserted = await manager.getRepository(Agreement).insert({
          competitionId: row.competitionId,
          submissionId: row.submissionId,
          runId: row.runId,
          sequence: row.sequence,
          number: row.number,
          version: row.version,
          status: 'generated',
          locale: row.locale,
          grantFen: row.grantFen,
          pdf: row.pdf,
          sha256,
          sizeBytes: row.pdf.length,
          signedScan: null,
          signedAt: null,
          periodStart: row.period.start,
          periodEnd: row.period.end,
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        await this.audit.record(
          {
            actorType: 'system',
            action: 'agreement.generate',
            subjectType: 'agreement',
            subjectId: id,
            after: {
              competitionId: row.competitionId,
              submissionId: row.submissionId,
              runId: row.runId,
              number: row.number,
              sequence: row.sequence,
              version: row.version,
              locale: row.locale,
              periodStart: row.period.start,
              periodEnd: row.period.end,
              grantFen: row.grantFen,
              sha256,
              sizeBytes: row.pdf.length,
              generation: row.generation,
            },
          },
          manager,
        );
        await this.events.record(manager, {
          topic: WebhookTopic.AgreementGenerated,
          competitionId: row.competitionId,
          subject: {
            type: 'agreement',
            id,
            submissionId: row.submissionId,
            number: row.number,
            version: row.version,
            status: 'generated',
            grantFen: row.grantFen,
          },
        });
      });
      return true;
    } catch (error) {
      // A concurrent job (a retry racing a regeneration) stored this project first: its row stands.
      if (
        isUniqueViolation(error) &&
        (await this.hasCurrent(row.competitionId, row.submissionId, row.runId, row.locale))
      ) {
        return false;
      }
      throw error;
    }
  }

  private hasCurrent(
    competitionId: string,
    submissionId: string,
    runId: string,
    locale: AgreementLocale,
  ): Promise<boolean> {
    return this.dataSource
      .getRepository(Agreement)
      .exists({ where: { competitionId, submissionId, runId, locale, status: Not('void') } });
  }
}
