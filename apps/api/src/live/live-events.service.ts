import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEventType } from '@app/domain';
import { LiveEvent } from '@app/persistence';
import { ProducerRedis } from '../redis/producer-redis';
import { LiveEventRepository } from './live-event.repository';

export function liveChannel(roadshowId: string): string {
  return `live:roadshow:${roadshowId}`;
}

/**
 * Writes a roadshow's live events. The row is written in the caller's transaction, so an event
 * exists exactly when its change does; `notify` after the commit tells every API process (Redis
 * pub/sub) to read new rows. If the signal is lost, a client's Last-Event-ID still finds the rows.
 */
@Injectable()
export class LiveEventsService {
  private readonly logger = new Logger(LiveEventsService.name);

  constructor(
    private readonly redis: ProducerRedis,
    private readonly events: LiveEventRepository,
  ) {}

  /**
   * Takes the roadshow's shared event lock until the caller's transaction ends (see
   * LiveEventRepository): readers then never deliver a later id before an earlier one commits.
   * Outside a transaction the append gets one of its own, or the lock would end before the insert.
   */
  async append(manager: EntityManager, roadshowId: string, type: LiveEventType, data: object): Promise<LiveEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inner) => this.append(inner, roadshowId, type, data));
    }
    await this.events.lockForAppend(manager, roadshowId);
    return manager.getRepository(LiveEvent).save({ roadshowId, type, data });
  }

  /** Call after the transaction that appended events has committed. Never throws: the rows are the truth. */
  async notify(roadshowId: string): Promise<void> {
    try {
      await this.redis.client.publish(liveChannel(roadshowId), roadshowId);
    } catch (error) {
      this.logger.warn(
        `live signal for roadshow ${roadshowId} not sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
