import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CompetitionState,
  DomainError,
  DomainErrorCode,
  ScreeningStatus,
  SlotState,
  SubmissionState,
  canTransition,
} from '@app/domain';
import {
  AuditRepository,
  Competition,
  Judge,
  Organization,
  RankingRun,
  Recusal,
  Roadshow,
  RoadshowSlot,
  Submission,
} from '@app/persistence';
import type { BundleInputs, BundleResult } from '@app/scoring';

/** Everything a run reads, from one consistent snapshot of the database. */
export interface RankingSnapshot {
  readonly competition: Competition;
  readonly submissions: readonly Submission[];
  readonly organizations: ReadonlyMap<string, Organization>;
  /** In order of appointment, which is their seat. */
  readonly judges: readonly Judge[];
  readonly scores: readonly ScoreSheetRow[];
  readonly recusals: readonly Recusal[];
}

/** The part of a judge's score a run reads. */
export interface ScoreSheetRow {
  readonly submissionId: string;
  readonly judgeId: string;
  readonly criteria: Readonly<Record<string, string>>;
  readonly gates: Readonly<Record<string, boolean>>;
}

export type WriteOutcome = 'written' | 'already-succeeded';

/** A failure the run records: a code and a bilingual reason. */
export interface RunFailure {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
}

/** Result rows per INSERT statement. */
const INSERT_CHUNK = 2000;

/**
 * The lifecycle walk a finished run makes, ending in `allocated`: from scoring-closed, ranked,
 * allocated (a re-run) or publicity (after an upheld objection), always through `ranked`.
 */
function walkToAllocated(from: CompetitionState): CompetitionState[] | undefined {
  switch (from) {
    case CompetitionState.ScoringClosed:
    case CompetitionState.Allocated:
    case CompetitionState.Publicity:
      return [CompetitionState.Ranked, CompetitionState.Allocated];
    case CompetitionState.Ranked:
      return [CompetitionState.Allocated];
    default:
      return undefined;
  }
}

const conflict = (zh: string, en: string): DomainError => new DomainError(DomainErrorCode.Conflict, { zh, en });

