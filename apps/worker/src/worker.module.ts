import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, ConfigModule } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { QueueName, redisOptionsFor } from '@app/queue';
import { SystemProbeHandler } from './handlers/system-probe.handler';
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
      ],
      providers: [SystemProbeHandler, SystemProcessor],
    };
  }
}
