import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CompetitionState } from '@app/domain';
import { Objection } from './objection.entity';
import { Publication } from './publication.entity';
import { RankingRun } from './ranking-run.entity';

/** One line of the public notice: what the notice may show, and nothing personal. */
export interface NoticeRow {
  readonly position: number;
  readonly displayRank: number;
  readonly score: string;
  readonly grantFen: number;
  readonly status: 'funded' | 'partly-funded' | 'not-funded';
  readonly reason: string;
  readonly submissionId: string;
  readonly projectTitle: string;
  readonly category: string;
  readonly organizationName: string;
  readonly community: string;
  /** The run's stored breakdown of the row, for the score components the notice shows. */
  readonly breakdown: unknown;
}

interface NoticeRowRecord {
  position: number;
  display_rank: number;
  score: string;
  grant_fen: string;
  status: NoticeRow['status'];
  reason: string;
  submission_id: string;
  title: string;
  category: string;
  organization_name: string;
  community: string;
  breakdown: unknown;
}

@Injectable()
export class PublicityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The competition's most recent run: only its result may be published. */
  latestRun(manager: EntityManager, competitionId: string): Promise<RankingRun | null> {
    return manager.getRepository(RankingRun).findOne({
      where: { competitionId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  runById(id: string): Promise<RankingRun | null> {
    return this.dataSource.getRepository(RankingRun).findOneBy({ id });
  }

  /** The notice period in force (not superseded); the partial unique index allows one. */
  currentPublication(manager: EntityManager, competitionId: string): Promise<Publication | null> {
    return manager.getRepository(Publication).findOneBy({ competitionId, supersededAt: IsNull() });
  }

  /** The newest notice, superseded or not: what the public was last shown. */
  latestPublication(competitionId: string): Promise<Publication | null> {
    return this.dataSource.getRepository(Publication).findOne({
      where: { competitionId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  findPublication(id: string, manager: EntityManager = this.dataSource.manager): Promise<Publication | null> {
    return manager.getRepository(Publication).findOneBy({ id });
  }

  insertPublication(manager: EntityManager, publication: Omit<Publication, 'id' | 'createdAt'>): Promise<Publication> {
    return manager.getRepository(Publication).save(publication);
  }

  savePublication(manager: EntityManager, publication: Publication): Promise<Publication> {
    return manager.getRepository(Publication).save(publication);
  }

  countOpenObjections(manager: EntityManager, publicationId: string): Promise<number> {
    return manager.getRepository(Objection).countBy({ publicationId, status: 'open' });
  }

  /** Competitions whose notice period has ended, in publicity, without an open objection: the award's candidates. */
  async dueForAward(now: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ competition_id: string }[]>(
      `SELECT p.competition_id
         FROM publication p
         JOIN competition c ON c.id = p.competition_id
        WHERE p.superseded_at IS NULL
          AND p.ends_at <= $1
          AND c.state = $2
          AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.publication_id = p.id AND o.status = 'open')
        ORDER BY p.ends_at`,
      [now, CompetitionState.Publicity],
    );
    return rows.map((row) => row.competition_id);
  }

  /** The run's table in rank order, with project and organization names only. */
  async noticeRows(runId: string): Promise<NoticeRow[]> {
    const rows: NoticeRowRecord[] = await this.dataSource.query(
      `SELECT rr.position, rr.display_rank, rr.score, rr.grant_fen, rr.status, rr.reason, rr.breakdown,
              s.id AS submission_id, s.title, s.category, o.name AS organization_name, o.community
         FROM run_result rr
         JOIN submission s ON s.id = rr.submission_id
         JOIN organization o ON o.id = s.organization_id
        WHERE rr.run_id = $1
        ORDER BY rr.position`,
      [runId],
    );
    return rows.map((r) => ({
      position: r.position,
      displayRank: r.display_rank,
      score: r.score,
      grantFen: Number(r.grant_fen),
      status: r.status,
      reason: r.reason,
      submissionId: r.submission_id,
      projectTitle: r.title,
      category: r.category,
      organizationName: r.organization_name,
      community: r.community,
      breakdown: r.breakdown,
    }));
  }
}
