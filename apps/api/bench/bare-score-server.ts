import Fastify from 'fastify';
import { ProducerRedis, SignalBus } from '@app/application';
import { loadConfig } from '@app/config';
import { LiveEventType } from '@app/domain';
import {
  AuditEvent,
  AuditRepository,
  LiveEventRepository,
  dataSourceOptions,
  scopedDataSource,
} from '@app/persistence';
import { LiveEventsService } from '../src/live/live-events.service';
import { ScoreRepository, snapshotOf } from '../src/roadshows/score.repository';

/** A sheet as the API stored it for the same judge and slot: the ceiling writes exactly the same rows. */
export interface BarePost {
  readonly roadshowId: string;
  readonly judgeId: string;
  readonly slotId: string;
  readonly idempotencyKey: string;
  readonly criteria: Record<string, string>;
  readonly gates: Record<string, boolean>;
  readonly total: string;
  readonly comment: string | null;
}

/**
 * The ceiling for bench:roadshow: a judge's post as the transaction the product must run and
 * nothing else. The product's own repositories send the same SQL in the same order (judge lock,
 * slot share lock with the replay and recusal reads, score + revision, audit row, and on a first
 * save the live event numbered under the roadshow's counter), then the same Redis signal; no Nest
 * application, no validation, no authentication, no checks of what the reads return.
 *
 * Its pool has `2 × DATABASE_POOL_SIZE` connections, as many as the benchmark's two API processes
 * together, and keeps them through the pauses between bursts: opening connections again after
 * every pitch is a cost of a pool setting, not of the transaction, so a ceiling does not pay it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const options = dataSourceOptions({ url: config.database.url, poolSize: 2 * config.database.poolSize });
  const dataSource = await scopedDataSource({
    ...options,
    extra: { ...(options.extra as object), idleTimeoutMillis: 0 },
  }).initialize();
  const producer = new ProducerRedis(config.redis.url);
  await producer.connect();
  const scores = new ScoreRepository(dataSource);
  const audit = new AuditRepository(dataSource.getRepository(AuditEvent));
  const live = new LiveEventsService(new LiveEventRepository(dataSource), new SignalBus(producer, config));

  const app = Fastify({ logger: false, bodyLimit: config.api.bodyLimitBytes });
  app.get('/health', () => ({ status: 'ok' }));
  app.put<{ Body: BarePost }>('/bare/score', async (request, reply) => {
    const post = request.body;
    const saved = await dataSource.transaction(async (manager) => {
      await scores.lockJudge(manager, post.judgeId, post.roadshowId);
      const target = await scores.target(manager, post);
      if (!target) return undefined;
      const stored = await scores.write(manager, { ...post, submissionId: target.submissionId });
      await audit.record(
        {
          actorType: 'judge',
          actorId: post.judgeId,
          action: 'score.submit',
          subjectType: 'score',
          subjectId: stored.revision.scoreId,
          before: target.previous,
          after: { ...snapshotOf(stored), idempotencyKey: post.idempotencyKey },
        },
        manager,
      );
      const first = stored.revision.revision === 1;
      if (first) {
        await live.appendRead(manager, post.roadshowId, LiveEventType.JudgeSubmitted, async (locked) => ({
          slotId: post.slotId,
          ...(await scores.progressOf(locked, post.slotId)),
        }));
      }
      return { stored, first };
    });
    if (!saved) return reply.code(404).send({ code: 'NOT_FOUND' });
    if (saved.first) await live.notify(post.roadshowId);
    return saved.stored.revision;
  });
  await app.listen({ port: config.api.port, host: '127.0.0.1' });
  const stop = (): void => {
    void app
      .close()
      .then(() => dataSource.destroy())
      .finally(() => producer.disconnect());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
