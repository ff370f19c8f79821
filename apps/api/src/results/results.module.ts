import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { PersistenceModule } from '@app/persistence';
import { QueueName } from '@app/queue';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';
import { RankingRunsController } from './ranking-runs.controller';
import { RankingRunsRepository } from './ranking-runs.repository';
import { RankingRunsService } from './ranking-runs.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { RunEventsService } from './run-events.service';
import { RunSignals } from './run-signals';

/**
 * Ranking runs and their results, and the outbox relay that queues every job written through
 * the outbox (ranking runs, agreement rendering). Exports RankingRunsService so an upheld
 * objection can request a run inside its own transaction.
 */
@Module({
  imports: [PersistenceModule, BullModule.registerQueue({ name: QueueName.Ranking }, { name: QueueName.Agreements })],
  controllers: [RankingRunsController, ResultsController],
  providers: [
    RankingRunsRepository,
    RankingRunsService,
    ResultsService,
    OutboxRepository,
    OutboxRelay,
    RunSignals,
    RunEventsService,
  ],
  exports: [RankingRunsService],
})
export class ResultsModule {}
