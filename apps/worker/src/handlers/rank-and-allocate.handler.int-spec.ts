import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { ApplicationModule, SignalBus } from '@app/application';
import { ConfigModule, loadConfig } from '@app/config';
import { COMPETITION_PRESETS, CompetitionState } from '@app/domain';
import { AuditEvent, Competition, RankingRun, RunResult } from '@app/persistence';
import { seedScoredCompetition, type ScoredCompetition } from '@app/testing';
import { RankAndAllocateHandler } from './rank-and-allocate.handler';

describe('RankAndAllocateHandler on real Postgres', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let handler: RankAndAllocateHandler;

  /** What the office's progress bar would read from the run's row at each "run changed" signal, per run. */
  const reported = new Map<string, number[]>();
  /** A competition of 12 projects × 7 judges, one judge in four recused, its roadshow over. */
  const scoredCompetition = () => seedScoredCompetition(db, { projects: 12, judges: 7, recuseEvery: 4 });
  const newRun = (scored: ScoredCompetition) =>
    db
      .getRepository(RankingRun)
      .save({ competitionId: scored.competitionId, status: 'queued', trigger: 'office', requestedBy: scored.officeId });
  const rowsOf = (runId: string) => db.getRepository(RunResult).find({ where: { runId }, order: { position: 'ASC' } });
  const comparable = (rows: RunResult[]) => rows.map(({ id: _id, runId: _runId, ...row }) => row);

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig()), ApplicationModule],
      providers: [RankAndAllocateHandler],
    })
      .overrideProvider(SignalBus)
      .useValue({
        runChanged: async (runId: string) => {
          const { progress } = await db.getRepository(RankingRun).findOneByOrFail({ id: runId });
          reported.set(runId, [...(reported.get(runId) ?? []), progress]);
        },
      })
      .compile();
    context = await module.init();
    db = context.get(DataSource);
    handler = context.get(RankAndAllocateHandler);
  });

  afterAll(async () => {
    await context.close();
  });

  it('ranks, allocates and moves the competition to allocated through ranked, reporting each stage', async () => {
    const scored = await scoredCompetition();
    const run = await newRun(scored);
    const outcome = await handler.handle({ runId: run.id });
    expect(outcome).toMatchObject({
      runId: run.id,
      status: 'succeeded',
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(reported.get(run.id)).toEqual([5, 20, 30, 45, 55, 70, 85, 100]);
    const stored = await db.getRepository(RankingRun).findOneByOrFail({ id: run.id });
    expect(stored).toMatchObject({ status: 'succeeded', progress: 100, rulesVersion: 1, errorCode: null });
    expect(stored.finishedAt).toBeInstanceOf(Date);
    const rows = await rowsOf(run.id);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.reduce((sum, row) => sum + row.grantFen, 0)).toBe(stored.totalFen);
    expect((await db.getRepository(Competition).findOneByOrFail({ id: scored.competitionId })).state).toBe(
      CompetitionState.Allocated,
    );
    const transitions = await db.getRepository(AuditEvent).find({
      where: { subjectType: 'competition', subjectId: scored.competitionId, action: 'competition.transition' },
      order: { id: 'ASC' },
    });
    expect(transitions.map((event) => [event.before, event.after])).toEqual([
      [{ state: 'scoring-closed' }, expect.objectContaining({ state: 'ranked', runId: run.id })],
      [{ state: 'ranked' }, expect.objectContaining({ state: 'allocated', runId: run.id })],
    ]);
  });

  it('writes once when the same run is handled twice, one after the other', async () => {
    const run = await newRun(await scoredCompetition());
    const first = await handler.handle({ runId: run.id });
    const second = await handler.handle({ runId: run.id });
    expect(first.status).toBe('succeeded');
    expect(second).toEqual({ runId: run.id, status: 'skipped', inputHash: first.inputHash });
    expect(await db.getRepository(RunResult).countBy({ runId: run.id })).toBe(12);
    expect(await db.getRepository(AuditEvent).countBy({ subjectId: run.id, action: 'ranking-run.succeeded' })).toBe(1);
  });

  it('writes once when two handlers of the same run race (a stalled job picked up twice)', async () => {
    const run = await newRun(await scoredCompetition());
    const outcomes = await Promise.all([handler.handle({ runId: run.id }), handler.handle({ runId: run.id })]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(await db.getRepository(RunResult).countBy({ runId: run.id })).toBe(12);
    expect(await db.getRepository(AuditEvent).countBy({ subjectId: run.id, action: 'ranking-run.succeeded' })).toBe(1);
  });

  it('gives byte-identical results for unchanged inputs: same hash, same rows but for ids', async () => {
    const scored = await scoredCompetition();
    const runs: RankingRun[] = [];
    for (let i = 0; i < 3; i += 1) {
      const run = await newRun(scored);
      await handler.handle({ runId: run.id });
      runs.push(await db.getRepository(RankingRun).findOneByOrFail({ id: run.id, status: 'succeeded' }));
    }
    expect(new Set(runs.map((run) => run.inputHash)).size).toBe(1);
    expect(new Set(runs.map((run) => JSON.stringify(run.statistics))).size).toBe(1);
    const [first, ...others] = await Promise.all(runs.map((run) => rowsOf(run.id)));
    for (const rows of others) expect(comparable(rows)).toEqual(comparable(first));
  });

  it('fails a run with unusable rules for good, with a reason in both languages, and writes nothing', async () => {
    const bad = await seedScoredCompetition(db, {
      projects: 3,
      judges: 5,
      rules: { ...COMPETITION_PRESETS['party-building'], tieBreaks: ['coin-toss'] },
    });
    const run = await db
      .getRepository(RankingRun)
      .save({ competitionId: bad.competitionId, status: 'queued', trigger: 'office', requestedBy: bad.officeId });
    await expect(handler.handle({ runId: run.id })).rejects.toBeInstanceOf(UnrecoverableError);
    const stored = await db.getRepository(RankingRun).findOneByOrFail({ id: run.id });
    expect(stored).toMatchObject({ status: 'failed', errorCode: 'SCORING_INVALID_RANKING', inputHash: null });
    expect(JSON.parse(stored.errorMessage as string)).toEqual({
      reason: 'SCORING_INVALID_RANKING',
      zh: '评分规则或数据无法计算：同分排序规则第 1 项有误，排名规则不成立',
      en: 'the rules or data cannot be computed: tie-break 1 is wrong; the ranking rules do not hold together',
      field: 'rules.tieBreaks.0',
    });
    expect(await db.getRepository(RunResult).countBy({ runId: run.id })).toBe(0);
    expect((await db.getRepository(Competition).findOneByOrFail({ id: bad.competitionId })).state).toBe(
      CompetitionState.ScoringClosed,
    );
    // A failed run is final: handling it again does nothing.
    expect(await handler.handle({ runId: run.id })).toMatchObject({ status: 'skipped' });
  });

  it('refuses a competition in a state a run cannot finish in, and leaves it as it was', async () => {
    const awarded = await seedScoredCompetition(db, { projects: 2, judges: 3, state: CompetitionState.Awarded });
    const run = await db.getRepository(RankingRun).save({
      competitionId: awarded.competitionId,
      status: 'queued',
      trigger: 'office',
      requestedBy: awarded.officeId,
    });
    await expect(handler.handle({ runId: run.id })).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await db.getRepository(RankingRun).findOneByOrFail({ id: run.id })).toMatchObject({
      status: 'failed',
      errorCode: 'CONFLICT',
    });
    expect(await db.getRepository(RunResult).countBy({ runId: In([run.id]) })).toBe(0);
  });
});
