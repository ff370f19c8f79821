import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { LiveEvent, Roadshow } from '@app/persistence';

/**
 * How a reader takes the roadshow's event lock: `try` gives up at once when an appending
 * transaction is open; `wait` queues for it, used once `try` has failed for a while so a steady
 * stream of overlapping appends cannot starve the readers. New appenders queue behind a waiting
 * reader, so the wait is short, and shorter than Postgres's deadlock_timeout (1 s): an appender
 * that waits on another appender's row lock then never ends up in a deadlock with the reader.
 */
export type LockMode = 'try' | 'wait';

const LOCK_WAIT = '100ms';
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The roadshow's event lock, the same for appenders and readers (the score_submit database function
 * gets it as an argument); a collision between two roadshows only costs a short wait.
 */
export function liveEventLockKey(roadshowId: string): string {
  return `live_event:${roadshowId}`;
}

const LOCK_KEY = 'hashtextextended($1, 0)';

class LockBusy extends Error {}

/**
 * The queries behind the live streams.
 *
 * Identity ids are handed out when a row is inserted, not when it commits: with two appending
 * transactions in flight, id 11 can become visible before id 10, and a reader that then moved its
 * cursor to 11 would never deliver 10. So appenders hold a shared advisory lock per roadshow until
 * they commit, and readers read under the exclusive one: holding it proves no append of that
 * roadshow is in flight, so the rows it sees are a complete prefix in id order. Appenders never
 * wait for each other, and wait for a reader only for the duration of one read.
 */
@Injectable()
export class LiveEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Called by appenders inside their transaction, before the row gets its id. */
  async lockForAppend(manager: EntityManager, roadshowId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${LOCK_KEY})`, [liveEventLockKey(roadshowId)]);
  }

  async roadshowExists(roadshowId: string): Promise<boolean> {
    return this.dataSource.getRepository(Roadshow).existsBy({ id: roadshowId });
  }

  /** Committed events after `afterId` in id order, or `undefined` while an append is in flight. */
  async readAfter(
    roadshowId: string,
    afterId: bigint,
    limit: number,
    mode: LockMode,
  ): Promise<LiveEvent[] | undefined> {
    return this.underReadLock(roadshowId, mode, (manager) =>
      manager
        .getRepository(LiveEvent)
        .createQueryBuilder('event')
        .where('event.roadshowId = :roadshowId', { roadshowId })
        .andWhere('event.id > :afterId', { afterId: afterId.toString() })
        .orderBy('event.id', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }

  /** The id of the roadshow's latest committed event (0 when none), or `undefined` while an append is in flight. */
  async latestId(roadshowId: string, mode: LockMode): Promise<bigint | undefined> {
    return this.underReadLock(roadshowId, mode, async (manager) => {
      const [row] = await manager.query<{ latest: string | null }[]>(
        'SELECT max(id)::text AS latest FROM live_event WHERE roadshow_id = $1',
        [roadshowId],
      );
      return BigInt(row?.latest ?? '0');
    });
  }

  private async underReadLock<T>(
    roadshowId: string,
    mode: LockMode,
    read: (manager: EntityManager) => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (mode === 'try') {
          const [row] = await manager.query<{ locked: boolean }[]>(
            `SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`,
            [liveEventLockKey(roadshowId)],
          );
          if (!row?.locked) throw new LockBusy();
        } else {
          await manager.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
          await manager.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [liveEventLockKey(roadshowId)]);
        }
        // A new statement, so its snapshot is taken after the lock: every append that held the
        // shared lock has ended by now.
        return read(manager);
      });
    } catch (error) {
      if (error instanceof LockBusy) return undefined;
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === LOCK_NOT_AVAILABLE) {
        return undefined;
      }
      throw error;
    }
  }
}
