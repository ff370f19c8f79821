import { Injectable } from '@nestjs/common';
import { CompetitionErrors, RankingErrors, Role } from '@app/domain';
import {
  AuditRepository,
  Competition,
  CompetitionsRepository,
  RankingRun,
  RankingRunsRepository,
  RunResult,
} from '@app/persistence';
import {
  RESULT_BUNDLE_FORMAT,
  RESULT_BUNDLE_VERSION,
  type BundleDecision,
  type BundleInputs,
  type BundleProjectResult,
  type BundleReason,
  type BundleStatistics,
  type ResultBundle,
  type ScoreBreakdown,
} from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { categoryOf } from '../roadshows/competition-scoring';
import { Unpaged } from '../common/page-query.dto';
import { componentsOfRun, rowComponentsOf } from './component-values';
import { ResultRowDto, ResultsResponseDto, StatisticsResponseDto } from './dto/results-response.dto';
import { PublicScoreBreakdownDto } from './dto/score-breakdown.dto';
import { REASON_LABELS, STATUS_LABELS, decisionLabel } from './result-labels';
import { resultsCsv } from './results-csv';
import { NamedFile } from '../common/file-response';

type StoredBreakdown = BundleProjectResult['breakdown'];

/** Totals and trimming without judges' ids: what the big screen showed on the day. */
function publicBreakdown(breakdown: ScoreBreakdown): PublicScoreBreakdownDto {
  return {
    exact: breakdown.exact,
    method: breakdown.method,
    fellBackToMean: breakdown.fellBackToMean,
    judgeCount: breakdown.judgeCount,
    totals: breakdown.judges
      .map((judge) => ({ total: judge.total, dropped: judge.dropped }))
      .sort((a, b) => Number(b.total) - Number(a.total)),
    groups: breakdown.groups.map((group) => ({
      group: group.group,
      weight: group.weight,
      judgeCount: group.judgeCount,
    })),
    gatesPassed: breakdown.gatesPassed,
  };
}

function reasonOf(code: string): { code: BundleReason; zh: string; en: string } {
  const label = (REASON_LABELS as Readonly<Record<string, { zh: string; en: string }>>)[code] ?? { zh: code, en: code };
  return { code: code as BundleReason, ...label };
}

