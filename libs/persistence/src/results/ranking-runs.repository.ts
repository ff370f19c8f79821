import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsSelect, In, IsNull } from 'typeorm';
import { ScreeningStatus, SlotState, SubmissionState } from '@app/domain';
import { Competition } from '../competition/competition.entity';
import { Submission } from '../competition/submission.entity';
import { ComponentValueLock } from '../components/component-value-lock.entity';
import { ComponentValue } from '../components/component-value.entity';
import { Organization } from '../identity/organization.entity';
import { Judge } from '../roadshow/judge.entity';
import { Recusal } from '../roadshow/recusal.entity';
import { RoadshowSlot } from '../roadshow/roadshow-slot.entity';
import { Roadshow } from '../roadshow/roadshow.entity';
import { Publication } from './publication.entity';
import { RankingRun, RankingRunStatus } from './ranking-run.entity';
import { RunResult } from './run-result.entity';

/** Every column but the large jsonb ones. */
const RUN_SUMMARY: FindOptionsSelect<RankingRun> = {
  id: true,
  competitionId: true,
  status: true,
  trigger: true,
  requestedBy: true,
  rulesVersion: true,
  inputHash: true,
  totalFen: true,
  progress: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
};

export interface SlotCounts {
  readonly total: number;
  readonly locked: number;
}

export interface NewRun {
  readonly competitionId: string;
  readonly trigger: 'office' | 'objection';
  readonly requestedBy: string;
}

/** Everything a run reads, from one consistent snapshot of the database. */
export interface RankingSnapshot {
  readonly competition: Competition;
  /** Slots of the competition's roadshow, and how many are locked (none without a roadshow). */
  readonly slots: SlotCounts;
  readonly submissions: readonly Submission[];
  readonly organizations: ReadonlyMap<string, Organization>;
  /** In order of appointment, which is their seat. */
  readonly judges: readonly Judge[];
  readonly scores: readonly ScoreSheetRow[];
  readonly recusals: readonly Recusal[];
  /** Values of the input and vote components, and which components are locked. */
  readonly componentValues: readonly ComponentValue[];
  readonly componentLocks: readonly ComponentValueLock[];
}

/** The part of a judge's score a run reads. */
export interface ScoreSheetRow {
  readonly submissionId: string;
  readonly judgeId: string;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
}

/** What a succeeded run stores beside its result rows. */
export interface RunOutcome {
  readonly rulesVersion: number;
  readonly inputHash: string;
  readonly inputs: object;
  readonly statistics: object;
  readonly bundleVersion: number;
  readonly totalFen: number;
}

/** One result row as the engine computed it. */
export interface RunResultRow {
  readonly projectId: string;
  readonly position: number;
  readonly displayRank: number;
  readonly score: string;
  readonly breakdown: unknown;
  readonly decidedBy: unknown;
  readonly grantFen: number;
  readonly status: string;
  readonly reason: string;
}

/** A failure the run records: its kind (`code`), what happened (`reason`) and the words for people. */
export interface RunFailure {
  readonly code: string;
  readonly reason: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
}

/** Result rows per INSERT statement. */
const INSERT_CHUNK = 2000;

