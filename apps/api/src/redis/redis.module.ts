import { Global, Module } from '@nestjs/common';
import { RateWindow } from './rate-window';

/** Rate windows over the process's producer connection (ApplicationModule owns the connection). */
@Global()
@Module({
  providers: [RateWindow],
  exports: [RateWindow],
})
export class RedisModule {}
