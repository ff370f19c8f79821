import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Roadshow } from './roadshow.entity';
import { LiveEvent } from './live-event.entity';

interface AppendedRow {
  id: string;
  seq: string;
  created_at: Date;
}

/**
 * A roadshow's live events, numbered per roadshow in commit order.
 *
 * An append takes the next number from the roadshow's counter row, which stays locked until the
 * appending transaction ends: a second appender waits there, so number n+1 can never be visible
 * while number n is not. Readers therefore read `seq > n` in order without taking any lock. The
 * counter must be the last lock an appending transaction takes (nothing it holds may be waited
 * for by another appender), so callers append at the end of their transaction.
 */
@Injectable()
export class LiveEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the roadshow's next number in the caller's transaction and holds the counter until it ends. */
  async nextSeq(manager: EntityManager, roadshowId: string): Promise<string> {
    const [row] = await manager.query<{ last_seq: string }[]>(
      `INSERT INTO roadshow_event_sequence AS s (roadshow_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (roadshow_id) DO UPDATE SET last_seq = s.last_seq + 1
       RETURNING last_seq::text`,
      [roadshowId],
    );
    return row.last_seq;
  }

  async insert(
    manager: EntityManager,
    roadshowId: string,
    seq: string,
    type: string,
    data: object,
  ): Promise<LiveEvent> {
    const [row] = await manager.query<AppendedRow[]>(
      `INSERT INTO live_event (roadshow_id, seq, type, data) VALUES ($1, $2, $3, $4::jsonb)
       RETURNING id::text, seq::text, created_at`,
      [roadshowId, seq, type, JSON.stringify(data)],
    );
    return Object.assign(new LiveEvent(), {
      id: row.id,
      roadshowId,
      seq: row.seq,
      type,
      data,
      createdAt: row.created_at,
    });
  }

  async roadshowExists(roadshowId: string): Promise<boolean> {
    return this.dataSource.getRepository(Roadshow).existsBy({ id: roadshowId });
  }

  /** Committed events after `afterSeq`, in order. */
  readAfter(roadshowId: string, afterSeq: bigint, limit: number): Promise<LiveEvent[]> {
    return this.dataSource
      .getRepository(LiveEvent)
      .createQueryBuilder('event')
      .where('event.roadshowId = :roadshowId', { roadshowId })
      .andWhere('event.seq > :afterSeq', { afterSeq: afterSeq.toString() })
      .orderBy('event.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** The number of the roadshow's latest committed event, 0 when none. */
  async latestSeq(roadshowId: string): Promise<bigint> {
    const [row] = await this.dataSource.query<{ latest: string | null }[]>(
      'SELECT max(seq)::text AS latest FROM live_event WHERE roadshow_id = $1',
      [roadshowId],
    );
    return BigInt(row?.latest ?? '0');
  }
}
