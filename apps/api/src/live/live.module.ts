import { Global, Module } from '@nestjs/common';
import { LiveEventsController } from './live-events.controller';
import { LiveEventsService } from './live-events.service';
import { LiveStreamService } from './live-stream.service';

@Global()
@Module({
  controllers: [LiveEventsController],
  providers: [LiveEventsService, LiveStreamService],
  exports: [LiveEventsService, LiveStreamService],
})
export class LiveModule {}
