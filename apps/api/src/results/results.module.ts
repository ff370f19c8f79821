import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '@app/queue';
import { OutboxRelay } from './outbox-relay.service';
import { RankingRunsController } from './ranking-runs.controller';
import { RankingRunsService } from './ranking-runs.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { RunEventsService } from './run-events.service';

/**
 * Ranking runs and their results, and the outbox relay that queues every job written through
 * the outbox (ranking runs, agreement rendering). Exports RankingRunsService so an upheld
 * objection can request a run inside its own transaction.
 */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.Ranking },
      { name: QueueName.Agreements },
      { name: QueueName.Webhooks },
      { name: QueueName.Notifications },
    ),
  ],
  controllers: [RankingRunsController, ResultsController],
  providers: [RankingRunsService, ResultsService, OutboxRelay, RunEventsService],
  exports: [RankingRunsService],
})
export class ResultsModule {}
