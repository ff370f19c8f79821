import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JudgeGroup, RecusalSource, SubmissionState } from '@app/domain';
import { Judge, Organization, Recusal } from '@app/persistence';
import { KeyedDigest } from '../auth/credential-digest.service';

export interface NewJudge {
  readonly roadshowId: string;
  readonly name: string;
  readonly group: JudgeGroup;
  readonly weight: string;
  readonly organizationId: string | null;
  readonly community: string | null;
  readonly codeDigest: string;
  readonly digestKeyId: string;
  readonly codeIssuedAt: Date;
}

/** A submission that conflicts with a judge, and why. */
export interface Conflict {
  readonly judgeId: string;
  readonly submissionId: string;
  readonly sameOrganization: boolean;
  readonly organizationName: string;
  readonly community: string;
}

/** Judges of a roadshow and their recusals. */
@Injectable()
export class JudgeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, judge: NewJudge): Promise<Judge> {
    const repository = manager.getRepository(Judge);
    return repository.save(repository.create(judge));
  }

  /** In order of appointment, which is also their seat on the panel. */
  judgesOf(roadshowId: string, manager: EntityManager = this.dataSource.manager): Promise<Judge[]> {
    return manager.getRepository(Judge).find({ where: { roadshowId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  judge(id: string, manager: EntityManager = this.dataSource.manager, lock?: 'update') {
    return manager
      .getRepository(Judge)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The judge (of the roadshow, when one is named) whose code digest is one of these, made with the key it names. */
  judgeByCode(
    candidates: readonly KeyedDigest[],
    roadshowId?: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    return manager.getRepository(Judge).findOneBy(
      candidates.map(({ keyId, digest }) => ({
        digestKeyId: keyId,
        codeDigest: digest,
        ...(roadshowId === undefined ? {} : { roadshowId }),
      })),
    );
  }

  /** The judge's new code: its digest, the key that made it, and now as its issue time. */
  async replaceCode(manager: EntityManager, judgeId: string, digest: KeyedDigest): Promise<Judge> {
    await manager
      .getRepository(Judge)
      .update({ id: judgeId }, { codeDigest: digest.digest, digestKeyId: digest.keyId, codeIssuedAt: new Date() });
    return manager.getRepository(Judge).findOneByOrFail({ id: judgeId });
  }

  /** Scores saved per judge of the roadshow; a judge with none is absent. */
  async scoreCounts(
    roadshowId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const rows = await manager.query<{ judge_id: string; scored: number }[]>(
      `SELECT sc.judge_id, count(*)::int AS scored
         FROM score sc JOIN judge j ON j.id = sc.judge_id
        WHERE j.roadshow_id = $1
        GROUP BY sc.judge_id`,
      [roadshowId],
    );
    return new Map(rows.map((row) => [row.judge_id, row.scored]));
  }

  /** The judge's recusals, then the judge (their sessions go with them); the caller has checked there is no score. */
  async deleteJudge(manager: EntityManager, judgeId: string): Promise<void> {
    await manager.getRepository(Recusal).delete({ judgeId });
    await manager.getRepository(Judge).delete({ id: judgeId });
  }

  organization(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Organization).findOneBy({ id });
  }

  recusal(judgeId: string, submissionId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Recusal).findOneBy({ judgeId, submissionId });
  }

  /** The recusal, if it is one of the roadshow's judges', row-locked until the transaction ends. */
  async recusalOfRoadshow(roadshowId: string, recusalId: string, manager: EntityManager): Promise<Recusal | null> {
    return manager
      .getRepository(Recusal)
      .createQueryBuilder('recusal')
      .innerJoin(Judge, 'judge', 'judge.id = recusal.judgeId')
      .where('recusal.id = :recusalId', { recusalId })
      .andWhere('judge.roadshowId = :roadshowId', { roadshowId })
      .setLock('pessimistic_write', undefined, ['recusal'])
      .getOne();
  }

  async deleteRecusal(manager: EntityManager, recusalId: string): Promise<void> {
    await manager.getRepository(Recusal).delete({ id: recusalId });
  }

  async recusalsOf(roadshowId: string, manager: EntityManager = this.dataSource.manager): Promise<Recusal[]> {
    return manager
      .getRepository(Recusal)
      .createQueryBuilder('recusal')
      .innerJoin(Judge, 'judge', 'judge.id = recusal.judgeId')
      .where('judge.roadshowId = :roadshowId', { roadshowId })
      .orderBy('recusal.createdAt', 'ASC')
      .addOrderBy('recusal.id', 'ASC')
      .getMany();
  }

  /** Judge ids recused from one submission. */
  async recusedFrom(submissionId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(Recusal).find({ where: { submissionId }, select: { judgeId: true } });
    return rows.map((row) => row.judgeId);
  }

  /**
   * Inserts a recusal unless one exists for the pair (a declared or office recusal stays as it
   * was); undefined when it already existed.
   */
  async insertRecusal(
    manager: EntityManager,
    recusal: { judgeId: string; submissionId: string; source: RecusalSource; reason: string },
  ): Promise<Recusal | undefined> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Recusal)
      .values(recusal)
      .orIgnore()
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) return undefined;
    return Object.assign(new Recusal(), {
      id: row.id as string,
      judgeId: row.judge_id as string,
      submissionId: row.submission_id as string,
      source: row.source as RecusalSource,
      reason: row.reason as string,
      createdAt: row.created_at as Date,
    });
  }

  /**
   * Submitted projects of a competition that belong to one of the judges' organizations or
   * communities. Withdrawn and draft projects never reach the stage, so they are not matched.
   */
  async conflicts(
    competitionId: string,
    judgeIds: readonly string[],
    manager: EntityManager,
    submissionIds?: readonly string[],
  ): Promise<Conflict[]> {
    if (judgeIds.length === 0) return [];
    const rows = await manager.query<
      { judge_id: string; submission_id: string; same_organization: boolean; name: string; community: string }[]
    >(
      `SELECT j.id AS judge_id, sub.id AS submission_id,
              (j.organization_id IS NOT NULL AND j.organization_id = sub.organization_id) AS same_organization,
              o.name, o.community
         FROM judge j
         JOIN submission sub ON sub.competition_id = $1 AND sub.state = $2
         JOIN organization o ON o.id = sub.organization_id
        WHERE j.id = ANY($3::uuid[])
          AND ($4::uuid[] IS NULL OR sub.id = ANY($4::uuid[]))
          -- conflictOfInterest (libs/domain) states this rule for evaluators; the two must agree.
          AND ((j.organization_id IS NOT NULL AND j.organization_id = sub.organization_id)
               OR (j.community IS NOT NULL AND j.community = o.community))
        ORDER BY j.id, sub.id`,
      [competitionId, SubmissionState.Submitted, judgeIds, submissionIds ?? null],
    );
    return rows.map((row) => ({
      judgeId: row.judge_id,
      submissionId: row.submission_id,
      sameOrganization: row.same_organization,
      organizationName: row.name,
      community: row.community,
    }));
  }
}
