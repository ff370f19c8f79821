import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompetitionLifecycle, SYSTEM_ACTOR, SignalBus, WebhookEvents } from '@app/application';
import {
  CompetitionErrors,
  CompetitionState,
  RankingErrors,
  WebhookTopic,
  assertComponentValuesReady,
  assertEverySlotLocked,
  walkAfterRun,
} from '@app/domain';
import { AuditRepository, RankingRunsRepository, RankingSnapshot, RunFailure } from '@app/persistence';
import { RankAndAllocatePayload } from '@app/queue';
import { forBullmq, permanentFailure } from '../permanent-failure';
import {
  RESULT_BUNDLE_VERSION,
  bundleRulesOf,
  resultSteps,
  storedComponentsOf,
  type BundleInputs,
  type BundleResult,
  type ResultStage,
  type Sha256Hex,
} from '@app/scoring';

const sha256Hex: Sha256Hex = (utf8Text) => createHash('sha256').update(utf8Text, 'utf8').digest('hex');

/** Progress (percent) when each step is done; the stages of libs/scoring in between. */
const STARTED = 5;
const LOADED = 20;
const STAGE_PROGRESS: Readonly<Record<ResultStage, number>> = {
  hashed: 30,
  aggregated: 45,
  ranked: 55,
  allocated: 70,
  statistics: 85,
};

type WriteOutcome = 'written' | 'already-succeeded';

export interface RankAndAllocateOutcome {
  readonly runId: string;
  /** 'skipped' when the run was already final: nothing was done again. */
  readonly status: 'succeeded' | 'skipped';
  readonly inputHash: string | null;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pairOrder(
  a: { readonly projectId: string; readonly judgeId: string },
  b: { readonly projectId: string; readonly judgeId: string },
  seats: ReadonlyMap<string, number>,
): number {
  return a.projectId === b.projectId
    ? (seats.get(a.judgeId) ?? 0) - (seats.get(b.judgeId) ?? 0)
    : codeUnitOrder(a.projectId, b.projectId);
}

/** Every input and vote component locked and valued for every project of the snapshot. */
function assertComponentsReady(snapshot: RankingSnapshot): void {
  const valued = new Map<string, Set<string>>();
  for (const row of snapshot.componentValues) {
    const set = valued.get(row.componentKey) ?? new Set<string>();
    set.add(row.submissionId);
    valued.set(row.componentKey, set);
  }
  assertComponentValuesReady(
    storedComponentsOf(snapshot.competition.rules),
    new Set(snapshot.componentLocks.map((lock) => lock.componentKey)),
    (key) => valued.get(key) ?? new Set(),
    snapshot.submissions.map((submission) => submission.id),
  );
}

/**
 * The canonical inputs of a run: the competition's rules verbatim, every screened-in project of
 * the locked roadshow, the panel in seat order, every score sheet and recusal, and the values of
 * the input and vote components, each list in its documented order, so unchanged data always
 * gives the same inputs and the same hash.
 */
function inputsOf(snapshot: RankingSnapshot): BundleInputs {
  const { competition, submissions, organizations, judges } = snapshot;
  const seats = new Map(judges.map((judge, i) => [judge.id, i + 1]));
  const projectIds = new Set(submissions.map((submission) => submission.id));
  const stored = storedComponentsOf(competition.rules);
  const order = new Map(stored.map((component, i) => [component.key, i]));
  const componentValues = snapshot.componentValues
    .filter((row) => projectIds.has(row.submissionId) && order.has(row.componentKey))
    .map((row) => ({ projectId: row.submissionId, key: row.componentKey, value: row.value }))
    .sort((a, b) =>
      a.projectId === b.projectId
        ? (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0)
        : codeUnitOrder(a.projectId, b.projectId),
    );
  return {
    competition: { id: competition.id, title: competition.title, rulesVersion: competition.rulesVersion },
    poolFen: competition.poolFen,
    rules: bundleRulesOf(competition.rules),
    projects: [...submissions]
      .sort((a, b) => codeUnitOrder(a.id, b.id))
      .map((submission) => ({
        id: submission.id,
        title: submission.title,
        category: submission.category,
        organization: submission.organizationId,
        community: organizations.get(submission.organizationId)?.community ?? '',
        requestedFen: submission.requestedFen,
        budgetFen: submission.budgetTotalFen,
        // A submitted project always has its time; the creation time stands in for data written by hand.
        submittedAt: (submission.submittedAt ?? submission.createdAt).toISOString(),
      })),
    judges: judges.map((judge, i) => ({
      id: judge.id,
      seat: i + 1,
      group: judge.group,
      weight: judge.weight,
      ...(judge.community ? { affiliation: judge.community } : {}),
    })),
    sheets: snapshot.scores
      .filter((score) => projectIds.has(score.submissionId))
      .map((score) => ({
        projectId: score.submissionId,
        judgeId: score.judgeId,
        marks: { ...score.criteria },
        gates: { ...score.gates },
      }))
      .sort((a, b) => pairOrder(a, b, seats)),
    recusals: snapshot.recusals
      .filter((recusal) => projectIds.has(recusal.submissionId))
      .map((recusal) => ({ projectId: recusal.submissionId, judgeId: recusal.judgeId }))
      .sort((a, b) => pairOrder(a, b, seats)),
    ...(stored.length > 0 ? { componentValues } : {}),
  };
}

/**
 * Ranks a competition's projects and allocates its pool for one ranking_run. Idempotent: a run
 * already succeeded (or failed for good) is left as it is, and the result is written in one
 * transaction that re-checks the run under a row lock, so a retried or duplicated job writes at
 * most once. Permanent errors fail the run with a bilingual reason and are not retried;
 * anything else (database or Redis away) is rethrown for BullMQ's backoff. Progress is written to
 * the run's row, the one place the office's progress bar reads, with a signal after each write.
 */
@Injectable()
export class RankAndAllocateHandler {
  private readonly logger = new Logger('ranking');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RankingRunsRepository,
    private readonly lifecycle: CompetitionLifecycle,
    private readonly audit: AuditRepository,
    private readonly signals: SignalBus,
    private readonly events: WebhookEvents,
  ) {}

