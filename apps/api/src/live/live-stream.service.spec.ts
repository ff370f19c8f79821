import { MessageEvent } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { LiveEvent } from '@app/persistence';
import { LiveEventRepository } from './live-event.repository';
import { LiveStreamService } from './live-stream.service';
import { LiveSignalHandlers, SubscriberRedis } from './subscriber-redis';

const ROADSHOW = '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76';

/** Postgres as the stream sees it: committed rows, and appends in flight that make a read refuse. */
class FakeEvents {
  rows: LiveEvent[] = [];
  inFlight = 0;
  reads = 0;

  roadshowExists = (): Promise<boolean> => Promise.resolve(true);

  latestId = (): Promise<bigint | undefined> =>
    Promise.resolve(
      this.inFlight > 0 ? undefined : this.rows.reduce((max, row) => (BigInt(row.id) > max ? BigInt(row.id) : max), 0n),
    );

  readAfter = (_roadshowId: string, after: bigint, limit: number): Promise<LiveEvent[] | undefined> => {
    this.reads += 1;
    if (this.inFlight > 0) return Promise.resolve(undefined);
    const later = this.rows.filter((row) => BigInt(row.id) > after);
    return Promise.resolve(later.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))).slice(0, limit));
  };

  add(id: number, data: object): void {
    this.rows.push({ id: String(id), roadshowId: ROADSHOW, type: 'score.submitted', data, createdAt: new Date() });
  }
}

class FakeSignals {
  connected = true;
  handlers: LiveSignalHandlers | undefined;
  channels = new Set<string>();
  listen = (handlers: LiveSignalHandlers): void => {
    this.handlers = handlers;
  };
  add = (roadshowId: string): Promise<void> => {
    this.channels.add(roadshowId);
    return Promise.resolve();
  };
  remove = (roadshowId: string): void => {
    this.channels.delete(roadshowId);
  };
}

describe('LiveStreamService', () => {
  let events: FakeEvents;
  let signals: FakeSignals;
  let service: LiveStreamService;
  let received: MessageEvent[];
  let subscription: Subscription | undefined;

  async function open(lastEventId?: string): Promise<void> {
    const stream = await service.open(ROADSHOW, lastEventId);
    subscription = stream.subscribe((message) => received.push(message));
    await jest.advanceTimersByTimeAsync(0);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    events = new FakeEvents();
    signals = new FakeSignals();
    service = new LiveStreamService(events as unknown as LiveEventRepository, signals as unknown as SubscriberRedis);
    received = [];
  });

  afterEach(async () => {
    subscription?.unsubscribe();
    await service.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('greets a new client with the current id, so it can reconnect from there', async () => {
    events.add(7, { judges: 3 });
    await open();
    expect(received).toEqual([{ id: '7', comment: '已连接 / connected', retry: 2000 }]);
  });

  it('sends a heartbeat comment every 15 s', async () => {
    await open();
    await jest.advanceTimersByTimeAsync(15_000);
    expect(received.filter((message) => message.comment === '心跳 / heartbeat')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(received.filter((message) => message.comment === '心跳 / heartbeat')).toHaveLength(2);
  });

  it('holds back events while an append is in flight, then delivers them in id order', async () => {
    await open('0');
    events.inFlight = 1;
    events.add(2, { n: 2 });
    signals.handlers?.signal(ROADSHOW);
    await jest.advanceTimersByTimeAsync(100);
    expect(received.filter((message) => message.data !== undefined)).toEqual([]);

    events.add(1, { n: 1 });
    events.inFlight = 0;
    await jest.advanceTimersByTimeAsync(25);
    expect(received.filter((message) => message.data !== undefined).map((message) => message.id)).toEqual(['1', '2']);
  });

  it('reads every 5 s without a signal, and every second while Redis is down', async () => {
    await open('0');
    const afterOpen = events.reads;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(events.reads).toBe(afterOpen + 1);

    signals.connected = false;
    await jest.advanceTimersByTimeAsync(3_000);
    expect(events.reads).toBe(afterOpen + 4);
  });

  it('the last client leaving drops the channel and stops every timer', async () => {
    await open();
    expect(signals.channels).toEqual(new Set([ROADSHOW]));
    subscription?.unsubscribe();
    expect(signals.channels).toEqual(new Set());
    expect(service.listenerCount(ROADSHOW)).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shutting down completes the open streams', async () => {
    let completed = false;
    const stream = await service.open(ROADSHOW, undefined);
    subscription = stream.subscribe({ complete: () => (completed = true) });
    await service.beforeApplicationShutdown();
    expect(completed).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
