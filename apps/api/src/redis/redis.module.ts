import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ProducerRedis } from './producer-redis';
import { RateWindow } from './rate-window';

@Global()
@Module({
  providers: [
    {
      provide: ProducerRedis,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new ProducerRedis(config.redis.url);
        await redis.connect();
        return redis;
      },
    },
    RateWindow,
  ],
  exports: [ProducerRedis, RateWindow],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(private readonly redis: ProducerRedis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
