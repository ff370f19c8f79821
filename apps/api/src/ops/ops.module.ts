import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '@app/queue';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { OpsQueues } from './ops-queues';
import { QueueDashboardAccess } from './queue-dashboard-access.service';
import { QueueDashboardController } from './queue-dashboard.controller';

/** What the people who run the platform read: the metrics and the queue dashboard's access. */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.System },
      { name: QueueName.Ranking },
      { name: QueueName.Agreements },
      { name: QueueName.Webhooks },
      { name: QueueName.Notifications },
    ),
  ],
  controllers: [MetricsController, QueueDashboardController],
  providers: [OpsQueues, MetricsService, QueueDashboardAccess],
  exports: [MetricsService],
})
export class OpsModule {}
