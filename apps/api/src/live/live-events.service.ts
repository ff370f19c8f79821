import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SignalBus } from '@app/application';
import { LiveEventType } from '@app/domain';
import { LiveEvent, LiveEventRepository } from '@app/persistence';

/**
 * Writes a roadshow's live events. The row is written in the caller's transaction, so an event
 * exists exactly when its change does; `notify` after the commit tells every API process to read
 * new rows. If the signal is lost, a client's Last-Event-ID still finds the rows.
 */
@Injectable()
export class LiveEventsService {
  constructor(
    private readonly events: LiveEventRepository,
    private readonly signals: SignalBus,
  ) {}

  /**
   * Appends as the caller transaction's last lock (see LiveEventRepository): call it after the
   * transaction's other reads and writes that take locks.
   */
  append(manager: EntityManager, roadshowId: string, type: LiveEventType, data: object): Promise<LiveEvent> {
    return this.appendRead(manager, roadshowId, type, () => Promise.resolve(data));
  }

  /**
   * Like append, with data read once the event's number is taken, so the read sees the change of
   * every earlier event of the roadshow: a count sent to the big screen only ever grows.
   */
  async appendRead(
    manager: EntityManager,
    roadshowId: string,
    type: LiveEventType,
    read: (manager: EntityManager) => Promise<object>,
  ): Promise<LiveEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inner) => this.appendRead(inner, roadshowId, type, read));
    }
    const seq = await this.events.nextSeq(manager, roadshowId);
    return this.events.insert(manager, roadshowId, seq, type, await read(manager));
  }

  /** Call after the transaction that appended events has committed. Never throws: the rows are the truth. */
  notify(roadshowId: string): Promise<void> {
    return this.signals.roadshowChanged(roadshowId);
  }
}
