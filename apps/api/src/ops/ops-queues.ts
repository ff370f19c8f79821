import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';

/** Every queue of the platform, for the metrics and the dashboard: a queue added to QueueName must be added here. */
@Injectable()
export class OpsQueues {
  readonly all: readonly Queue[];

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Ranking) ranking: Queue,
    @InjectQueue(QueueName.Agreements) agreements: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    const byName: Record<QueueName, Queue> = {
      [QueueName.System]: system,
      [QueueName.Ranking]: ranking,
      [QueueName.Agreements]: agreements,
      [QueueName.Webhooks]: webhooks,
      [QueueName.Notifications]: notifications,
    };
    this.all = Object.values(QueueName).map((name) => byName[name]);
    // BullMQ prints every connection error of a queue without a listener; /health/ready reports Redis instead.
    const logger = new Logger('queue');
    for (const queue of this.all) queue.on('error', (error: Error) => logger.debug(error.message));
  }
}