  async handle(payload: RankAndAllocatePayload): Promise<RankAndAllocateOutcome> {
    const { runId } = payload;
    const run = await this.runs.findRun(runId);
    if (!run) throw forBullmq(RankingErrors.runNotFound());
    if (run.status === 'succeeded' || run.status === 'failed') {
      return { runId, status: 'skipped', inputHash: run.inputHash };
    }
    if (!(await this.runs.markRunning(runId, STARTED))) {
      const now = await this.runs.findRun(runId);
      return { runId, status: 'skipped', inputHash: now?.inputHash ?? null };
    }
    await this.signals.runChanged(runId);
    try {
      const snapshot = await this.runs.loadSnapshot(run.competitionId);
      if (!snapshot) throw CompetitionErrors.notFound();
      assertEverySlotLocked(snapshot.slots.total, snapshot.slots.locked);
      assertComponentsReady(snapshot);
      const inputs = inputsOf(snapshot);
      await this.progress(runId, LOADED);
      const steps = resultSteps(inputs, sha256Hex);
      let next = steps.next();
      while (!next.done) {
        // Between stages the event loop turns: progress goes out and BullMQ renews the job's lock.
        await this.progress(runId, STAGE_PROGRESS[next.value]);
        next = steps.next();
      }
      const result = next.value;
      const outcome = await this.writeResult(runId, inputs, result);
      if (outcome === 'already-succeeded') {
        this.logger.log(`run ${runId} was completed by another attempt; nothing written`);
      }
      await this.signals.runChanged(runId);
      return { runId, status: outcome === 'written' ? 'succeeded' : 'skipped', inputHash: result.inputHash };
    } catch (error) {
      const failure = permanentFailure(error);
      if (failure) {
        await this.fail(runId, {
          code: failure.code,
          reason: failure.reason,
          zh: failure.message.zh,
          en: failure.message.en,
          field: failure.field,
        });
      }
      throw forBullmq(error);
    }
  }

  /** Marks a run failed after its job gave up (transient errors on every attempt; BullMQ keeps the last one). */
  async giveUp(runId: string): Promise<void> {
    const refusal = RankingErrors.retriesExhausted();
    await this.fail(runId, {
      code: refusal.code,
      reason: refusal.reason,
      zh: refusal.messageZh,
      en: refusal.messageEn,
    });
  }

  /**
   * The whole result in one transaction: every result row, the run's hash, inputs, statistics and
   * total, and the competition's walk to `allocated` with its audit rows. The run row is locked
   * first, so of two handlers of one run (a stalled job taken over while the first still runs)
   * exactly one writes and the other finds the run succeeded.
   */
  private writeResult(runId: string, inputs: BundleInputs, result: BundleResult): Promise<WriteOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.runs.lockRun(manager, runId);
      if (!run) throw RankingErrors.runNotFound();
      if (run.status === 'succeeded') return 'already-succeeded';
      if (run.status === 'failed') throw RankingErrors.runFailed();
      const competition = await this.lifecycle.lock(manager, run.competitionId, 'update');
      if (competition.rulesVersion !== inputs.competition.rulesVersion) {
        // Rules are frozen from the roadshow on, so this is a race with a change that cannot last: read again.
        throw new Error(
          `rules changed from version ${inputs.competition.rulesVersion} to ${competition.rulesVersion} during the run`,
        );
      }
      const walk = walkAfterRun(competition.state);
      if (!walk) throw CompetitionErrors.transitionNotAllowed(competition.state, CompetitionState.Ranked);
      for (const to of walk) {
        await this.lifecycle.move(manager, competition, to, SYSTEM_ACTOR, {
          runId: run.id,
          trigger: run.trigger,
          requestedBy: run.requestedBy,
        });
      }
      await this.runs.insertResults(manager, runId, result.projects);
      await this.runs.markSucceeded(manager, runId, {
        rulesVersion: inputs.competition.rulesVersion,
        inputHash: result.inputHash,
        inputs,
        statistics: result.statistics,
        bundleVersion: RESULT_BUNDLE_VERSION,
        totalFen: result.totalFen,
      });
      await this.audit.record(
        {
          ...SYSTEM_ACTOR,
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
      await this.events.record(manager, {
        topic: WebhookTopic.RunSucceeded,
        competitionId: run.competitionId,
        subject: {
          type: 'ranking-run',
          id: runId,
          status: 'succeeded',
          inputHash: result.inputHash,
          totalFen: result.totalFen,
          projects: result.projects.length,
        },
      });
      return 'written';
    });
  }

  private async fail(runId: string, failure: RunFailure): Promise<void> {
    if (await this.runs.markFailed(runId, failure)) await this.signals.runChanged(runId);
  }

  private async progress(runId: string, progress: number): Promise<void> {
    await this.runs.setProgress(runId, progress);
    await this.signals.runChanged(runId);
  }
}