/** The ranking worker's reads and writes. */
@Injectable()
export class RankAndAllocateRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  findRun(runId: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOneBy({ id: runId });
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
      [runId, failure.code, JSON.stringify({ zh: failure.zh, en: failure.en, field: failure.field ?? null })],
    );
    return result[1] > 0;
  }

  /**
   * Reads the competition's scored roadshow in one REPEATABLE READ snapshot, so the inputs are
   * consistent even if someone writes meanwhile. Refuses (permanently) a roadshow with slots that
   * are not locked: their scores may still change.
   */
  loadSnapshot(competitionId: string): Promise<RankingSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const competition = await manager.getRepository(Competition).findOneBy({ id: competitionId });
      if (!competition) {
        throw new DomainError(DomainErrorCode.NotFound, { zh: '未找到该大赛', en: 'competition not found' });
      }
      const roadshow = await manager.getRepository(Roadshow).findOneBy({ competitionId });
      if (!roadshow) throw conflict('该大赛还没有路演，无法排名', 'the competition has no roadshow to rank');
      const slots = await manager.getRepository(RoadshowSlot).findBy({ roadshowId: roadshow.id });
      const open = slots.filter((slot) => slot.state !== SlotState.Locked);
      if (slots.length === 0 || open.length > 0) {
        throw conflict(
          slots.length === 0 ? '路演还没有出场顺序，无法排名' : `还有 ${open.length} 个出场位未锁定，锁定后才能排名`,
          slots.length === 0
            ? 'the roadshow has no slots to rank'
            : `${open.length} slot(s) are not locked yet; lock every slot before ranking`,
        );
      }
      const submissions = await manager.getRepository(Submission).find({
        where: {
          id: In(slots.map((slot) => slot.submissionId)),
          state: SubmissionState.Submitted,
          screening: ScreeningStatus.Passed,
        },
        order: { id: 'ASC' },
      });
      const submissionIds = submissions.map((submission) => submission.id);
      const organizations = await manager
        .getRepository(Organization)
        .findBy({ id: In([...new Set(submissions.map((submission) => submission.organizationId))]) });
      const judges = await manager
        .getRepository(Judge)
        .find({ where: { roadshowId: roadshow.id }, order: { createdAt: 'ASC', id: 'ASC' } });
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
      return {
        competition,
        submissions,
        organizations: new Map(organizations.map((organization) => [organization.id, organization])),
        judges,
        scores,
        recusals,
      };
    });
  }

  /**
   * Writes the whole result in one transaction: every run_result row, the run's hash, inputs,
   * statistics and total, and the competition's walk to `allocated`, with its audit rows. The run
   * row is locked first, so of two handlers of the same run (a stalled job picked up while the
   * first still runs) exactly one writes and the other finds the run succeeded.
   */
  writeResult(runId: string, inputs: BundleInputs, result: BundleResult): Promise<WriteOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const run = await manager
        .getRepository(RankingRun)
        .findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw new DomainError(DomainErrorCode.NotFound, { zh: '排名任务不存在', en: 'ranking run not found' });
      if (run.status === 'succeeded') return 'already-succeeded';
      if (run.status === 'failed') {
        throw conflict('该排名任务已失败，不能再写入结果', 'the run has already failed; no result is written');
      }
      const competition = await manager
        .getRepository(Competition)
        .findOne({ where: { id: run.competitionId }, lock: { mode: 'pessimistic_write' } });
      if (!competition) {
        throw new DomainError(DomainErrorCode.NotFound, { zh: '未找到该大赛', en: 'competition not found' });
      }
      if (competition.rulesVersion !== inputs.competition.rulesVersion) {
        // Rules are frozen from the roadshow on, so this is a race with a change that cannot last: read again.
        throw new Error(
          `rules changed from version ${inputs.competition.rulesVersion} to ${competition.rulesVersion} during the run`,
        );
      }
      await this.walkCompetition(manager, competition, run);
      await this.insertResults(manager, runId, result);
      await manager.getRepository(RankingRun).update(runId, {
        status: 'succeeded',
        progress: 100,
        rulesVersion: inputs.competition.rulesVersion,
        inputHash: result.inputHash,
        inputs,
        statistics: result.statistics,
        totalFen: result.totalFen,
        errorCode: null,
        errorMessage: null,
        finishedAt: () => 'now()',
      });
      await this.audit.record(
        {
          actorType: 'system',
          actorId: null,
          action: 'ranking-run.succeeded',
          subjectType: 'ranking-run',
          subjectId: runId,
          before: { status: run.status },
          after: {
            status: 'succeeded',
            competitionId: run.competitionId,
            rulesVersion: inputs.competition.rulesVersion,
            inputHash: result.inputHash,
            totalFen: result.totalFen,
            projects: result.projects.length,
          },
        },
        manager,
      );
      return 'written';
    });
  }

  private async walkCompetition(manager: EntityManager, competition: Competition, run: RankingRun): Promise<void> {
    const from = competition.state;
    const walk = walkToAllocated(from);
    if (!walk) {
      throw conflict(
        `大赛当前为“${from}”，排名结果不能再改变它（只能在评分结束、已排名、已分配或公示期间排名）`,
        `the competition is ${from}; a ranking run can only finish in scoring-closed, ranked, allocated or publicity`,
      );
    }
    for (const to of walk) {
      const before = competition.state;
      if (!canTransition(before, to))
        throw conflict(`不能从 ${before} 变为 ${to}`, `cannot go from ${before} to ${to}`);
      competition.state = to;
      await manager.getRepository(Competition).save(competition);
      await this.audit.record(
        {
          actorType: 'system',
          actorId: null,
          action: 'competition.transition',
          subjectType: 'competition',
          subjectId: competition.id,
          before: { state: before },
          after: { state: to, runId: run.id, trigger: run.trigger, requestedBy: run.requestedBy },
        },
        manager,
      );
    }
  }

  /**
   * All rows in one statement per chunk, sent as one JSON parameter and unpacked by Postgres:
   * far cheaper than thousands of bound parameters for a large competition.
   */
  private async insertResults(manager: EntityManager, runId: string, result: BundleResult): Promise<void> {
    for (let start = 0; start < result.projects.length; start += INSERT_CHUNK) {
      const rows = result.projects.slice(start, start + INSERT_CHUNK).map((project) => ({
        submission_id: project.projectId,
        position: project.position,
        display_rank: project.displayRank,
        score: project.score,
        breakdown: project.breakdown,
        decided_by: project.decidedBy,
        grant_fen: project.grantFen,
        status: project.status,
        reason: project.reason,
      }));
      await manager.query(
        `INSERT INTO run_result
           (run_id, submission_id, position, display_rank, score, breakdown, decided_by, grant_fen, status, reason)
         SELECT $1, r.submission_id, r.position, r.display_rank, r.score, r.breakdown, r.decided_by, r.grant_fen,
                r.status, r.reason
           FROM jsonb_to_recordset($2::jsonb) AS r(submission_id uuid, position integer, display_rank integer,
                score text, breakdown jsonb, decided_by jsonb, grant_fen bigint, status text, reason text)`,
        [runId, JSON.stringify(rows)],
      );
    }
  }
}