/** Ranking runs and their result rows: requested by the office, computed by the worker. */
@Injectable()
export class RankingRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The roadshow's slots, and how many are locked; undefined without a roadshow. */
  async slotCounts(manager: EntityManager, competitionId: string): Promise<SlotCounts | undefined> {
    const roadshow = await manager.getRepository(Roadshow).findOneBy({ competitionId });
    if (!roadshow) return undefined;
    const slots = manager.getRepository(RoadshowSlot);
    const [total, locked] = await Promise.all([
      slots.countBy({ roadshowId: roadshow.id }),
      slots.countBy({ roadshowId: roadshow.id, state: SlotState.Locked }),
    ]);
    return { total, locked };
  }

  /** The projects a run would rank: submitted, screened in, with a slot in the roadshow. */
  async rankableProjectIds(manager: EntityManager, competitionId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT s.id FROM submission s
         JOIN roadshow_slot sl ON sl.submission_id = s.id
         JOIN roadshow r ON r.id = sl.roadshow_id AND r.competition_id = $1
        WHERE s.state = $2 AND s.screening = $3
        ORDER BY s.id`,
      [competitionId, SubmissionState.Submitted, ScreeningStatus.Passed],
    );
    return rows.map((row) => row.id);
  }

  activeRun(manager: EntityManager, competitionId: string): Promise<RankingRun | null> {
    return manager.getRepository(RankingRun).findOne({
      where: { competitionId, status: In<RankingRunStatus>(['queued', 'running']) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** A queued run, in the caller's transaction (the caller writes its job's outbox row in the same one). */
  insertQueuedRun(manager: EntityManager, run: NewRun): Promise<RankingRun> {
    const runs = manager.getRepository(RankingRun);
    return runs.save(
      runs.create({
        competitionId: run.competitionId,
        trigger: run.trigger,
        requestedBy: run.requestedBy,
        status: 'queued',
      }),
    );
  }

  /** The run without its inputs and statistics, which can run to megabytes. */
  findRun(id: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOne({ where: { id }, select: RUN_SUMMARY });
  }

  /** The run with everything it stored: for statistics and the bundle. */
  findRunWithData(id: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOneBy({ id });
  }

  /** Newest first. */
  runsOf(competitionId: string): Promise<RankingRun[]> {
    return this.dataSource.getRepository(RankingRun).find({
      where: { competitionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      select: RUN_SUMMARY,
    });
  }

  /** The most recently requested run that succeeded: the current result. */
  latestSucceeded(competitionId: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOne({
      where: { competitionId, status: 'succeeded' },
      select: RUN_SUMMARY,
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** The notice (公示) in force, if any: applicants see only what it published. */
  currentPublication(competitionId: string): Promise<Publication | null> {
    return this.dataSource.getRepository(Publication).findOne({
      where: { competitionId, supersededAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  resultsOf(runId: string): Promise<RunResult[]> {
    return this.dataSource.getRepository(RunResult).find({ where: { runId }, order: { position: 'ASC' } });
  }

  organizations(ids: readonly string[]): Promise<Organization[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.getRepository(Organization).findBy({ id: In([...ids]) });
  }

  /** FOR UPDATE in the caller's transaction: of two handlers of one run, one writes. */
  lockRun(manager: EntityManager, id: string): Promise<RankingRun | null> {
    return manager.getRepository(RankingRun).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Queued or running (a retry after a crash) → running; false when the run is already final. */
  async markRunning(runId: string, progress: number): Promise<boolean> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `UPDATE ranking_run SET status = 'running', started_at = COALESCE(started_at, now()), progress = $2
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, progress],
    );
    return result[1] > 0;
  }

  async setProgress(runId: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE ranking_run SET progress = $2 WHERE id = $1 AND status = 'running'`, [
      runId,
      progress,
    ]);
  }

  /** Records a permanent failure; a run that already finished stays as it is. */
  async markFailed(runId: string, failure: RunFailure): Promise<boolean> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `UPDATE ranking_run SET status = 'failed', error_code = $2, error_message = $3, finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [
        runId,
        failure.code,
        JSON.stringify({ reason: failure.reason, zh: failure.zh, en: failure.en, field: failure.field ?? null }),
      ],
    );
    return result[1] > 0;
  }

  async markSucceeded(manager: EntityManager, runId: string, outcome: RunOutcome): Promise<void> {
    await manager.getRepository(RankingRun).update(runId, {
      status: 'succeeded',
      progress: 100,
      rulesVersion: outcome.rulesVersion,
      inputHash: outcome.inputHash,
      inputs: outcome.inputs,
      statistics: outcome.statistics,
      bundleVersion: outcome.bundleVersion,
      totalFen: outcome.totalFen,
      errorCode: null,
      errorMessage: null,
      finishedAt: () => 'now()',
    });
  }

  /**
   * Reads the competition's roadshow in one REPEATABLE READ snapshot, so the inputs are consistent
   * even if someone writes meanwhile. Returns undefined for a competition that does not exist.
   */
  loadSnapshot(competitionId: string): Promise<RankingSnapshot | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const competition = await manager.getRepository(Competition).findOneBy({ id: competitionId });
      if (!competition) return undefined;
      const roadshow = await manager.getRepository(Roadshow).findOneBy({ competitionId });
      const slots = roadshow ? await manager.getRepository(RoadshowSlot).findBy({ roadshowId: roadshow.id }) : [];
      const counts = { total: slots.length, locked: slots.filter((slot) => slot.state === SlotState.Locked).length };
      const submissions =
        slots.length === 0
          ? []
          : await manager.getRepository(Submission).find({
              where: {
                id: In(slots.map((slot) => slot.submissionId)),
                state: SubmissionState.Submitted,
                screening: ScreeningStatus.Passed,
              },
              order: { id: 'ASC' },
            });
      const submissionIds = submissions.map((submission) => submission.id);
      const organizations =
        submissions.length === 0
          ? []
          : await manager
              .getRepository(Organization)
              .findBy({ id: In([...new Set(submissions.map((submission) => submission.organizationId))]) });
      const judges = roadshow
        ? await manager
            .getRepository(Judge)
            .find({ where: { roadshowId: roadshow.id }, order: { createdAt: 'ASC', id: 'ASC' } })
        : [];
      const judgeIds = judges.map((judge) => judge.id);
      const included = new Set(submissionIds);
      const slotIds = slots.filter((slot) => included.has(slot.submissionId)).map((slot) => slot.id);
      // Plain rows, not entities: a large competition has tens of thousands of sheets.
      const scores =
        slotIds.length === 0 || judgeIds.length === 0
          ? []
          : await manager.query<ScoreSheetRow[]>(
              `SELECT submission_id AS "submissionId", judge_id AS "judgeId", criteria, gates
                 FROM score WHERE slot_id = ANY($1::uuid[]) AND judge_id = ANY($2::uuid[])`,
              [slotIds, judgeIds],
            );
      const recusals =
        submissionIds.length === 0 || judgeIds.length === 0
          ? []
          : await manager.getRepository(Recusal).findBy({ submissionId: In(submissionIds), judgeId: In(judgeIds) });
      const componentValues = await manager
        .getRepository(ComponentValue)
        .find({ where: { competitionId }, order: { submissionId: 'ASC', componentKey: 'ASC' } });
      const componentLocks = await manager.getRepository(ComponentValueLock).findBy({ competitionId });
      return {
        competition,
        slots: counts,
        submissions,
        organizations: new Map(organizations.map((organization) => [organization.id, organization])),
        judges,
        scores,
        recusals,
        componentValues,
        componentLocks,
      };
    });
  }

  /**
   * All rows in one statement per chunk, sent as one JSON parameter and unpacked by Postgres:
   * far cheaper than thousands of bound parameters for a large competition.
   */
  async insertResults(manager: EntityManager, runId: string, rows: readonly RunResultRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK).map((row) => ({
        submission_id: row.projectId,
        position: row.position,
        display_rank: row.displayRank,
        score: row.score,
        breakdown: row.breakdown,
        decided_by: row.decidedBy,
        grant_fen: row.grantFen,
        status: row.status,
        reason: row.reason,
      }));
      await manager.query(
        `INSERT INTO run_result
           (run_id, submission_id, position, display_rank, score, breakdown, decided_by, grant_fen, status, reason)
         SELECT $1, r.submission_id, r.position, r.display_rank, r.score, r.breakdown, r.decided_by, r.grant_fen,
                r.status, r.reason
           FROM jsonb_to_recordset($2::jsonb) AS r(submission_id uuid, position integer, display_rank integer,
                score text, breakdown jsonb, decided_by jsonb, grant_fen bigint, status text, reason text)`,
        [runId, JSON.stringify(chunk)],
      );
    }
  }
}
