import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { CompetitionState, canTransition } from '@app/domain';
import { AppConfig } from '@app/config';
import { AuditRepository, Competition, Objection, OutboxMessage, Publication } from '@app/persistence';
import { JOB_QUEUE, JobName, RenderAgreementsPayload, jobIdFor } from '@app/queue';

export interface ClosePublicityResult {
  /** Competitions moved to awarded by this tick. */
  readonly awarded: readonly string[];
}

/**
 * The scheduler's tick: every notice period (公示) that has ended without an open objection
 * awards its competition, and the agreements are queued through the outbox in the same
 * transaction. Each competition is re-checked under its row lock, so a tick racing the office's
 * own award, an objection filed at the last second, or another worker's tick changes nothing twice.
 */
@Injectable()
export class ClosePublicityHandler {
  private readonly logger = new Logger(ClosePublicityHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async handle(now: Date = new Date()): Promise<ClosePublicityResult> {
    const due: { competition_id: string }[] = await this.dataSource.query(
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
    const awarded: string[] = [];
    for (const { competition_id: competitionId } of due) {
      if (await this.award(competitionId, now)) awarded.push(competitionId);
    }
    if (awarded.length > 0) this.logger.log(`notice periods closed: ${awarded.join(', ')}`);
    return { awarded };
  }

  private award(competitionId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await manager
        .getRepository(Competition)
        .findOne({ where: { id: competitionId }, lock: { mode: 'pessimistic_write' } });
      const publication = await manager.getRepository(Publication).findOneBy({ competitionId, supersededAt: IsNull() });
      if (
        !competition ||
        !publication ||
        !canTransition(competition.state, CompetitionState.Awarded) ||
        publication.endsAt.getTime() > now.getTime() ||
        (await manager.getRepository(Objection).existsBy({ publicationId: publication.id, status: 'open' }))
      ) {
        return false;
      }
      const from = competition.state;
      competition.state = CompetitionState.Awarded;
      await manager.getRepository(Competition).save(competition);
      const payload: RenderAgreementsPayload = { competitionId, runId: publication.runId, generation: 1 };
      const jobId = jobIdFor({ name: JobName.RenderAgreements, data: payload });
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessage)
        .values({
          queuePrefix: this.config.queue.prefix,
          queueName: JOB_QUEUE[JobName.RenderAgreements],
          jobName: JobName.RenderAgreements,
          jobId,
          payload,
        })
        .orIgnore()
        .execute();
      await this.audit.record(
        {
          actorType: 'system',
          action: 'competition.transition',
          subjectType: 'competition',
          subjectId: competitionId,
          before: { state: from },
          after: {
            state: CompetitionState.Awarded,
            rulesVersion: competition.rulesVersion,
            reason: 'publicity period ended without open objections',
            publicationId: publication.id,
            runId: publication.runId,
            agreementsJobId: jobId,
          },
        },
        manager,
      );
      return true;
    });
  }
}
