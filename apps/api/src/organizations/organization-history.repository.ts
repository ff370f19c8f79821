import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Competition, MonthlyCheck, OrganizationSanction } from '@app/persistence';
import { CompetitionState, ScreeningStatus, SubmissionState } from '@app/domain';
import type { AllocationStatus, BundleReason } from '@app/scoring';

/** One submission an organization entered, with the current result of its competition if there is one. */
export interface EnteredSubmissionRow {
  readonly submissionId: string;
  readonly competitionId: string;
  readonly competitionTitle: string;
  readonly competitionState: CompetitionState;
  readonly title: string;
  readonly state: SubmissionState;
  readonly screening: ScreeningStatus;
  readonly submittedAt: Date | null;
  readonly result: {
    readonly displayRank: number;
    readonly score: string;
    readonly status: AllocationStatus;
    readonly grantFen: number;
    readonly reason: BundleReason;
  } | null;
}

interface EnteredSubmissionRecord {
  submission_id: string;
  competition_id: string;
  competition_title: string;
  competition_state: CompetitionState;
  title: string;
  state: SubmissionState;
  screening: ScreeningStatus;
  submitted_at: Date | null;
  display_rank: number | null;
  score: string | null;
  status: AllocationStatus | null;
  grant_fen: string | null;
  reason: BundleReason | null;
}

@Injectable()
export class OrganizationHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every submission the organization submitted (drafts are its own business), newest competition
   * first, each with its row in the competition's latest successful run: the office's current result.
   */
  async entered(organizationId: string): Promise<EnteredSubmissionRow[]> {
    const records: EnteredSubmissionRecord[] = await this.dataSource.query(
      `SELECT s.id AS submission_id, c.id AS competition_id, c.title AS competition_title,
              c.state AS competition_state, s.title, s.state, s.screening, s.submitted_at,
              rr.display_rank, rr.score, rr.status, rr.grant_fen, rr.reason
         FROM submission s
         JOIN competition c ON c.id = s.competition_id
         LEFT JOIN LATERAL (SELECT r.id FROM ranking_run r
                             WHERE r.competition_id = c.id AND r.status = 'succeeded'
                             ORDER BY r.created_at DESC, r.id LIMIT 1) run ON true
         LEFT JOIN run_result rr ON rr.run_id = run.id AND rr.submission_id = s.id
        WHERE s.organization_id = $1 AND s.state <> $2
        ORDER BY c.created_at DESC, c.id, s.submitted_at DESC NULLS LAST, s.id`,
      [organizationId, SubmissionState.Draft],
    );
    return records.map((r) => ({
      submissionId: r.submission_id,
      competitionId: r.competition_id,
      competitionTitle: r.competition_title,
      competitionState: r.competition_state,
      title: r.title,
      state: r.state,
      screening: r.screening,
      submittedAt: r.submitted_at,
      result:
        r.display_rank === null
          ? null
          : {
              displayRank: r.display_rank,
              score: r.score as string,
              status: r.status as AllocationStatus,
              grantFen: Number(r.grant_fen),
              reason: r.reason as BundleReason,
            },
    }));
  }

  /** Every sanction ever recorded on the organization, newest first: an ended one is history too. */
  sanctions(organizationId: string): Promise<OrganizationSanction[]> {
    return this.dataSource
      .getRepository(OrganizationSanction)
      .find({ where: { organizationId }, order: { recordedAt: 'DESC', id: 'ASC' } });
  }

  /** Each month's latest revision of every monthly check of these grants, oldest month first. */
  monthlyChecks(grantIds: readonly string[]): Promise<MonthlyCheck[]> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(MonthlyCheck)
      .createQueryBuilder('c')
      .distinctOn(['c.grant_id', 'c.month'])
      .where('c.grant_id IN (:...grantIds)', { grantIds })
      .orderBy('c.grant_id', 'ASC')
      .addOrderBy('c.month', 'ASC')
      .addOrderBy('c.revision', 'DESC')
      .getMany();
  }

  /** The competitions these grants come from: their rules say where a monthly score is below the line. */
  competitions(ids: readonly string[]): Promise<Competition[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Competition).findBy({ id: In([...ids]) });
  }
}
