import { Global, Module } from '@nestjs/common';
import { LiveEventRepository } from './live-event.repository';
import { LiveEventsController } from './live-events.controller';
import { LiveEventsService } from './live-events.service';
import { LiveStreamService } from './live-stream.service';
import { SubscriberRedis } from './subscriber-redis';

@Global()
@Module({
  controllers: [LiveEventsController],
  providers: [LiveEventsService, LiveEventRepository, LiveStreamService, SubscriberRedis],
  exports: [LiveEventsService],
})
export class LiveModule {}
