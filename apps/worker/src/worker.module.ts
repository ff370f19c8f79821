import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ApplicationModule } from '@app/application';
import { AppConfig, ConfigModule } from '@app/config';
import { QueueName, redisOptionsFor } from '@app/queue';
import { ClosePublicityHandler } from './handlers/close-publicity.handler';
import { RankAndAllocateHandler } from './handlers/rank-and-allocate.handler';
import { RenderAgreementsHandler } from './handlers/render-agreements.handler';
import { DeliverWebhookHandler } from './handlers/deliver-webhook.handler';
import { RemindReportsHandler } from './handlers/remind-reports.handler';
import { SendNotificationHandler } from './handlers/send-notification.handler';
import { SystemProbeHandler } from './handlers/system-probe.handler';
import { AgreementsProcessor } from './processors/agreements.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { RankingProcessor } from './processors/ranking.processor';
import { SystemProcessor } from './processors/system.processor';
import { WebhooksProcessor } from './processors/webhooks.processor';
import { JobTenantScope } from './processors/job-tenant-scope';
import { WorkerMetrics } from './worker-metrics.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ApplicationModule,
        BullModule.forRoot({ connection: redisOptionsFor(config.redis.url, 'worker'), prefix: config.queue.prefix }),
        BullModule.registerQueue({ name: QueueName.System }),
        BullModule.registerQueue({ name: QueueName.Agreements }),
        BullModule.registerQueue({ name: QueueName.Notifications }),
      ],
      providers: [
        WorkerMetrics,
        JobTenantScope,
        SystemProbeHandler,
        SystemProcessor,
        RenderAgreementsHandler,
        ClosePublicityHandler,
        AgreementsProcessor,
        RankAndAllocateHandler,
        RankingProcessor,
        DeliverWebhookHandler,
        WebhooksProcessor,
        SendNotificationHandler,
        RemindReportsHandler,
        NotificationsProcessor,
      ],
    };
  }
}
