import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardCompetition, SYSTEM_ACTOR } from '@app/application';
import { AWARD_NOT_DUE, DomainError } from '@app/domain';
import { PublicityRepository } from '@app/persistence';

export interface ClosePublicityResult {
  /** Competitions moved to awarded by this tick. */
  readonly awarded: readonly string[];
}

/**
 * The scheduler's tick: every notice period (公示) that has ended without an open objection
 * awards its competition (AwardCompetition, the same step as the office's button), its agreements
 * queued in the same transaction. Each competition is re-checked under its row lock, so a tick
 * racing the office's own award, an objection filed at the last second, or another worker's tick
 * changes nothing twice: such a competition is refused as not due, and the tick moves on.
 */
@Injectable()
export class ClosePublicityHandler {
  private readonly logger = new Logger(ClosePublicityHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publicity: PublicityRepository,
    private readonly awards: AwardCompetition,
  ) {}

  async handle(now: Date = new Date()): Promise<ClosePublicityResult> {
    const awarded: string[] = [];
    for (const competitionId of await this.publicity.dueForAward(now)) {
      try {
        await this.dataSource.transaction((manager) => this.awards.award(manager, competitionId, SYSTEM_ACTOR, now));
        awarded.push(competitionId);
      } catch (error) {
        if (!(error instanceof DomainError && AWARD_NOT_DUE.includes(error.reason))) throw error;
      }
    }
    if (awarded.length > 0) this.logger.log(`notice periods closed: ${awarded.join(', ')}`);
    return { awarded };
  }
}
