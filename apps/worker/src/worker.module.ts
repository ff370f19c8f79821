import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, ConfigModule } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { QueueName, redisOptionsFor } from '@app/queue';
import { ClosePublicityHandler } from './handlers/close-publicity.handler';
import { RankAndAllocateHandler } from './handlers/rank-and-allocate.handler';
import { RankAndAllocateRepository } from './handlers/rank-and-allocate.repository';
import { RenderAgreementsHandler } from './handlers/render-agreements.handler';
import { RunProgressPublisher } from './handlers/run-progress.publisher';
import { SystemProbeHandler } from './handlers/system-probe.handler';
import { AgreementsProcessor } from './processors/agreements.processor';
import { RankingProcessor } from './processors/ranking.processor';
import { SystemProcessor } from './processors/system.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        BullModule.forRoot({ connection: redisOptionsFor(config.redis.url, 'worker'), prefix: config.queue.prefix }),
        BullModule.registerQueue({ name: QueueName.System }),
        BullModule.registerQueue({ name: QueueName.Agreements }),
      ],
      providers: [
        SystemProbeHandler,
        SystemProcessor,
        RenderAgreementsHandler,
        ClosePublicityHandler,
        AgreementsProcessor,
        RankAndAllocateRepository,
        RunProgressPublisher,
        RankAndAllocateHandler,
        RankingProcessor,
      ],
    };
  }
}
