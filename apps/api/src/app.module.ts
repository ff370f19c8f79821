import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, ConfigModule } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { ProducerRedis } from './redis/producer-redis';
import { RedisModule } from './redis/redis.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        RedisModule,
        BullModule.forRootAsync({
          inject: [ProducerRedis],
          useFactory: (redis: ProducerRedis) => ({ connection: redis.client, prefix: config.queue.prefix }),
        }),
        AuthModule,
        HealthModule,
        LiveModule,
      ],
    };
  }
}