/** Published results of ranking runs: the table, the statistics, and the exports auditors use. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly runs: RankingRunsRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * The current result table. The office sees the latest successful run, every row; an applicant
   * sees only its own organization's rows of the run under public notice, and nothing before the
   * notice starts, so no result leaks before the office publishes it.
   */
  async table(actor: Actor, competitionId: string): Promise<Unpaged<ResultsResponseDto>> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    if (actor.kind === 'user' && actor.role === Role.Applicant) {
      const publication = await this.runs.currentPublication(competitionId);
      if (!publication) throw RankingErrors.resultNotPublished();
      const run = await this.succeededRun(publication.runId);
      const table = await this.tableOf(competition, run, 'applicant');
      const own = new Set(
        (run.inputs as BundleInputs).projects
          .filter((project) => project.organization === actor.organizationId)
          .map((project) => project.id),
      );
      return { ...table, items: table.items.filter((row) => own.has(row.submissionId)) };
    }
    const latest = await this.runs.latestSucceeded(competitionId);
    if (!latest) throw RankingErrors.noResult();
    return this.tableOf(competition, await this.succeededRun(latest.id), 'office');
  }

  async statistics(runId: string): Promise<StatisticsResponseDto> {
    const run = await this.succeededRun(runId);
    const statistics = run.statistics as BundleStatistics;
    return { runId: run.id, competitionId: run.competitionId, ...statistics };
  }

  async csv(actor: Actor, runId: string): Promise<NamedFile> {
    const run = await this.succeededRun(runId);
    const competition = await this.competitions.findById(run.competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    const table = await this.tableOf(competition, run, 'office');
    await this.recordDownload(actor, run, 'csv');
    return {
      filename: `ranking-${run.id}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: Buffer.from(resultsCsv(table.items, table.components ?? []), 'utf8'),
    };
  }

  /** The versioned bundle (README "Result bundle"): every input and the published result. */
  async bundle(actor: Actor, runId: string): Promise<NamedFile> {
    const run = await this.succeededRun(runId);
    const results = await this.runs.resultsOf(run.id);
    const bundle: ResultBundle = {
      format: RESULT_BUNDLE_FORMAT,
      version: run.bundleVersion ?? RESULT_BUNDLE_VERSION,
      run: {
        id: run.id,
        competitionId: run.competitionId,
        trigger: run.trigger,
        rulesVersion: run.rulesVersion,
        createdAt: run.createdAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
      },
      inputs: run.inputs as BundleInputs,
      result: {
        inputHash: run.inputHash as string,
        totalFen: run.totalFen as number,
        projects: results.map((row): BundleProjectResult => ({
          projectId: row.submissionId,
          position: row.position,
          displayRank: row.displayRank,
          score: row.score,
          breakdown: row.breakdown as StoredBreakdown,
          decidedBy: row.decidedBy as BundleDecision,
          grantFen: row.grantFen,
          status: row.status,
          reason: row.reason as BundleReason,
        })),
        statistics: run.statistics as BundleStatistics,
      },
    };
    await this.recordDownload(actor, run, 'bundle');
    return {
      filename: `ranking-${run.id}.bundle.json`,
      contentType: 'application/json; charset=utf-8',
      bytes: Buffer.from(`${JSON.stringify(bundle, sortNestedKeys, 2)}\n`, 'utf8'),
    };
  }

  private async succeededRun(runId: string): Promise<RankingRun> {
    const run = await this.runs.findRunWithData(runId);
    if (!run) throw RankingErrors.runNotFound();
    if (run.status !== 'succeeded') throw RankingErrors.runHasNoResult(run.status);
    return run;
  }

  private async tableOf(
    competition: Competition,
    run: RankingRun,
    view: 'office' | 'applicant',
  ): Promise<Unpaged<ResultsResponseDto>> {
    const inputs = run.inputs as BundleInputs;
    const results = await this.runs.resultsOf(run.id);
    const projects = new Map(inputs.projects.map((project) => [project.id, project]));
    const organizations = new Map(
      (await this.runs.organizations([...new Set(inputs.projects.map((project) => project.organization))])).map(
        (organization) => [organization.id, organization.name],
      ),
    );
    return {
      competitionId: run.competitionId,
      runId: run.id,
      rulesVersion: run.rulesVersion as number,
      inputHash: run.inputHash as string,
      finishedAt: run.finishedAt?.toISOString() ?? '',
      poolFen: inputs.poolFen,
      totalFen: run.totalFen as number,
      view,
      ...componentsOfRun(inputs),
      items: results.map((row) => this.rowOf(row, competition, projects.get(row.submissionId), organizations, view)),
    };
  }

  private rowOf(
    row: RunResult,
    competition: Competition,
    project: BundleInputs['projects'][number] | undefined,
    organizations: ReadonlyMap<string, string>,
    view: 'office' | 'applicant',
  ): ResultRowDto {
    const breakdown = row.breakdown as StoredBreakdown;
    const decision = row.decidedBy as BundleDecision;
    return {
      position: row.position,
      rank: row.displayRank,
      submissionId: row.submissionId,
      projectTitle: project?.title ?? '',
      community: project?.community ?? '',
      organizationName: project ? (organizations.get(project.organization) ?? '') : '',
      category: categoryOf(competition.rules, project?.category ?? ''),
      score: row.score,
      breakdown: view === 'office' ? breakdown.score : publicBreakdown(breakdown.score),
      ...rowComponentsOf(breakdown),
      tieBreak: {
        kind: decision.kind,
        ...(decision.kind === 'tie-break' ? { key: decision.key, step: decision.step } : {}),
        ...decisionLabel(decision),
      },
      requestedFen: breakdown.grant.requestedFen,
      grantFen: row.grantFen,
      status: row.status,
      statusLabel: { ...STATUS_LABELS[row.status] },
      reason: reasonOf(row.reason),
    };
  }

  private async recordDownload(actor: Actor, run: RankingRun, format: 'csv' | 'bundle'): Promise<void> {
    await this.audit.record({
      ...auditActor(actor),
      action: 'ranking-run.download',
      subjectType: 'ranking-run',
      subjectId: run.id,
      after: { format, competitionId: run.competitionId, inputHash: run.inputHash },
    });
  }
}

/** Nested objects with sorted keys (jsonb does not keep the order); the top level keeps its documented order. */
function sortNestedKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '' || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
