import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EvaluationOutcome, EvaluationRoundState, EvaluationStage, GrantState } from '@app/domain';
import { KeyedDigest } from '../auth/credential-digest.service';
import {
  EvaluationRecusal,
  EvaluationResultRow,
  EvaluationRound,
  EvaluationSheet,
  Evaluator,
  supportCounts,
} from '@app/persistence';

/** A grant a round evaluates, with what the office and the bundle name it by. */
export interface RoundProject {
  readonly grantId: string;
  readonly forStage: 'mid' | 'final';
  readonly agreementNumber: string;
  readonly title: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly community: string;
}

/** A grant that can be evaluated, before a round lists it. */
export type Candidate = Omit<RoundProject, 'forStage'> & { readonly forStage?: 'mid' | 'final' };

const PROJECT_COLUMNS = `g.id AS "grantId", g.agreement_number AS "agreementNumber", s.title,
  o.id AS "organizationId", o.name AS "organizationName", o.community`;

/** The evaluation tables: rounds, their projects and panels, sheets and results. */
@Injectable()
export class EvaluationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Residents' ratings of the needs each grant's service order answers (its direct purchase's order,
   * or the order its competition submission took), by grant id; grants with no rated need are absent.
   * A support the community voided brings no rating, as it brings no count to the wall.
   */
  async residentRatings(grantIds: readonly string[]): Promise<Map<string, { count: number; sum: number }>> {
    if (grantIds.length === 0) return new Map();
    const rows: { grant_id: string; count: string; sum: string }[] = await this.dataSource.query(
      `SELECT g.id AS grant_id, count(s.rating) AS count, coalesce(sum(s.rating), 0) AS sum
         FROM project_grant g
         JOIN service_order o
           ON o.id = g.order_id
           OR o.id = (SELECT os.order_id FROM order_submission os WHERE os.submission_id = g.submission_id)
         JOIN resident_need n ON n.order_id = o.id
         JOIN need_support s ON s.need_id = n.id AND s.rating IS NOT NULL AND ${supportCounts('s')}
        WHERE g.id = ANY($1)
        GROUP BY g.id`,
      [[...grantIds]],
    );
    return new Map(rows.map((row) => [row.grant_id, { count: Number(row.count), sum: Number(row.sum) }]));
  }

  findRound(id: string, manager: EntityManager = this.dataSource.manager): Promise<EvaluationRound | null> {
    return manager.getRepository(EvaluationRound).findOneBy({ id });
  }

  /** The round locked for the rest of the transaction: every change to a round goes through here. */
  lockRound(manager: EntityManager, id: string): Promise<EvaluationRound | null> {
    return manager.getRepository(EvaluationRound).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  roundsOf(competitionId: string): Promise<EvaluationRound[]> {
    return this.dataSource
      .getRepository(EvaluationRound)
      .find({ where: { competitionId }, order: { createdAt: 'DESC' } });
  }

  openRound(manager: EntityManager, competitionId: string, stage: EvaluationStage): Promise<EvaluationRound | null> {
    return manager.getRepository(EvaluationRound).findOneBy({ competitionId, stage, state: EvaluationRoundState.Open });
  }

  activeGrants(manager: EntityManager, competitionId: string): Promise<Candidate[]> {
    return manager.query(
      `SELECT ${PROJECT_COLUMNS}
         FROM project_grant g
         JOIN submission s ON s.id = g.submission_id
         JOIN organization o ON o.id = g.organization_id
        WHERE g.competition_id = $1 AND g.state = $2
        ORDER BY g.id`,
      [competitionId, GrantState.Active],
    );
  }

  /** Active grants whose latest result for a stage opened a remediation, with that stage. */
  inRemediation(manager: EntityManager, competitionId: string): Promise<Candidate[]> {
    return manager.query(
      `SELECT ${PROJECT_COLUMNS}, latest.for_stage AS "forStage"
         FROM (SELECT DISTINCT ON (r.grant_id, r.for_stage) r.grant_id, r.for_stage, r.outcome
                 FROM evaluation_result r
                 JOIN evaluation_round er ON er.id = r.round_id
                WHERE er.competition_id = $1
                ORDER BY r.grant_id, r.for_stage, r.created_at DESC) latest
         JOIN project_grant g ON g.id = latest.grant_id
         JOIN submission s ON s.id = g.submission_id
         JOIN organization o ON o.id = g.organization_id
        WHERE latest.outcome = $2 AND g.state = $3
        ORDER BY g.id`,
      [competitionId, EvaluationOutcome.Remediation, GrantState.Active],
    );
  }

  projectsOf(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<RoundProject[]> {
    return manager.query(
      `SELECT ${PROJECT_COLUMNS}, p.for_stage AS "forStage"
         FROM evaluation_project p
         JOIN project_grant g ON g.id = p.grant_id
         JOIN submission s ON s.id = g.submission_id
         JOIN organization o ON o.id = g.organization_id
        WHERE p.round_id = $1
        ORDER BY g.id`,
      [roundId],
    );
  }

  /** The round's evaluator holding this code under any listed credential key. */
  evaluatorByCode(candidates: readonly KeyedDigest[], roundId: string): Promise<Evaluator | null> {
    return this.dataSource
      .getRepository(Evaluator)
      .findOneBy(candidates.map(({ keyId, digest }) => ({ roundId, digestKeyId: keyId, codeDigest: digest })));
  }

  evaluatorsOf(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<Evaluator[]> {
    return manager.getRepository(Evaluator).find({ where: { roundId }, order: { seat: 'ASC' } });
  }

  recusalsOf(evaluatorIds: readonly string[], manager: EntityManager = this.dataSource.manager) {
    return evaluatorIds.length === 0
      ? Promise.resolve([])
      : manager.getRepository(EvaluationRecusal).find({ where: { evaluatorId: In([...evaluatorIds]) } });
  }

  sheetsOf(evaluatorIds: readonly string[], manager: EntityManager = this.dataSource.manager) {
    return evaluatorIds.length === 0
      ? Promise.resolve([])
      : manager.getRepository(EvaluationSheet).find({ where: { evaluatorId: In([...evaluatorIds]) } });
  }

  resultsOf(roundId: string): Promise<EvaluationResultRow[]> {
    return this.dataSource.getRepository(EvaluationResultRow).find({ where: { roundId } });
  }

  resultsOfGrant(grantId: string): Promise<EvaluationResultRow[]> {
    return this.dataSource.getRepository(EvaluationResultRow).find({ where: { grantId }, order: { createdAt: 'ASC' } });
  }

  /** Whether the grant already failed an evaluation of this stage (a remediation was opened). */
  async failedBefore(manager: EntityManager, grantId: string, forStage: 'mid' | 'final'): Promise<boolean> {
    return (
      (await manager
        .getRepository(EvaluationResultRow)
        .countBy({ grantId, forStage, outcome: EvaluationOutcome.Remediation })) > 0
    );
  }

  async organizationExists(manager: EntityManager, organizationId: string): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM organization WHERE id = $1`, [organizationId])).length > 0;
  }
}
