import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CompetitionState,
  EvaluationOutcome,
  GrantState,
  RefundState,
  ReportState,
  TerminationCause,
  TerminationProposalState,
  TrancheState,
} from '@app/domain';
import { GrantTranche } from '@app/persistence';

/** One grant with the names it is known by and the counts beside its ledger; nothing personal. */
export interface GrantProgressRow {
  readonly grantId: string;
  readonly competitionId: string;
  readonly competitionTitle: string;
  readonly submissionId: string;
  readonly projectTitle: string;
  readonly category: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly community: string;
  readonly agreementNumber: string;
  readonly amountFen: number;
  readonly state: GrantState;
  readonly stateReason: string | null;
  readonly reportsAccepted: number;
  readonly refundDueFen: number;
  readonly createdAt: Date;
  readonly tranches: readonly { readonly amountFen: number; readonly state: TrancheState }[];
  /** The cause of the confirmed termination proposal that ended the grant, if one did. */
  readonly terminationCause: TerminationCause | null;
  /** The grant's latest evaluation result, with its band's names from the competition's rules. */
  readonly latestEvaluation: LatestEvaluation | null;
  /** Whether an evaluation ever sent the project into remediation (整改). */
  readonly remediated: boolean;
}

export interface LatestEvaluation {
  readonly stage: 'mid' | 'final';
  readonly band: string;
  readonly bandZh: string | null;
  readonly bandEn: string | null;
  readonly stars: number | null;
  readonly passed: boolean;
}

interface GrantProgressRecord {
  grant_id: string;
  competition_id: string;
  competition_title: string;
  submission_id: string;
  project_title: string;
  category: string;
  organization_id: string;
  organization_name: string;
  community: string;
  agreement_number: string;
  amount_fen: string;
  state: GrantState;
  state_reason: string | null;
  reports_accepted: string;
  refund_due_fen: string;
  created_at: Date;
  termination_cause: TerminationCause | null;
  latest_evaluation: LatestEvaluation | null;
  remediated: boolean;
}

const SELECT_PROGRESS = `
  SELECT g.id AS grant_id, g.competition_id, c.title AS competition_title, g.submission_id,
         s.title AS project_title, s.category, g.organization_id, o.name AS organization_name, o.community,
         g.agreement_number, g.amount_fen, g.state, g.state_reason, g.created_at,
         (SELECT count(*) FROM grant_report r WHERE r.grant_id = g.id AND r.state = $2) AS reports_accepted,
         (SELECT coalesce(sum(f.amount_fen), 0) FROM grant_refund f WHERE f.grant_id = g.id AND f.state = $3)
           AS refund_due_fen,
         (SELECT t.cause FROM termination_proposal t WHERE t.grant_id = g.id AND t.state = $4
           ORDER BY t.decided_at DESC LIMIT 1) AS termination_cause,
         (SELECT json_build_object('stage', e.for_stage, 'band', e.band, 'stars', e.stars, 'passed', e.passed,
                                   'bandZh', b.band->>'labelZh', 'bandEn', b.band->>'labelEn')
            FROM evaluation_result e
            LEFT JOIN LATERAL (SELECT value AS band FROM jsonb_array_elements(c.rules->'evaluation'->'bands')
                                WHERE value->>'key' = e.band LIMIT 1) b ON true
           WHERE e.grant_id = g.id ORDER BY e.created_at DESC LIMIT 1) AS latest_evaluation,
         EXISTS (SELECT 1 FROM evaluation_result e WHERE e.grant_id = g.id AND e.outcome = $5) AS remediated
    FROM project_grant g
    JOIN submission s ON s.id = g.submission_id
    JOIN organization o ON o.id = g.organization_id
    JOIN competition c ON c.id = g.competition_id`;

export interface PublishedCompetitionRow {
  readonly competitionId: string;
  readonly competitionTitle: string;
  readonly competitionState: CompetitionState;
  readonly noticeEndsAt: Date;
  readonly grantCount: number;
}

/**
 * What the public pages and the organization's history read: the competitions that published a
 * result, and grants with their names, counts and tranches.
 */
@Injectable()
export class AccountabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every competition with a notice, by its newest notice, newest first. */
  async published(): Promise<PublishedCompetitionRow[]> {
    const rows: { id: string; title: string; state: CompetitionState; ends_at: Date; grant_count: string }[] =
      await this.dataSource.query(
        `SELECT c.id, c.title, c.state, p.ends_at,
                (SELECT count(*) FROM project_grant g WHERE g.competition_id = c.id) AS grant_count
           FROM competition c
           JOIN LATERAL (SELECT ends_at, created_at FROM publication
                          WHERE competition_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) p ON true
          ORDER BY p.created_at DESC, c.id`,
      );
    return rows.map((r) => ({
      competitionId: r.id,
      competitionTitle: r.title,
      competitionState: r.state,
      noticeEndsAt: r.ends_at,
      grantCount: Number(r.grant_count),
    }));
  }

  /** A competition's grants in agreement-number order. */
  ofCompetition(competitionId: string): Promise<GrantProgressRow[]> {
    return this.load(`${SELECT_PROGRESS} WHERE g.competition_id = $1 ORDER BY g.agreement_number, g.id`, competitionId);
  }

  /** An organization's grants, newest first. */
  ofOrganization(organizationId: string): Promise<GrantProgressRow[]> {
    return this.load(
      `${SELECT_PROGRESS} WHERE g.organization_id = $1 ORDER BY g.created_at DESC, g.id`,
      organizationId,
    );
  }

  private async load(sql: string, id: string): Promise<GrantProgressRow[]> {
    const records: GrantProgressRecord[] = await this.dataSource.query(sql, [
      id,
      ReportState.Accepted,
      RefundState.Open,
      TerminationProposalState.Confirmed,
      EvaluationOutcome.Remediation,
    ]);
    const tranches =
      records.length === 0
        ? []
        : await this.dataSource.getRepository(GrantTranche).find({
            select: { grantId: true, amountFen: true, state: true },
            where: { grantId: In(records.map((r) => r.grant_id)) },
          });
    return records.map((r) => ({
      grantId: r.grant_id,
      competitionId: r.competition_id,
      competitionTitle: r.competition_title,
      submissionId: r.submission_id,
      projectTitle: r.project_title,
      category: r.category,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      community: r.community,
      agreementNumber: r.agreement_number,
      amountFen: Number(r.amount_fen),
      state: r.state,
      stateReason: r.state_reason,
      reportsAccepted: Number(r.reports_accepted),
      refundDueFen: Number(r.refund_due_fen),
      createdAt: r.created_at,
      tranches: tranches.filter((t) => t.grantId === r.grant_id),
      terminationCause: r.termination_cause,
      latestEvaluation: r.latest_evaluation,
      remediated: r.remediated,
    }));
  }
}
