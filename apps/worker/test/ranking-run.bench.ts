/**
 * Ranking-run benchmark: a scored competition is written to a database of its own, then the
 * worker's handler ranks and allocates it in this process, as a job would, on real Postgres.
 * Reports the wall time of the whole run (read → compute → one write transaction) and of each
 * stage, median of several runs, for a street-level competition and a large one.
 *
 * Run (services up, env from `bash scripts/services.sh env`, SESSION_KEYS and CREDENTIAL_KEYS set):
 *   node -r @swc-node/register apps/worker/test/ranking-run.bench.ts
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Test } from '@nestjs/testing';
import { ApplicationModule, SignalBus } from '@app/application';
import { ConfigModule, loadConfig } from '@app/config';
import { RankingRun } from '@app/persistence';
import { createIsolatedDatabase, seedScoredCompetition } from '@app/testing';
import { DataSource } from 'typeorm';
import { RankAndAllocateHandler } from '../src/handlers/rank-and-allocate.handler';

const SIZES: readonly (readonly [number, number])[] = [
  [20, 7],
  [1000, 15],
];
const RUNS = 5;

const STAGES: Readonly<Record<number, string>> = {
  5: 'start',
  20: 'load',
  30: 'hash',
  45: 'aggregate',
  55: 'rank',
  70: 'allocate',
  85: 'statistics',
  100: 'write',
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function main(): Promise<void> {
  const base = loadConfig();
  const database = await createIsolatedDatabase(base.database.ownerUrl as string, 'bench');
  try {
    let observe: (progress: number) => void = () => undefined;
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ ...process.env, DATABASE_URL: database.url })), ApplicationModule],
      providers: [RankAndAllocateHandler],
    })
      // Each "run changed" signal follows a progress write: the stage that just ended.
      .overrideProvider(SignalBus)
      .useValue({
        runChanged: async (runId: string) =>
          observe((await db.getRepository(RankingRun).findOneByOrFail({ id: runId })).progress),
      })
      .compile();
    const context = await module.init();
    const db = context.get(DataSource);
    const handler = context.get(RankAndAllocateHandler);
    process.stdout.write(`ranking run, median of ${RUNS} (Node ${process.version})\n`);
    for (const [projects, judges] of SIZES) {
      const seedStart = performance.now();
      const scored = await seedScoredCompetition(db, { projects, judges, recuseEvery: 10 });
      const seedMs = performance.now() - seedStart;
      const totals: number[] = [];
      const stages = new Map<string, number[]>();
      for (let i = 0; i < RUNS; i += 1) {
        const run = await db.getRepository(RankingRun).save({
          competitionId: scored.competitionId,
          status: 'queued',
          trigger: 'office',
          requestedBy: scored.officeId,
        });
        const start = performance.now();
        let last = start;
        observe = (progress) => {
          const now = performance.now();
          const name = STAGES[progress] ?? String(progress);
          stages.set(name, [...(stages.get(name) ?? []), now - last]);
          last = now;
        };
        await handler.handle({ runId: run.id });
        totals.push(performance.now() - start);
      }
      const detail = [...stages.entries()].map(([name, times]) => `${name} ${median(times).toFixed(0)}`).join(', ');
      process.stdout.write(
        `${projects} projects × ${judges} judges (${projects * judges} sheets, seeded in ${seedMs.toFixed(0)} ms): ` +
          `${median(totals).toFixed(0)} ms per run [${detail} ms]\n`,
      );
    }
    await context.close();
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
