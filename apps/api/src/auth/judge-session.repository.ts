import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JudgeSession } from '@app/persistence';
import { JUDGE_TOKEN_SECONDS } from './token.service';

/**
 * A tablet's last request is written at most this often: 30 judges polling every few seconds cost
 * one cheap read each, and one write per judge per interval.
 */
export const SEEN_WRITE_SECONDS = 15;

/** A judge's tablet session as the office sees it. */
export interface TabletSession {
  readonly id: string;
  readonly judgeId: string;
  readonly signedInAt: Date;
  readonly lastSeenAt: Date;
}

/** Judges' sign-ins: started by the code, checked and touched on every judge request, ended by the office. */
@Injectable()
export class JudgeSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(judgeId: string): Promise<string> {
    const repository = this.dataSource.getRepository(JudgeSession);
    const saved = await repository.save(repository.create({ judgeId }));
    return saved.id;
  }

  /**
   * The office the session's roadshow belongs to when the session is live (undefined when it is
   * not), in one statement that also records the tablet as seen when the last record is older than
   * SEEN_WRITE_SECONDS.
   */
  async touch(sessionId: string, judgeId: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ live: boolean; tenant_id: string }[]>(
      `WITH seen AS (
         UPDATE judge_session SET last_seen_at = now()
          WHERE id = $1 AND judge_id = $2 AND ended_at IS NULL
            AND last_seen_at < now() - make_interval(secs => $3)
       )
       SELECT ended_at IS NULL AS live, tenant_id FROM judge_session WHERE id = $1 AND judge_id = $2`,
      [sessionId, judgeId, SEEN_WRITE_SECONDS],
    );
    return rows[0]?.live === true ? rows[0].tenant_id : undefined;
  }

  /** Ends every live session of the judge, in the caller's transaction; how many there were. */
  async endAll(manager: EntityManager, judgeId: string): Promise<number> {
    const [, affected] = await manager.query<[unknown, number]>(
      'UPDATE judge_session SET ended_at = now() WHERE judge_id = $1 AND ended_at IS NULL',
      [judgeId],
    );
    return affected;
  }

  /** The live sessions of a roadshow's judges whose token has not expired, most recently seen first. */
  async tabletsOf(roadshowId: string): Promise<TabletSession[]> {
    const rows = await this.dataSource.query<{ id: string; judge_id: string; created_at: Date; last_seen_at: Date }[]>(
      `SELECT s.id, s.judge_id, s.created_at, s.last_seen_at
         FROM judge_session s JOIN judge j ON j.id = s.judge_id
        WHERE j.roadshow_id = $1 AND s.ended_at IS NULL AND s.created_at > now() - make_interval(secs => $2)
        ORDER BY s.last_seen_at DESC, s.id`,
      [roadshowId, JUDGE_TOKEN_SECONDS],
    );
    return rows.map((row) => ({
      id: row.id,
      judgeId: row.judge_id,
      signedInAt: row.created_at,
      lastSeenAt: row.last_seen_at,
    }));
  }
}
