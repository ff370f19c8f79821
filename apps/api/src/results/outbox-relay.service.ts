import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { JOB_OPTIONS, JOB_QUEUE, JobName, QueueName } from '@app/queue';
import { ProducerRedis } from '@app/application';
import { OutboxMessage, OutboxRepository } from '@app/persistence';

/** How often undispatched rows are looked for when nothing nudges the relay. */
const POLL_MS = 500;
/** Rows claimed per transaction. */
const BATCH = 50;
/** While Redis refuses, wait longer between tries, up to this. */
const MAX_BACKOFF_MS = 5_000;
/** A Queue.add that has not answered by then counts as failed; the row is tried again later. */
const ADD_TIMEOUT_MS = 3_000;

const JOB_NAMES = new Set<string>(Object.values(JobName));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Puts outbox rows on BullMQ. Rows are written in the same transaction as the work they announce
 * (a ranking run, agreements to render), so a Redis outage delays the work and loses none: the
 * relay polls every 500 ms, is nudged right after a commit that wrote a row, records each failed
 * attempt on the row and tries again with backoff. Rows are claimed FOR UPDATE SKIP LOCKED, so
 * several API processes share the work; the job id comes from the row, so a row dispatched twice
 * (a crash between add and commit) is still one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger('outbox');
  private readonly queues: ReadonlyMap<string, Queue>;
  private readonly awaitingCommit = new WeakSet<QueryRunner>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private closing = false;
  private failures = 0;
  private retryAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly redis: ProducerRedis,
    @InjectQueue(QueueName.Ranking) ranking: Queue,
    @InjectQueue(QueueName.Agreements) agreements: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = new Map<string, Queue>([
      [QueueName.Ranking, ranking],
      [QueueName.Agreements, agreements],
      [QueueName.Webhooks, webhooks],
      [QueueName.Notifications, notifications],
    ]);
    // Without a listener BullMQ prints every connection error; the row's last_error is the record.
    for (const queue of this.queues.values()) {
      queue.on('error', (error: Error) => this.logger.debug(`queue ${queue.name}: ${error.message}`));
    }
  }

  onApplicationBootstrap(): void {
    // A TypeORM subscriber sees every transaction's commit: the nudge follows exactly the commits that wrote a row.
    this.dataSource.subscribers.push(this);
    this.timer = setInterval(() => this.nudge(), POLL_MS);
    this.timer.unref();
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    await this.draining;
  }

  /** Dispatch soon after the transaction of `manager` commits (at once when there is none). */
  dispatchAfterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.awaitingCommit.add(runner);
    else this.nudge();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.awaitingCommit.has(event.queryRunner)) return;
    this.awaitingCommit.delete(event.queryRunner);
    // The commit event fires before the runner is released; the drain uses its own connection.
    setImmediate(() => this.nudge());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.awaitingCommit.delete(event.queryRunner);
  }

  /** Starts a drain now, or one more right after the one running (nudges in between coalesce). */
  nudge(): void {
    if (this.closing) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.warn(`outbox relay: ${messageOf(error)}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again && !this.closing) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async drain(): Promise<void> {
    if (Date.now() < this.retryAt) return;
    for (;;) {
      const { claimed, failed } = await this.outbox.transaction(async (manager) => {
        const rows = await this.outbox.claimPending(manager, BATCH);
        let failures = 0;
        for (const row of rows) {
          const error = await this.dispatch(row);
          if (error === undefined) {
            await this.outbox.markDispatched(manager, row.id);
          } else {
            failures += 1;
            await this.outbox.markAttemptFailed(manager, row.id, error);
          }
        }
        return { claimed: rows.length, failed: failures };
      });
      if (failed > 0) {
        this.failures += 1;
        this.retryAt = Date.now() + Math.min(POLL_MS * 2 ** this.failures, MAX_BACKOFF_MS);
        return;
      }
      this.failures = 0;
      this.retryAt = 0;
      if (claimed < BATCH || this.closing) return;
    }
  }

  /** undefined when the job is on the queue; otherwise why not. */
  private async dispatch(row: OutboxMessage): Promise<string | undefined> {
    const queue = this.queues.get(row.queueName);
    const expectedQueue: string | undefined = JOB_NAMES.has(row.jobName)
      ? JOB_QUEUE[row.jobName as JobName]
      : undefined;
    if (!queue || expectedQueue !== row.queueName) {
      return `no job "${row.jobName}" on queue "${row.queueName}" in this build`;
    }
    // While Redis is away BullMQ would wait for it without limit: record the attempt instead.
    if (this.redis.client.status !== 'ready') return `redis not connected (${this.redis.client.status})`;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        queue.add(row.jobName, row.payload, { ...JOB_OPTIONS[row.jobName as JobName], jobId: row.jobId }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer from redis within ${ADD_TIMEOUT_MS} ms`)),
            ADD_TIMEOUT_MS,
          );
        }),
      ]);
      return undefined;
    } catch (error) {
      this.logger.warn(`job ${row.jobId} not queued yet: ${messageOf(error)}`);
      return messageOf(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
