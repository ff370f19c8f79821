import { MessageEvent } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { SignalBus } from '@app/application';
import { LiveEvent, LiveEventRepository } from '@app/persistence';
import { LiveStreamService } from './live-stream.service';

const ROADSHOW = '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76';

/** Postgres as the stream sees it: the committed events, numbered in commit order. */
class FakeEvents {
  rows: LiveEvent[] = [];
  reads = 0;

  roadshowExists = (): Promise<boolean> => Promise.resolve(true);

  latestSeq = (): Promise<bigint> =>
    Promise.resolve(this.rows.reduce((max, row) => (BigInt(row.seq) > max ? BigInt(row.seq) : max), 0n));

  readAfter = (_roadshowId: string, after: bigint, limit: number): Promise<LiveEvent[]> => {
    this.reads += 1;
    const later = this.rows.filter((row) => BigInt(row.seq) > after);
    return Promise.resolve(later.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))).slice(0, limit));
  };

  add(seq: number, data: object): void {
    this.rows.push({
      id: String(1000 + seq),
      roadshowId: ROADSHOW,
      seq: String(seq),
      type: 'score.submitted',
      data,
      createdAt: new Date(),
    });
  }
}

class FakeSignals {
  connected = true;
  watched = new Map<string, () => void>();
  restored = new Set<() => void>();
  watchRoadshow = (roadshowId: string, listener: () => void) => {
    this.watched.set(roadshowId, listener);
    return { ready: Promise.resolve(), stop: () => this.watched.delete(roadshowId) };
  };
  onRestored = (listener: () => void) => {
    this.restored.add(listener);
    return () => this.restored.delete(listener);
  };
  signal(roadshowId: string): void {
    this.watched.get(roadshowId)?.();
  }
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

  const delivered = () => received.filter((message) => message.data !== undefined).map((message) => message.id);

  beforeEach(() => {
    jest.useFakeTimers();
    events = new FakeEvents();
    signals = new FakeSignals();
    service = new LiveStreamService(events as unknown as LiveEventRepository, signals as unknown as SignalBus);
    received = [];
  });

  afterEach(async () => {
    subscription?.unsubscribe();
    await service.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('greets a new client with the number of the latest event, so it can reconnect from there', async () => {
    events.add(7, { judges: 3 });
    await open();
    expect(received).toEqual([{ id: '7', comment: '已连接 / connected', retry: 2000 }]);
  });

  it('replays what a reconnecting client missed, in order, then sends new events on a signal', async () => {
    events.add(1, { n: 1 });
    events.add(2, { n: 2 });
    events.add(3, { n: 3 });
    await open('1');
    expect(delivered()).toEqual(['2', '3']);

    events.add(4, { n: 4 });
    signals.signal(ROADSHOW);
    await jest.advanceTimersByTimeAsync(0);
    expect(delivered()).toEqual(['2', '3', '4']);
  });

  it('sends a heartbeat comment every 15 s', async () => {
    await open();
    await jest.advanceTimersByTimeAsync(15_000);
    expect(received.filter((message) => message.comment === '心跳 / heartbeat')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(received.filter((message) => message.comment === '心跳 / heartbeat')).toHaveLength(2);
  });

  it('reads every 5 s without a signal, and every second while the signal connection is down', async () => {
    await open('0');
    const afterOpen = events.reads;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(events.reads).toBe(afterOpen + 1);

    signals.connected = false;
    await jest.advanceTimersByTimeAsync(3_000);
    expect(events.reads).toBe(afterOpen + 4);
  });

  it('catches up at once when the signal connection comes back', async () => {
    await open('0');
    events.add(1, { n: 1 });
    signals.restored.forEach((listener) => listener());
    await jest.advanceTimersByTimeAsync(0);
    expect(delivered()).toEqual(['1']);
  });

  it('the last client leaving stops watching the roadshow and stops every timer', async () => {
    await open();
    expect([...signals.watched.keys()]).toEqual([ROADSHOW]);
    subscription?.unsubscribe();
    expect(signals.watched.size).toBe(0);
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
