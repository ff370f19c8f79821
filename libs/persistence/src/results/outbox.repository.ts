import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { OutboxMessage } from './outbox-message.entity';

/** Longest error text kept per outbox row: enough to diagnose, never a whole stack. */
const MAX_ERROR_CHARS = 500;

/** A job as an outbox row holds it. */
export interface OutboxEntry {
  readonly queueName: string;
  readonly jobName: string;
  readonly jobId: string;
  readonly payload: object;
}

/** The outbox table: rows written with the work they announce, and the relay's reads and updates. */
@Injectable()
export class OutboxRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** In the caller's transaction; a row with the same job id is kept as it is, so the same work is queued once. */
  async insert(manager: EntityManager, entry: OutboxEntry): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ queuePrefix: this.config.queue.prefix, ...entry })
      .orIgnore()
      .execute();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The oldest undispatched rows, locked for the caller's transaction. SKIP LOCKED lets several API
   * processes relay at once without waiting on, or sending, each other's rows.
   */
  claimPending(manager: EntityManager, limit: number): Promise<OutboxMessage[]> {
    return manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .where('message.dispatchedAt IS NULL')
      .andWhere('message.queuePrefix = :prefix', { prefix: this.config.queue.prefix })
      .orderBy('message.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Seconds since the oldest message of this deployment still waiting to be queued was written; 0 when none waits. */
  async oldestPendingAgeSeconds(): Promise<number> {
    const [row] = await this.dataSource.query<{ age: number | null }[]>(
      `SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age
         FROM outbox_message WHERE dispatched_at IS NULL AND queue_prefix = $1`,
      [this.config.queue.prefix],
    );
    return row?.age ?? 0;
  }

  async markDispatched(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE outbox_message SET dispatched_at = now(), attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async markAttemptFailed(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, MAX_ERROR_CHARS),
    ]);
  }
}
